namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>A countable complaint received in the period, as far as the measures need it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Channel">How it arrived (Unknown until intake's report of it arrives).</param>
/// <param name="AcknowledgedInTime">Acknowledged by the third working day; <c>null</c> while not acknowledged.</param>
/// <param name="AcknowledgementDueBy">Acknowledgement due.</param>
/// <param name="Advocacy">An advocacy service accepted a referral.</param>
public sealed record ReceivedCase(Guid CaseId, string OrganisationCode, string Channel, bool? AcknowledgedInTime, DateOnly? AcknowledgementDueBy, bool Advocacy);

/// <summary>A final response sent in the period.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="ResolvedEarly">Given at early resolution.</param>
/// <param name="WorkingDaysTaken">Working days from receipt.</param>
/// <param name="ByAgreedDate">Sent by the agreed date; <c>null</c> when none was agreed.</param>
/// <param name="Renegotiations">Times the date was renegotiated.</param>
/// <param name="Outcome">KO41a outcome.</param>
/// <param name="Reopened">Times the case was reopened.</param>
/// <param name="DraftReviews">Advocates' reviews of drafts.</param>
public sealed record RespondedCase(
    string OrganisationCode, bool ResolvedEarly, int? WorkingDaysTaken, bool? ByAgreedDate, int Renegotiations, string? Outcome, int Reopened, int DraftReviews);

/// <summary>A member of staff complained about on a complaint received in the period.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Told">Told of the complaint.</param>
/// <param name="SupportOffered">Offered support.</param>
public sealed record StaffRecord(string OrganisationCode, bool Told, bool SupportOffered);

/// <summary>A complainant's answer to one survey question in the period's months.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Question">Question key.</param>
/// <param name="Answer">Yes, Partly, No, NotSure.</param>
public sealed record SurveyResponse(string OrganisationCode, string Question, string Answer);

/// <summary>
/// Everything the measures of a period are worked out from, for a set of organisations; each list names the
/// organisation of every item so that one read serves each organisation and all of them together.
/// </summary>
/// <param name="Received">Countable complaints received.</param>
/// <param name="Responded">Final responses sent.</param>
/// <param name="Backstops">The organisation of each missed backstop detected.</param>
/// <param name="Ombudsman">The organisation of each referral to the Ombudsman learned of.</param>
/// <param name="Staff">Staff complained about on the complaints received.</param>
/// <param name="Survey">Complainant survey answers.</param>
/// <param name="Themes">The organisation of each theme detected (empty for an ICB's system theme).</param>
/// <param name="Concerns">The organisation of each everyday concern.</param>
public sealed record MeasureInputs(
    IReadOnlyList<ReceivedCase> Received, IReadOnlyList<RespondedCase> Responded, IReadOnlyList<string> Backstops, IReadOnlyList<string> Ombudsman,
    IReadOnlyList<StaffRecord> Staff, IReadOnlyList<SurveyResponse> Survey, IReadOnlyList<string> Themes, IReadOnlyList<string> Concerns);
