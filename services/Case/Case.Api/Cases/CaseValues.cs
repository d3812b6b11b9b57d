namespace IcsComplaints.Case.Api.Cases;

/// <summary>A member of staff named on a case: their token subject, when they sign in here, and their name.</summary>
/// <param name="SubjectId">Token subject, or <c>null</c> for someone who does not use the platform.</param>
/// <param name="Name">Name as it appears on the case.</param>
public sealed record StaffRef(string? SubjectId, string Name);

/// <summary>
/// The plan of a closer look (MCHP: clarify the complaint, plan, calculate timescales, gather evidence, conclude,
/// respond): the issues to answer, the outcomes the complainant seeks, the evidence to gather and who will be spoken to.
/// </summary>
/// <param name="Issues">The points the response must answer, agreed with the complainant.</param>
/// <param name="OutcomesSought">What the complainant wants to achieve.</param>
/// <param name="Evidence">Records and other evidence to gather.</param>
/// <param name="PeopleToSpeakTo">Who will be spoken to (roles, not names, where possible).</param>
public sealed record InvestigationPlan(IReadOnlyList<string> Issues, IReadOnlyList<string> OutcomesSought, IReadOnlyList<string> Evidence, IReadOnlyList<string> PeopleToSpeakTo);

/// <summary>
/// The check that the investigator had no prior involvement and no conflict of interest; where that was not
/// possible, how impartiality is protected (NHS Complaint Standards, "Being thorough and fair").
/// </summary>
/// <param name="PriorInvolvement">The investigator was involved in the matters complained about.</param>
/// <param name="ConflictOfInterest">Any other conflict of interest.</param>
/// <param name="ImpartialityMeasures">How impartiality is protected, when either is true.</param>
/// <param name="CheckedBy">Who made the check.</param>
/// <param name="CheckedOn">When.</param>
public sealed record ConflictCheck(bool PriorInvolvement, bool ConflictOfInterest, string? ImpartialityMeasures, string CheckedBy, DateOnly CheckedOn);

/// <summary>One point of the complaint and the conclusion on it.</summary>
/// <param name="Issue">The point raised.</param>
/// <param name="Conclusion">What was found.</param>
/// <param name="Reasons">Why, with reference to the evidence.</param>
/// <param name="Upheld">Whether this point is upheld.</param>
public sealed record ResponseFinding(string Issue, string Conclusion, string Reasons, bool Upheld);

/// <summary>Something that will change because of the complaint, and by when.</summary>
/// <param name="Action">What.</param>
/// <param name="By">By when.</param>
public sealed record ResponseChange(string Action, DateOnly By);

/// <summary>The draft final response, section by section as the Ombudsman reads a response.</summary>
/// <param name="ComplaintSummary">The complaint as understood.</param>
/// <param name="OutcomesSought">What the complainant wanted to achieve.</param>
/// <param name="Investigation">How it was looked into and what evidence was considered.</param>
/// <param name="Findings">A finding, with reasons, on each point.</param>
/// <param name="Apology">A meaningful apology, where something went wrong.</param>
/// <param name="Changes">What will change and by when.</param>
/// <param name="Remedy">How things will be put right for the complainant, if at all.</param>
public sealed record ResponseDraft(
    string? ComplaintSummary, string? OutcomesSought, string? Investigation, IReadOnlyList<ResponseFinding> Findings, string? Apology,
    IReadOnlyList<ResponseChange> Changes, string? Remedy);

/// <summary>A signature on the final response (Reg 14: the responsible person or a named delegate).</summary>
/// <param name="SignedBy">Who signed.</param>
/// <param name="Title">Their title as printed.</param>
/// <param name="OnBehalfOf">The responsible person they signed for, when a delegate signed.</param>
/// <param name="SignedOn">When.</param>
/// <param name="DraftVersion">The draft version signed: a later change needs a new signature.</param>
public sealed record ResponseSignature(StaffRef SignedBy, string Title, string? OnBehalfOf, DateOnly SignedOn, int DraftVersion);

/// <summary>The outcome of a resolved complaint, as KO41a defines it.</summary>
public enum CaseOutcome
{
    /// <summary>Substantive evidence supports the complaint.</summary>
    Upheld = 1,

    /// <summary>Several issues were complained about and one or more, but not all, are upheld.</summary>
    PartiallyUpheld = 2,

    /// <summary>No evidence supports any aspect of the complaint.</summary>
    NotUpheld = 3,
}
