namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>A deadline the case service's scan found missed: kept once per case, deadline and due date, as first found.</summary>
/// <param name="caseId">The case.</param>
/// <param name="organisationCode">ODS code.</param>
/// <param name="deadline">Acknowledgement, EarlyResolution, Response, Update, Backstop.</param>
/// <param name="dueOn">Was due.</param>
/// <param name="detectedOn">Found.</param>
public sealed class MissedDeadline(Guid caseId, string organisationCode, string deadline, DateOnly dueOn, DateOnly detectedOn)
{
    /// <summary>The six-month backstop (Reg 14).</summary>
    public const string Backstop = "Backstop";

    /// <summary>Row.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; } = caseId;

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>Acknowledgement, EarlyResolution, Response, Update, Backstop.</summary>
    public string Deadline { get; private set; } = deadline;

    /// <summary>Was due.</summary>
    public DateOnly DueOn { get; private set; } = dueOn;

    /// <summary>Found.</summary>
    public DateOnly DetectedOn { get; private set; } = detectedOn;
}
