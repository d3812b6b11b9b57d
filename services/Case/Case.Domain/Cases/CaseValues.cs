namespace IcsComplaints.Case.Domain.Cases;

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
