using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
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

    /// <summary>Most rows an uploaded file may hold.</summary>
    public const int MaxUploadRows = 10_000;

    /// <summary>Largest uploaded file, in bytes.</summary>
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>Imports <paramref name="path"/> as complaints from <paramref name="source"/>; reports progress as rows read.</summary>
    public async Task<ImportResult> ImportAsync(string path, string source, string importedBy, IProgress<int>? progress, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var snapshot = await directory.GetAsync(ct);
        var parser = ImportRowParser.For(snapshot, calendar, time, organisation: null);
        var rejected = new List<RejectedRow>();
        var batch = new List<ImportRow>(BatchSize);
        int read = 0, imported = 0, already = 0;

        using var reader = OpenReader(Sep.New(',').Reader(ReaderOptions).FromFile(path), "header");
        var present = PresentColumns(reader.Header);
        // A Sep row lives only until the next one is read, and not across an await: copy its cells first.
        while (reader.MoveNext())
        {
            read++;
            var (line, values) = Copy(reader.Current, present);
            var parsed = parser.Parse(values, line);
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

    /// <summary>
    /// Reads an uploaded file: its columns and each row's line and cells, refusing (as <paramref name="field"/>) a file
    /// without the required columns or with more than <see cref="MaxUploadRows"/> rows.
    /// </summary>
    public static (IReadOnlyList<string> Columns, IReadOnlyList<(int Line, string[] Cells)> Rows) ReadUpload(string text, string field)
    {
        using var reader = OpenReader(Sep.New(',').Reader(ReaderOptions).FromText(text), field);
        var present = PresentColumns(reader.Header);
        var rows = new List<(int, string[])>();
        while (reader.MoveNext())
        {
            if (rows.Count == MaxUploadRows)
            {
                throw new RequestValidationException(field, $"The file has more than {MaxUploadRows:N0} rows: split it into smaller files.");
            }
            var (line, values) = Copy(reader.Current, present);
            rows.Add((line, [.. present.Select(c => values[c])]));
        }
        if (rows.Count == 0)
        {
            throw new RequestValidationException(field, "The file has a header but no rows.");
        }
        return (present, rows);
    }

    /// <summary>
    /// Adds, in the unit of work of <paramref name="store"/>, the complaints of <paramref name="batch"/> not already
    /// imported from <paramref name="source"/>, with their events; returns the external ids skipped as already there.
    /// Nothing is written until the caller saves.
    /// </summary>
    public async Task<IReadOnlySet<string>> AddNewAsync(
        ComplaintStore store, ComplaintEventPublisher events, IReadOnlyList<ImportRow> batch, string source, DirectorySnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(batch);
        var existing = await store.ImportedAsync(source, [.. batch.Select(r => r.ExternalId)], ct);
        var now = time.GetUtcNow();
        foreach (var row in batch.Where(r => !existing.Contains(r.ExternalId)))
        {
            var complaint = Complaint.Import(ComplaintReference.New(), row.Complaint!, snapshot, now, source, row.ExternalId, row.ClosedOn, row.Outcome);
            store.Add(complaint);
            events.Publish(complaint);
        }
        return existing;
    }

    /// <summary>Writes the rejected rows as CSV: line, external_id, field, reason.</summary>
    public static void WriteReport(IReadOnlyList<RejectedRow> rejected, string path)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        Write(writer, rejected);
    }

    /// <summary>The rejected rows as CSV text, in the format of <see cref="WriteReport"/>.</summary>
    public static string ReportText(IReadOnlyList<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        // Sep writes the header with the first row: an empty report still names its columns.
        if (rejected.Count == 0)
        {
            return "line,external_id,field,reason" + Environment.NewLine;
        }
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        Write(writer, rejected);
        return writer.ToString();
    }

    private static void Write(SepWriter writer, IReadOnlyList<RejectedRow> rejected)
    {
        foreach (var r in rejected)
        {
            using var row = writer.NewRow();
            row["line"].Format(r.Line);
            row["external_id"].Set(r.ExternalId ?? "");
            row["field"].Set(r.Field);
            row["reason"].Set(r.Reason);
        }
    }

    private static readonly Func<SepReaderOptions, SepReaderOptions> ReaderOptions = o => o with { Unescape = true, Trim = SepTrim.All };

    private static SepReader OpenReader(SepReader reader, string field)
    {
        var missing = Columns.Take(5).Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            reader.Dispose();
            throw new RequestValidationException(field, $"The file has no column {string.Join(", ", missing)}. Expected columns: {string.Join(",", Columns)}.");
        }
        return reader;
    }

    private static List<string> PresentColumns(SepReaderHeader header) => [.. Columns.Where(c => header.TryIndexOf(c, out _))];

    private static (int Line, Dictionary<string, string> Values) Copy(SepReader.Row row, List<string> columns)
    {
        var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            values[column] = row[column].ToString();
        }
        return (row.LineNumberFrom, values);
    }

    private async Task<(int Imported, int AlreadyImported)> SaveBatchAsync(List<ImportRow> batch, string source, DirectorySnapshot snapshot, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ComplaintStore>();
            var events = scope.ServiceProvider.GetRequiredService<ComplaintEventPublisher>();
            store.AddWithoutTracking();
            var existing = await AddNewAsync(store, events, batch, source, snapshot, ct);
            var added = batch.Count - existing.Count;
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
