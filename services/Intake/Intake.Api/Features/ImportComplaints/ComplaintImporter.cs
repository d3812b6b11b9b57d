using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Validation;
using nietras.SeparatedValues;

namespace IcsComplaints.Intake.Api.Features.ImportComplaints;

/// <summary>A row the import refused, and why.</summary>
/// <param name="Line">Line number in the file (the header is line 1).</param>
/// <param name="ExternalId">The row's identifier in the source system, if it had one.</param>
/// <param name="Field">The column at fault.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record RejectedRow(int Line, string? ExternalId, string Field, string Reason);

/// <summary>What an import did.</summary>
/// <param name="Read">Data rows read.</param>
/// <param name="Imported">Complaints recorded.</param>
/// <param name="AlreadyImported">Rows skipped because an earlier run recorded them.</param>
/// <param name="Rejected">Rows refused, with reasons.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record ImportResult(int Read, int Imported, int AlreadyImported, IReadOnlyList<RejectedRow> Rejected, TimeSpan Elapsed);

/// <summary>
/// Imports historical complaints from a CSV file (columns in <see cref="Columns"/>). Each row is validated by the same
/// rules as a staff-recorded complaint and routed the same way; a closed complaint keeps its closing date and outcome
/// for reporting. Rows are committed in batches with their events; a row already imported from the same source (same
/// <c>external_id</c>) is skipped, so an interrupted or repeated run imports nothing twice.
/// </summary>
public sealed class ComplaintImporter(IServiceScopeFactory scopes, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>Rows committed per transaction.</summary>
    public const int BatchSize = 1_000;

    /// <summary>The columns read; the first five are required.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "external_id", "organisation_code", "received_on", "complainant_name", "description",
        "channel", "complainant_type", "complainant_email", "complainant_phone", "address_line1", "address_line2", "town", "postcode",
        "representative_basis", "consent_evidence", "patient_name", "patient_nhs_number", "patient_date_of_birth",
        "event_date", "aware_date", "about_organisation_codes", "closed_on", "outcome", "desired_outcome",
    ];

    /// <summary>Outcomes of a closed complaint, as KO41a counts them.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["Upheld", "PartiallyUpheld", "NotUpheld"];

    /// <summary>Imports <paramref name="path"/> as complaints from <paramref name="source"/>; reports progress as rows read.</summary>
    public async Task<ImportResult> ImportAsync(string path, string source, string importedBy, IProgress<int>? progress, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var snapshot = await directory.GetAsync(ct);
        var today = LondonTime.Today(time);
        var earliest = new DateOnly(calendar.BankHolidays.FirstYear, 1, 1);
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<ImportRow>(BatchSize);
        int read = 0, imported = 0, already = 0;

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All }).FromFile(path);
        var missing = Columns.Take(5).Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new RequestValidationException("header", $"The file has no column {string.Join(", ", missing)}. Expected columns: {string.Join(",", Columns)}.");
        }
        var present = Columns.Where(c => reader.Header.TryIndexOf(c, out _)).ToList();
        // A Sep row lives only until the next one is read, and not across an await: copy its cells first.
        while (reader.MoveNext())
        {
            read++;
            var (line, values) = Copy(reader.Current, present);
            var parsed = Parse(values, line, snapshot, today, earliest, seen);
            if (parsed.Rejections is { } rejections)
            {
                rejected.AddRange(rejections);
            }
            else
            {
                batch.Add(parsed);
            }
            if (batch.Count == BatchSize)
            {
                (var added, var skipped) = await SaveBatchAsync(batch, source, snapshot, ct);
                imported += added;
                already += skipped;
                batch.Clear();
            }
            if (read % 500 == 0)
            {
                progress?.Report(read);
            }
        }
        if (batch.Count > 0)
        {
            (var added, var skipped) = await SaveBatchAsync(batch, source, snapshot, ct);
            imported += added;
            already += skipped;
        }
        progress?.Report(read);
        await RecordAuditAsync(source, Path.GetFileName(path), importedBy, imported, ct);
        return new ImportResult(read, imported, already, rejected, time.GetElapsedTime(started));
    }

    /// <summary>Writes the rejected rows as CSV: line, external_id, field, reason.</summary>
    public static void WriteReport(IReadOnlyList<RejectedRow> rejected, string path)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        foreach (var r in rejected)
        {
            using var row = writer.NewRow();
            row["line"].Format(r.Line);
            row["external_id"].Set(r.ExternalId ?? "");
            row["field"].Set(r.Field);
            row["reason"].Set(r.Reason);
        }
    }

    private static (int Line, Dictionary<string, string> Values) Copy(SepReader.Row row, List<string> columns)
    {
        var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            values[column] = row[column].ToString();
        }
        return (row.LineNumberFrom, values);
    }

    private sealed record ImportRow(int Line, string ExternalId, ComplaintSubmission? Complaint, DateOnly? ClosedOn, string? Outcome, IReadOnlyList<RejectedRow>? Rejections);

    private static ImportRow Parse(
        Dictionary<string, string> values, int line, DirectorySnapshot snapshot, DateOnly today, DateOnly earliest, Dictionary<string, int> seen)
    {
        string? Get(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
        var externalId = Get("external_id");
        if (externalId is null || externalId.Length > 100)
        {
            return Reject(line, externalId, "external_id", "Give the complaint's identifier in the source system (1 to 100 characters).");
        }
        if (!seen.TryAdd(externalId, line))
        {
            return Reject(line, externalId, "external_id", $"Repeats the row on line {seen[externalId]}.");
        }
        var command = new SubmitComplaintCommand
        {
            OrganisationCode = Get("organisation_code"),
            ReceivedOn = Get("received_on"),
            Channel = Get("channel"),
            Complainant = new ComplainantInput(Get("complainant_name"), Get("complainant_email"), Get("complainant_phone"))
            {
                Type = Get("complainant_type"),
                Address = Get("address_line1") is null && Get("postcode") is null
                    ? null
                    : new AddressInput(Get("address_line1"), Get("address_line2"), Get("town"), Get("postcode")),
            },
            Representation = Get("representative_basis") is null && Get("consent_evidence") is null
                ? null
                : new RepresentationInput(Get("representative_basis"), Get("consent_evidence"), null),
            Patient = Get("patient_name") is null && Get("patient_nhs_number") is null && Get("patient_date_of_birth") is null
                ? null
                : new PatientInput(Get("patient_name"), Get("patient_nhs_number"), Get("patient_date_of_birth")),
            EventDate = Get("event_date"),
            AwareDate = Get("aware_date"),
            AboutOrganisationCodes = Get("about_organisation_codes")?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Description = Get("description"),
            DesiredOutcome = Get("desired_outcome"),
        };
        if (command.ReceivedOn is null)
        {
            return Reject(line, externalId, "received_on", "Give the date the complaint was received, YYYY-MM-DD.");
        }
        ComplaintSubmission complaint;
        try
        {
            // Historical records are written complaints unless the file says otherwise (KO41a counts written complaints).
            complaint = ComplaintValidator.Validate(command, null, ComplaintChannel.Letter, today, earliest, SubmitterKind.Staff, snapshot);
        }
        catch (RequestValidationException ex)
        {
            return new ImportRow(line, externalId, null, null, null,
                [.. ex.Errors.SelectMany(e => e.Value.Select(message => new RejectedRow(line, externalId, ColumnOf(e.Key), message)))]);
        }
        DateOnly? closedOn;
        try
        {
            var fields = new FieldReader();
            closedOn = fields.Date(Get("closed_on"), "closed_on", DateRules.EarliestBirth, DateRules.LastCalendarDay);
            fields.ThrowIfAny();
        }
        catch (RequestValidationException ex)
        {
            return Reject(line, externalId, "closed_on", ex.Errors["closed_on"][0]);
        }
        if (closedOn is { } date && (date < complaint.ReceivedOn || date > today))
        {
            return Reject(line, externalId, "closed_on", "A complaint is closed on or after the day it was received, and not after today.");
        }
        string? outcome = null;
        if (Get("outcome") is { } given)
        {
            outcome = Outcomes.FirstOrDefault(o => o.Equals(given.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            if (outcome is null)
            {
                return Reject(line, externalId, "outcome", "The outcome is Upheld, PartiallyUpheld or NotUpheld (KO41a).");
            }
            if (closedOn is null)
            {
                return Reject(line, externalId, "closed_on", "A complaint with an outcome has a closing date.");
            }
        }
        return new ImportRow(line, externalId, complaint, closedOn, outcome, null);
    }

    private static ImportRow Reject(int line, string? externalId, string field, string reason) =>
        new(line, externalId ?? "", null, null, null, [new RejectedRow(line, externalId, field, reason)]);

    // The validator names JSON fields (complainant.address.postcode); the report names the file's columns.
    private static string ColumnOf(string field) => field switch
    {
        "organisationCode" => "organisation_code",
        "receivedOn" => "received_on",
        "complainant" or "complainant.name" => "complainant_name",
        "complainant.email" => "complainant_email",
        "complainant.phone" => "complainant_phone",
        "complainant.type" => "complainant_type",
        "complainant.address.line1" => "address_line1",
        "complainant.address.line2" => "address_line2",
        "complainant.address.town" => "town",
        "complainant.address.postcode" => "postcode",
        "representation" or "representation.basis" => "representative_basis",
        "representation.consentEvidence" => "consent_evidence",
        "patient.name" => "patient_name",
        "patient.nhsNumber" => "patient_nhs_number",
        "patient.dateOfBirth" => "patient_date_of_birth",
        "eventDate" => "event_date",
        "awareDate" => "aware_date",
        "desiredOutcome" => "desired_outcome",
        _ when field.StartsWith("aboutOrganisationCodes", StringComparison.Ordinal) => "about_organisation_codes",
        _ => field,
    };

    private async Task<(int Imported, int AlreadyImported)> SaveBatchAsync(List<ImportRow> batch, string source, DirectorySnapshot snapshot, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ComplaintStore>();
            var events = scope.ServiceProvider.GetRequiredService<ComplaintEventPublisher>();
            store.AddWithoutTracking();
            var existing = await store.ImportedAsync(source, [.. batch.Select(r => r.ExternalId)], ct);
            var now = time.GetUtcNow();
            var added = 0;
            foreach (var row in batch.Where(r => !existing.Contains(r.ExternalId)))
            {
                var complaint = Complaint.Import(ComplaintReference.New(), row.Complaint!, snapshot, now, source, row.ExternalId, row.ClosedOn, row.Outcome);
                store.Add(complaint);
                events.Publish(complaint);
                added++;
            }
            // A reference drawn twice, or a concurrent run of the same import: try the batch again, skipping what is now there.
            if (await store.SaveUnlessRefusedAsync([ComplaintStore.ReferenceConstraint, ComplaintStore.ImportConstraint], ct) is null)
            {
                return (added, batch.Count - added);
            }
            if (attempt == 5)
            {
                throw new InvalidOperationException("The batch was refused five times over; run the import again.");
            }
        }
    }

    private async Task RecordAuditAsync(string source, string file, string importedBy, int imported, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ComplaintStore>();
        // One entry per run: who loaded how many complaints from where (the complaints carry the source and identifier).
        store.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = importedBy,
            ActorRoles = "",
            Action = AuditAction.Create,
            ResourceType = AuditResources.Import,
            ResourceId = $"{source}:{imported}",
            Route = $"import {file}",
        });
        await store.SaveAsync(ct);
    }
}
