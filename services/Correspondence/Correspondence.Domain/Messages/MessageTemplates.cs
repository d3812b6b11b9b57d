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

    // Messages about a complaint before (or without) a case, from intake's events (ADR 37; ComplaintNotices).

    /// <summary>
    /// To the complainant: the written record of a complaint made orally, with what they told us and how to correct
    /// it, Reg 13(2) (intake's <c>ComplaintSubmitted</c> by telephone, in person or through PALS).
    /// </summary>
    public const string OralComplaintRecord = "oral-complaint-record";

    /// <summary>
    /// To the complainant: the ICB asks for consent to share the complaint with the provider it is about, and says what
    /// happens either way, Reg 7(3) (intake's <c>ComplaintSubmitted</c> routed <c>AwaitingConsent</c>).
    /// </summary>
    public const string ConsentRequest = "consent-request";

    /// <summary>
    /// To the ICB's complaints team: a complaint waits for the complainant's consent to share, Reg 7(3) (intake's
    /// <c>ComplaintSubmitted</c> routed <c>AwaitingConsent</c>); no personal data.
    /// </summary>
    public const string ConsentAwaited = "consent-awaited";

    /// <summary>
    /// To the complainant: the complaint now handled by another organisation, which treats it as received on the
    /// original day, and how to reach it, Reg 6(6) and 7(5) (intake's <c>ComplaintTransferred</c>).
    /// </summary>
    public const string TransferNotice = "transfer-notice";
}
