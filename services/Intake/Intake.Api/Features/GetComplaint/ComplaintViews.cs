using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Api.Features.GetComplaint;

/// <summary>A complaint with the complainant's details: personal data, shown only to those entitled and audited.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="ReceivedOn">Date received; after a transfer still the original date (Reg 6(6), 7(5)).</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="SubmittedAt">When it was recorded.</param>
/// <param name="Status">Progress.</param>
/// <param name="State">Open, or how it ended at intake.</param>
/// <param name="Complainant">Who complained.</param>
/// <param name="Representation">For a representative: the basis, consent and best-interests decision (Reg 5).</param>
/// <param name="Adjustments">Reasonable adjustments.</param>
/// <param name="Description">What about.</param>
/// <param name="DesiredOutcome">What the complainant would like to happen, when they said.</param>
/// <param name="Patient">The patient, when given.</param>
/// <param name="TimeLimit">Dates and decision under Reg 12.</param>
/// <param name="WrittenRecordSentOn">For an oral complaint, when its written record went (Reg 13(2)).</param>
/// <param name="Routing">Who handles it and why (Reg 6, 7, 9).</param>
/// <param name="Exclusion">Why it is not handled under the Regulations (Reg 8), if so.</param>
/// <param name="WithdrawnOn">When the complainant withdrew it.</param>
/// <param name="Pending">Decisions needed before it can move on.</param>
/// <param name="Notifications">Letters owed because of routing decisions.</param>
public sealed record ComplaintDetail(
    Guid Id, string Reference, string OrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel, DateTimeOffset SubmittedAt,
    ComplaintStatus Status, ComplaintState State, ComplainantView Complainant, RepresentationView? Representation, AdjustmentsInput? Adjustments,
    string Description, string? DesiredOutcome, PatientInput? Patient, TimeLimitView TimeLimit, DateOnly? WrittenRecordSentOn, RoutingView Routing,
    ExclusionView? Exclusion, DateOnly? WithdrawnOn, IReadOnlyList<string> Pending, IReadOnlyList<NotificationView> Notifications)
{
    /// <summary>The concern it was first raised as (<c>GET /api/v1/concerns/{id}</c>), when an open concern became this complaint.</summary>
    public Guid? FromConcernId { get; init; }
}

/// <summary>The complainant.</summary>
/// <param name="Type">Patient, AffectedPerson or Representative.</param>
/// <param name="Name">Name.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Address">Postal address.</param>
/// <param name="ContactPreference">Preferred way of contact.</param>
public sealed record ComplainantView(ComplainantType Type, string Name, string? Email, string? Phone, AddressInput? Address, ContactMethod? ContactPreference);

/// <summary>A representative's footing (Reg 5).</summary>
/// <param name="Basis">Why they represent the person.</param>
/// <param name="Relationship">Their relationship to the person.</param>
/// <param name="ConsentEvidence">How the person's consent was evidenced.</param>
/// <param name="ConsentRecordedOn">When.</param>
/// <param name="BestInterestsDecisionRequired">For a child or a person lacking capacity (Reg 5(4)).</param>
/// <param name="InBestInterests">The decision, once made.</param>
/// <param name="BestInterestsDecidedOn">When.</param>
/// <param name="BestInterestsReasons">Why.</param>
/// <param name="BestInterestsLetterSentOn">When the letter with reasons went.</param>
public sealed record RepresentationView(
    RepresentativeBasis? Basis, string? Relationship, ConsentEvidence? ConsentEvidence, DateOnly? ConsentRecordedOn, bool BestInterestsDecisionRequired,
    bool? InBestInterests, DateOnly? BestInterestsDecidedOn, string? BestInterestsReasons, DateOnly? BestInterestsLetterSentOn);

/// <summary>The time limit (Reg 12).</summary>
/// <param name="EventDate">When the matter happened.</param>
/// <param name="AwareDate">When the complainant became aware.</param>
/// <param name="LastDayInTime">The last day a complaint was in time, when the dates are known.</param>
/// <param name="OutOfTime">Received after it.</param>
/// <param name="Decision">Considered or Declined.</param>
/// <param name="DecidedOn">When.</param>
/// <param name="GoodReason">The complainant's reason for the delay.</param>
/// <param name="LetterSentOn">When the letter declining it went.</param>
public sealed record TimeLimitView(
    DateOnly? EventDate, DateOnly? AwareDate, DateOnly? LastDayInTime, bool OutOfTime, TimeLimitDecision? Decision, DateOnly? DecidedOn,
    string? GoodReason, DateOnly? LetterSentOn);

