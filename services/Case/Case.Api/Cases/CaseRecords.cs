namespace IcsComplaints.Case.Api.Cases;

/// <summary>A response date agreed with the complainant (or set when they declined to discuss it), Reg 13.</summary>
public sealed class ResponseDateAgreement
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>When it was agreed.</summary>
    public DateOnly AgreedOn { get; init; }

    /// <summary>The date the response is due by.</summary>
    public DateOnly DueBy { get; init; }

    /// <summary>True when agreed with the complainant; false when set by the organisation because they declined to discuss it.</summary>
    public bool WithComplainant { get; init; }

    /// <summary>Why this date (and, for a renegotiation, why it changed).</summary>
    public required string Reason { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; init; }
}

/// <summary>Why the clock stopped.</summary>
public enum PauseReason
{
    /// <summary>Waiting for the patient's consent (for example to share records).</summary>
    AwaitingConsent = 1,

    /// <summary>Waiting for the complainant (information, a meeting they asked to postpone).</summary>
    AwaitingComplainant = 2,

    /// <summary>A parallel process: inquest, legal claim, regulator, police, patient-safety investigation.</summary>
    ParallelProcess = 3,
}

/// <summary>A period when the response clock stood still.</summary>
public sealed class ClockPause
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Why.</summary>
    public PauseReason Reason { get; init; }

    /// <summary>Which process or what is awaited, in a few words (no personal data).</summary>
    public required string Detail { get; init; }

    /// <summary>First day paused.</summary>
    public DateOnly From { get; init; }

    /// <summary>The day the clock restarted; <c>null</c> while paused.</summary>
    public DateOnly? Until { get; set; }
}

/// <summary>How a contact was made.</summary>
public enum ContactChannel
{
    /// <summary>Telephone.</summary>
    Phone = 1,

    /// <summary>E-mail.</summary>
    Email = 2,

    /// <summary>Letter.</summary>
    Letter = 3,

    /// <summary>A meeting in person or by video.</summary>
    Meeting = 4,

    /// <summary>Text message.</summary>
    Text = 5,
}

/// <summary>A contact with the complainant: keeping people informed (NHS Complaint Standards, "Being thorough and fair").</summary>
public sealed class ContactLogEntry
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The day.</summary>
    public DateOnly On { get; init; }

    /// <summary>How.</summary>
    public ContactChannel Channel { get; init; }

    /// <summary>True when the organisation contacted the complainant; false when they contacted it.</summary>
    public bool Outgoing { get; init; }

    /// <summary>An update on progress given before the outcome (My Expectations: "updates before the outcome").</summary>
    public bool IsUpdate { get; init; }

    /// <summary>What was said.</summary>
    public required string Summary { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; init; }
}

/// <summary>
/// A member of staff complained about: told early, offered support, able to comment and to see how the comments
/// were used (NHS Complaint Standards). Kept in this service only, never in events; separate from HR processes.
/// </summary>
public sealed class StaffInvolved
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Job role.</summary>
    public required string Role { get; set; }

    /// <summary>When they were told of the complaint.</summary>
    public DateOnly? ToldOn { get; set; }

    /// <summary>The support offered (occupational health, union, a named colleague, …).</summary>
    public string? SupportOffered { get; set; }

    /// <summary>Their comments.</summary>
    public string? Comments { get; set; }

    /// <summary>How their comments were used in the response.</summary>
    public string? CommentsUse { get; set; }

    /// <summary>When they saw the final response.</summary>
    public DateOnly? SawFinalResponseOn { get; set; }
}

/// <summary>Another organisation's part of a co-ordinated response (Reg 9), collected by the lead organisation's case.</summary>
public sealed class Contribution
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The lead organisation's case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>ODS code of the contributing organisation.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Its section of the response.</summary>
    public string? Text { get; set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Who signed it off (the contributor's responsible person or delegate).</summary>
    public string? SignedOffBy { get; set; }

    /// <summary>When.</summary>
    public DateOnly? SignedOffOn { get; set; }
}

/// <summary>Whose experience a survey records.</summary>
public enum SurveyKind
{
    /// <summary>The complainant's, based on My Expectations.</summary>
    Complainant = 1,

    /// <summary>A member of staff involved in the complaint.</summary>
    Staff = 2,
}

/// <summary>An experience survey answered at closure; published only as anonymous answers.</summary>
public sealed class SurveyResponse
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Whose.</summary>
    public SurveyKind Kind { get; init; }

    /// <summary>Answers by question key: Yes, Partly, No or NotSure.</summary>
    public required Dictionary<string, string> Answers { get; init; }

    /// <summary>Anything else they wanted to say.</summary>
    public string? Comment { get; init; }

    /// <summary>When.</summary>
    public DateOnly SubmittedOn { get; init; }
}

/// <summary>A deadline alert already raised, so the scan raises each once.</summary>
public sealed class DeadlineAlert
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Which deadline.</summary>
    public required string Deadline { get; init; }

    /// <summary>Its date.</summary>
    public DateOnly DueOn { get; init; }

    /// <summary>Approaching or Missed.</summary>
    public required string Level { get; init; }

    /// <summary>When raised.</summary>
    public DateTimeOffset RaisedAt { get; init; }
}
