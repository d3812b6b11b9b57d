using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>
/// The measures of one organisation (or several together) for a period. Each is defined in
/// <see cref="MeasureDefinitions.All"/> and docs/reporting/measures.md. The counts are exact; in an output prepared
/// for publication (<see cref="Publication"/>) a withheld count is <c>null</c>.
/// </summary>
/// <param name="OrganisationCode">ODS code, or the ICB's for its providers together.</param>
/// <param name="Period">The period.</param>
/// <param name="Received">Complaints received (countable cases).</param>
/// <param name="ReceivedByChannel">By channel.</param>
/// <param name="AcknowledgedInTime">Acknowledged by the third working day (Reg 13(3)).</param>
/// <param name="ResolvedEarly">Responses given at early resolution.</param>
/// <param name="MedianWorkingDaysEarly">Median working days to an early-resolution response.</param>
/// <param name="MedianWorkingDaysCloserLook">Median working days to a closer-look response.</param>
/// <param name="ByAgreedDate">Responses sent by the date agreed with the complainant.</param>
/// <param name="Renegotiated">Responses whose date was renegotiated at least once.</param>
/// <param name="BackstopBreaches">Six-month backstops (Reg 14) found missed in the period.</param>
/// <param name="Outcomes">Responses by outcome.</param>
/// <param name="UpheldOrPartly">Responses upheld or partially upheld.</param>
/// <param name="Reopened">Responses whose case was later reopened.</param>
/// <param name="ReferredToOmbudsman">Complaints the complainant took to the Ombudsman, learned of in the period.</param>
/// <param name="WithAdvocacy">Received complaints with an advocacy referral accepted.</param>
/// <param name="DraftsReviewed">Responses whose draft was reviewed by an advocate first.</param>
/// <param name="StaffSupported">Staff complained about (received complaints) offered support.</param>
/// <param name="StaffTold">Staff complained about told.</param>
/// <param name="Survey">Complainant survey: share answering Yes, by question.</param>
/// <param name="Themes">Themes detected in the period's months.</param>
/// <param name="EverydayConcerns">Everyday concerns resolved by the next working day (outside the procedure).</param>
public sealed record MeasureSet(
    string OrganisationCode, string Period, int? Received, IReadOnlyDictionary<string, int?> ReceivedByChannel, Rate AcknowledgedInTime, Rate ResolvedEarly,
    double? MedianWorkingDaysEarly, double? MedianWorkingDaysCloserLook, Rate ByAgreedDate, Rate Renegotiated, int? BackstopBreaches,
    IReadOnlyDictionary<string, int?> Outcomes, Rate UpheldOrPartly, Rate Reopened, int? ReferredToOmbudsman, Rate WithAdvocacy, Rate DraftsReviewed,
    Rate StaffSupported, Rate StaffTold, IReadOnlyDictionary<string, Rate> Survey, int? Themes, int? EverydayConcerns);
