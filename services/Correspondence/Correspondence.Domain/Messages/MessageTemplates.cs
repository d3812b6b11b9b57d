namespace IcsComplaints.Correspondence.Domain.Messages;

/// <summary>The messages the service sends, by the name stored with each one. A name is never reused for another message.</summary>
public static class MessageTemplates
{
    /// <summary>To the complaints team: a deadline of a case is near (case's <c>CaseDeadlineApproaching</c>).</summary>
    public const string DeadlineApproaching = "deadline-approaching";

    /// <summary>To the complaints team: a deadline of a case was missed (case's <c>CaseDeadlineMissed</c>).</summary>
    public const string DeadlineMissed = "deadline-missed";

    /// <summary>To the complainant: the acknowledgement letter, Reg 13 (case's <c>CaseAcknowledged</c>).</summary>
    public const string Acknowledgement = "acknowledgement";
}
