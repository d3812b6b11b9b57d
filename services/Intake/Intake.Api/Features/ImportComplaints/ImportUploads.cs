using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ImportComplaints;

/// <summary>An upload accepted for import.</summary>
/// <param name="Id">Identifier of the import.</param>
/// <param name="Total">Data rows in the file.</param>
public sealed record ImportAccepted(Guid Id, int Total);

/// <summary>How far an import has gone.</summary>
/// <param name="Id">Identifier of the import.</param>
/// <param name="State">Queued, Running or Finished.</param>
/// <param name="Total">Data rows in the file.</param>
/// <param name="Processed">Rows with an outcome so far.</param>
/// <param name="Accepted">Rows recorded as complaints.</param>
/// <param name="AlreadyImported">Rows skipped because an earlier import recorded them.</param>
/// <param name="Rejected">Rows refused; their reasons are at <c>…/rejected</c>.</param>
/// <param name="StartedAt">When processing started.</param>
/// <param name="FinishedAt">When the last row was processed.</param>
public sealed record ImportStatus(
    Guid Id, ImportState State, int Total, int Processed, int Accepted, int AlreadyImported, int Rejected, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// CSV imports uploaded over REST by an organisation's complaints team or quality lead: stored as a job and its rows
/// for <see cref="ImportWorker"/>, which applies the same rules as the command-line tool (<see cref="ComplaintImporter"/>).
/// </summary>
public sealed class ImportUploads(ImportJobStore jobs, IAuditTrail audit, ImportSignal signal, TimeProvider time)
{
    /// <summary>Roles that may import complaints for their organisation.</summary>
    public static readonly IReadOnlyList<string> ImporterRoles = [Roles.ComplaintsHandler, Roles.QualityLead];

    /// <summary>Audit resource type of a download of an import's rejected rows (they hold personal data).</summary>
    public const string RejectedRowsResource = "import-rejected-rows";

    /// <summary>
    /// The import source of an organisation's uploads: the same for every file it uploads, so a file uploaded again
    /// skips the rows already recorded (ADR 25).
    /// </summary>
    public static string SourceFor(string organisation) => $"upload-{organisation}";

    /// <summary>The caller's organisation when they may import for it; otherwise 403.</summary>
    public static string ImporterOrganisation(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(ImporterRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only an organisation's complaints team or quality lead imports its complaints.");
        }
        return organisation;
    }

    /// <summary>Stores the file's rows as a queued import; refuses a file without the expected columns or over the limits, storing nothing.</summary>
    public async Task<ImportAccepted> UploadAsync(Caller caller, string csv, CancellationToken ct)
    {
        var organisation = ImporterOrganisation(caller);
        var (columns, rows) = ComplaintImporter.ReadUpload(csv, "file");
        var externalIdAt = columns.ToList().IndexOf("external_id");
        var job = new ComplaintImportJob
        {
            Id = Guid.CreateVersion7(),
            OrganisationCode = organisation,
            Source = SourceFor(organisation),
            UploadedBy = caller.SubjectId,
            Columns = [.. columns],
            State = ImportState.Queued,
            Total = rows.Count,
            CreatedAt = time.GetUtcNow(),
        };
        jobs.Add(job, rows.Select(r => new ComplaintImportRow
        {
            JobId = job.Id,
            Line = r.Line,
            ExternalId = r.Cells[externalIdAt] is { Length: > 0 } id ? id : null,
            Cells = [.. r.Cells],
        }));
        audit.Record(AuditAction.Create, AuditResources.Import, job.Id.ToString(), organisation);
        await jobs.SaveAsync(ct);
        signal.Notify();
        return new ImportAccepted(job.Id, job.Total);
    }

    /// <summary>The import's progress, or <c>null</c> when the caller's organisation has no such import.</summary>
    public async Task<ImportStatus?> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var organisation = ImporterOrganisation(caller);
        return await jobs.FindAsync(id, organisation, ct) is { } j
            ? new ImportStatus(j.Id, j.State, j.Total, j.Processed, j.Accepted, j.AlreadyImported, j.Rejected, j.StartedAt, j.FinishedAt)
            : null;
    }

    /// <summary>The rejected rows so far as CSV (the tool's report), audited as a read; <c>null</c> when there is no such import.</summary>
    public async Task<string?> RejectedRowsAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var organisation = ImporterOrganisation(caller);
        if (await jobs.FindAsync(id, organisation, ct) is null)
        {
            return null;
        }
        var rows = await jobs.RejectedRowsAsync(id, ct);
        var rejected = rows
            .SelectMany(r => r.RejectedFields.Zip(r.RejectedReasons, (field, reason) => new RejectedRow(r.Line, r.ExternalId, field, reason)))
            .ToList();
        await audit.RecordReadAsync(RejectedRowsResource, id.ToString(), organisation, ct);
        return ComplaintImporter.ReportText(rejected);
    }
}
