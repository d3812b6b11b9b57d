namespace IcsComplaints.Intake.Api.Data;

/// <summary>Where an uploaded import stands.</summary>
public enum ImportState
{
    /// <summary>Stored, waiting for the worker.</summary>
    Queued,

    /// <summary>The worker has started on its rows.</summary>
    Running,

    /// <summary>Every row has an outcome.</summary>
    Finished,
}

/// <summary>What became of one row of an uploaded import.</summary>
public enum ImportRowOutcome
{
    /// <summary>Not yet processed.</summary>
    Pending,

    /// <summary>Recorded as a complaint.</summary>
    Accepted,

    /// <summary>Skipped: a complaint with the same source and external id was recorded before.</summary>
    AlreadyImported,

    /// <summary>Refused, with the fields and reasons.</summary>
    Rejected,
}

/// <summary>
/// A CSV file of complaints uploaded over REST, processed row by row by the import worker. The counts are kept with
/// the rows' outcomes in the same transaction, so they stay right across restarts.
/// </summary>
public sealed class ComplaintImportJob
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>The organisation that uploaded it; only complaints made to it are imported.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The import source recorded on each complaint (see ADR on REST imports).</summary>
    public required string Source { get; init; }

    /// <summary>Subject id of the uploader.</summary>
    public required string UploadedBy { get; init; }

    /// <summary>The columns of the file, in the order of each row's cells.</summary>
    public required List<string> Columns { get; init; }

    /// <summary>Where it stands.</summary>
    public ImportState State { get; set; }

    /// <summary>Data rows in the file.</summary>
    public int Total { get; init; }

    /// <summary>Rows with an outcome.</summary>
    public int Processed { get; set; }

    /// <summary>Rows recorded as complaints.</summary>
    public int Accepted { get; set; }

    /// <summary>Rows skipped because an earlier import recorded them.</summary>
    public int AlreadyImported { get; set; }

    /// <summary>Rows refused.</summary>
    public int Rejected { get; set; }

    /// <summary>When it was uploaded.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the worker started on it.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When its last row was processed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>One data row of an uploaded import.</summary>
public sealed class ComplaintImportRow
{
    /// <summary>The import.</summary>
    public Guid JobId { get; init; }

    /// <summary>Line number in the file (the header is line 1).</summary>
    public int Line { get; init; }

    /// <summary>The row's external id as given, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// The row's cells in the order of <see cref="ComplaintImportJob.Columns"/>; emptied once the row is processed,
    /// so the personal data it holds is kept no longer than needed.
    /// </summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>What became of it.</summary>
    public ImportRowOutcome Outcome { get; set; }

    /// <summary>For a rejected row: the columns at fault, one per reason.</summary>
    public List<string> RejectedFields { get; set; } = [];

    /// <summary>For a rejected row: what is wrong, one per field.</summary>
    public List<string> RejectedReasons { get; set; } = [];
}
