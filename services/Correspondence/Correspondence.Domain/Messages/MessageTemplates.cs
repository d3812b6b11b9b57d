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

    /// <summary>To the complainant: the final response letter, with how to go to the Ombudsman, Reg 14 (case's <c>FinalResponseSent</c>).</summary>
    public const string FinalResponse = "final-response";

    /// <summary>
    /// To the complainant, instead of the final response letter when the complaint was resolved early: what was
    /// discussed and agreed, the offer of a closer look, the way to the Ombudsman (case's <c>FinalResponseSent</c>
    /// confirming an early resolution).
    /// </summary>
    public const string EarlyResolutionConfirmation = "early-resolution-confirmation";

    /// <summary>To the complainant: the response date was changed, Reg 13(7)-(8) (case's <c>ResponseDateAgreed</c> after the first).</summary>
    public const string ResponseDateChanged = "response-date-changed";

    /// <summary>To the complainant: work on the complaint is paused, and why (case's <c>CaseClockPaused</c>).</summary>
    public const string ClockPaused = "clock-paused";

    /// <summary>To the complainant: an update at the agreed frequency that nobody gave by its day (case's <c>ScheduledUpdateDue</c>).</summary>
    public const string ScheduledUpdate = "scheduled-update";

    /// <summary>To the complainant: the experience survey, with a link of their own (case's <c>CaseStageChanged</c> to Closed).</summary>
    public const string SurveyInvitation = "survey-invitation";

    /// <summary>To an advocacy service: a complaint was referred to it (advocacy's <c>ReferralRequested</c>).</summary>
    public const string AdvocacyReferral = "advocacy-referral";

    /// <summary>To an advocacy service: a draft final response is shared for its review (case's <c>DraftShared</c>).</summary>
    public const string DraftForAdvocateReview = "draft-for-advocate-review";

    /// <summary>To an advocacy service: the review window of a draft it has not finished closes today (case's <c>DraftShared</c>, sent on that day).</summary>
    public const string DraftReviewClosingToday = "draft-review-closing-today";

    /// <summary>To an advocacy service its client's consent covers: the final response was sent (case's <c>FinalResponseSent</c>).</summary>
    public const string FinalResponseIssued = "final-response-issued";

    /// <summary>
    /// To a member of staff complained about: a complaint mentions them, the support offered, and what happens next
    /// (Complaint Standards: staff told early and supported; case's <c>StaffInvolvedRecorded</c> with a work address).
    /// </summary>
    public const string StaffToldOfComplaint = "staff-told-of-complaint";

    /// <summary>To each member of staff complained about with a work address: the final response as sent (case's <c>FinalResponseSent</c>).</summary>
    public const string FinalResponseForStaff = "final-response-for-staff";

    /// <summary>To a contributing organisation's complaints team: a joint complaint's draft asks for its part and review, Reg 9 (case's <c>DraftShared</c>).</summary>
    public const string DraftForContributor = "draft-for-contributor";
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
