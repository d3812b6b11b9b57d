using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Clients;

// What staff send to and read from intake when they record a complaint or import a file, by the API's JSON names.

/// <summary>
/// A complaint recorded by staff: the public journey's fields, plus how it arrived, when, and for an oral complaint when
/// the written record went to the complainant (Reg 13(2)).
/// </summary>
public sealed record StaffComplaintRequest
{
    public string? OrganisationCode { get; init; }
    public string? Channel { get; init; }
    public string? ReceivedOn { get; init; }
    public string? WrittenRecordSentOn { get; init; }
    public ComplainantPart? Complainant { get; init; }
    public RepresentationPart? Representation { get; init; }
    public PatientPart? Patient { get; init; }
    public string? EventDate { get; init; }
    public string? AwareDate { get; init; }
    public string? Description { get; init; }
    public string? DesiredOutcome { get; init; }

    /// <summary>The open concern this complaint is made from; intake keeps the concern's date received and channel.</summary>
    public string? FromConcernId { get; init; }
}

/// <summary>An import of a CSV file as it goes: how many rows were read, recorded and refused.</summary>
public sealed record ComplaintImport(Guid Id, string State, int Total, int Processed, int Accepted, int Rejected)
{
    // The states in which the import is still working; anything else (done, failed) is final.
    private static readonly string[] Working = ["Queued", "Running"];

    /// <summary>True once the import has stopped, done or failed.</summary>
    public bool Finished => !Working.Contains(State, StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows processed out of the total, as a whole percentage.</summary>
    public int Percent => Total <= 0 ? (Finished ? 100 : 0) : Math.Min(100, Processed * 100 / Total);
}

/// <summary>An import accepted for processing: its id and the rows it holds.</summary>
public sealed record ImportStarted(Guid Id, int Total);

/// <summary>Intake's calls for staff recording complaints, one method per call.</summary>
public sealed class IntakeStaffApis(PlatformApi api)
{
    /// <summary>Checks the complaint as it stands without recording it: the API's own field errors, or none.</summary>
    public Task<ApiResult<object>> CheckAsync(StaffComplaintRequest complaint, CancellationToken ct) =>
        api.PostAsync<object>("/api/v1/complaints/validation", complaint, null, ct);

    /// <summary>Records the complaint; the key makes a repeated submission record it once.</summary>
    public Task<ApiResult<SubmittedComplaint>> RecordAsync(StaffComplaintRequest complaint, string idempotencyKey, CancellationToken ct) =>
        api.PostAsync<SubmittedComplaint>("/api/v1/complaints", complaint, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }, ct);

    /// <summary>Starts importing a CSV file of complaints.</summary>
    public Task<ApiResult<ImportStarted>> StartImportAsync(Stream file, string fileName, CancellationToken ct) =>
        api.PostFileAsync<ImportStarted>("/api/v1/complaints/imports", "file", file, fileName, "text/csv", ct);

    /// <summary>How an import is going; 404 when it is not the caller's organisation's.</summary>
    public Task<ApiResult<ComplaintImport>> ImportAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ComplaintImport>($"/api/v1/complaints/imports/{id}", null, ct);

    /// <summary>The rows the import refused, with the reason for each, as CSV.</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> RejectedRowsAsync(Guid id, CancellationToken ct) =>
        api.GetFileAsync($"/api/v1/complaints/imports/{id}/rejected", ct);
}