/// <summary>Routing.</summary>
/// <param name="Route">How it was routed.</param>
/// <param name="HandlingOrganisationCode">Who handles it now.</param>
/// <param name="AboutOrganisationCodes">The providers it is about.</param>
/// <param name="ShareConsentGiven">The complainant's consent to share with the provider (Reg 7(3)).</param>
/// <param name="ShareConsentRecordedOn">When.</param>
/// <param name="Parties">For a complaint about several organisations (Reg 9).</param>
/// <param name="LeadOrganisationCode">Their agreed lead.</param>
/// <param name="TransferredFromOrganisationCode">Where it was transferred from.</param>
/// <param name="TransferredOn">When.</param>
/// <param name="LinkedToComplaintId">The complaint it is handled under, when linked.</param>
public sealed record RoutingView(
    ComplaintRoute Route, string HandlingOrganisationCode, IReadOnlyList<string> AboutOrganisationCodes, bool? ShareConsentGiven,
    DateOnly? ShareConsentRecordedOn, IReadOnlyList<string> Parties, string? LeadOrganisationCode, string? TransferredFromOrganisationCode,
    DateOnly? TransferredOn, Guid? LinkedToComplaintId);

/// <summary>An exclusion (Reg 8).</summary>
/// <param name="Ground">The ground.</param>
/// <param name="ExcludedOn">When.</param>
/// <param name="Reasons">The written reasons.</param>
/// <param name="LetterSentOn">When they went.</param>
public sealed record ExclusionView(ExclusionGround Ground, DateOnly? ExcludedOn, string? Reasons, DateOnly? LetterSentOn);

/// <summary>A letter owed.</summary>
/// <param name="Recipient"><c>complainant</c> or an ODS code.</param>
/// <param name="Reason">Why, with the regulation.</param>
/// <param name="CreatedAt">When it was raised.</param>
public sealed record NotificationView(string Recipient, string Reason, DateTimeOffset CreatedAt);

/// <summary>A line of a complaints team's work list or search results: who complained and about whom, so reading one is audited.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">Complained to.</param>
/// <param name="HandlingOrganisationCode">Handled by.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="Channel">Channel.</param>
/// <param name="State">State at intake.</param>
/// <param name="Route">Routing.</param>
/// <param name="Pending">Decisions needed.</param>
/// <param name="CaseId">The case intake follows it through, once opened.</param>
/// <param name="ComplainantName">The complainant's name.</param>
/// <param name="PatientName">The patient's name, when given.</param>
public sealed record ComplaintSummary(
    Guid Id, string Reference, string OrganisationCode, string HandlingOrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel,
    ComplaintState State, ComplaintRoute Route, IReadOnlyList<string> Pending, Guid? CaseId, string? ComplainantName, string? PatientName);

/// <summary>A complaint that may be the same matter as another (either/or).</summary>
/// <param name="ComplaintId">The other complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OrganisationCode">Complained to.</param>
/// <param name="HandlingOrganisationCode">Handled by.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="State">Its state.</param>
/// <param name="MatchedOn">What matched.</param>
public sealed record PossibleDuplicate(
    Guid ComplaintId, string Reference, string OrganisationCode, string HandlingOrganisationCode, DateOnly ReceivedOn, ComplaintState State, string MatchedOn);

/// <summary>What an online submitter sees with the reference and status secret: progress, no personal data.</summary>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="Status">Progress.</param>
/// <param name="Progress">The progress in plain words.</param>
/// <param name="AcknowledgedOn">When acknowledged.</param>
/// <param name="ResponseDueBy">The response date agreed.</param>
/// <param name="ResponseSentOn">When the final response was sent.</param>
/// <param name="ClosedOn">When closed.</param>
/// <param name="Ombudsman">Once closed: how to go to the Ombudsman.</param>
public sealed record ComplaintProgress(
    string Reference, string OrganisationCode, DateOnly ReceivedOn, ComplaintStatus Status, string Progress, DateOnly? AcknowledgedOn,
    DateOnly? ResponseDueBy, DateOnly? ResponseSentOn, DateOnly? ClosedOn, OmbudsmanSignpost? Ombudsman);

