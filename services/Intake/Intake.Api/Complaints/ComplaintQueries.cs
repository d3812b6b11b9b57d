using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace IcsComplaints.Intake.Api.Complaints;

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
    string Description, PatientInput? Patient, TimeLimitView TimeLimit, DateOnly? WrittenRecordSentOn, RoutingView Routing,
    ExclusionView? Exclusion, DateOnly? WithdrawnOn, IReadOnlyList<string> Pending, IReadOnlyList<NotificationView> Notifications);

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

/// <summary>A line of a complaints team's work list: no personal data.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">Complained to.</param>
/// <param name="HandlingOrganisationCode">Handled by.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="Channel">Channel.</param>
/// <param name="State">State at intake.</param>
/// <param name="Route">Routing.</param>
/// <param name="Pending">Decisions needed.</param>
public sealed record ComplaintSummary(
    Guid Id, string Reference, string OrganisationCode, string HandlingOrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel,
    ComplaintState State, ComplaintRoute Route, IReadOnlyList<string> Pending);

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

/// <summary>Reads complaints for those entitled to them.</summary>
public sealed class ComplaintQueries(IntakeDbContext db, IAuditTrail audit)
{
    /// <summary>Roles that may read the complaints made to their own organisation.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = Roles.OrganisationStaff;

    /// <summary>
    /// The complaint, if the caller is staff of the organisation it was made to or the complainant who submitted it;
    /// otherwise <c>null</c>, as if it did not exist. Every read is audited.
    /// </summary>
    public async Task<ComplaintDetail?> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !MayRead(caller, complaint))
        {
            return null;
        }
        var notifications = await db.ComplaintNotifications.AsNoTracking().Where(n => n.ComplaintId == id).OrderBy(n => n.Id)
            .Select(n => new NotificationView(n.Recipient, n.Reason, n.CreatedAt)).ToListAsync(ct);
        await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, ct);
        return Detail(complaint, notifications);
    }

    /// <summary>
    /// The complaints made to or handled by the caller's organisation, newest first, optionally only those in a state
    /// or on a route, or only those waiting for a decision (at most 200; no personal data).
    /// </summary>
    public async Task<IReadOnlyList<ComplaintSummary>> ListAsync(
        Caller caller, ComplaintState? state, ComplaintRoute? route, bool pendingOnly, DateOnly? before, CancellationToken ct)
    {
        if (!caller.HasAny(ReaderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new IcsComplaints.Validation.RequestForbiddenException("Only staff of an organisation list its complaints.");
        }
        var query = db.Complaints.AsNoTracking()
            .Where(c => c.HandlingOrganisationCode == organisation || c.OrganisationCode == organisation);
        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        if (route is { } r)
        {
            query = query.Where(c => c.Route == r);
        }
        if (pendingOnly)
        {
            query = query.Where(c => c.State == ComplaintState.Open && (
                (c.OutOfTime && c.TimeLimitDecision == null) ||
                (c.BestInterestsDecisionRequired && c.InBestInterests == null) ||
                c.Route == ComplaintRoute.AwaitingConsent || c.Route == ComplaintRoute.AwaitingRoutingDecision || c.Route == ComplaintRoute.Misdirected));
        }
        if (before is { } b)
        {
            query = query.Where(c => c.ReceivedOn < b);
        }
        var complaints = await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        return [.. complaints.Select(c => new ComplaintSummary(
            c.Id, c.Reference, c.OrganisationCode, c.HandlingOrganisationCode, c.ReceivedOn, c.Channel, c.State, c.Route, Pending(c)))];
    }

    /// <summary>
    /// Complaints that may be the same matter as this one (either/or), for the caller to link. A provider is never
    /// shown a complaint made to its ICB whose complainant did not consent to sharing it (Reg 7(3)).
    /// </summary>
    public async Task<IReadOnlyList<PossibleDuplicate>?> PossibleDuplicatesAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !MayRead(caller, complaint) || !caller.HasAny(ReaderRoles))
        {
            return null;
        }
        var pairs = await db.DuplicateCandidates.AsNoTracking()
            .Where(d => d.ComplaintId == id || d.CandidateComplaintId == id)
            .ToListAsync(ct);
        var otherIds = pairs.Select(d => d.ComplaintId == id ? d.CandidateComplaintId : d.ComplaintId).ToList();
        var others = await db.Complaints.AsNoTracking().Where(c => otherIds.Contains(c.Id)).ToListAsync(ct);
        await audit.RecordReadAsync(AuditResources.Complaint, $"{id}:possible-duplicates", complaint.HandlingOrganisationCode, ct);
        return [.. others.Where(o => MaySeeAsDuplicate(caller, o)).Select(o => new PossibleDuplicate(
            o.Id, o.Reference, o.OrganisationCode, o.HandlingOrganisationCode, o.ReceivedOn, o.State,
            pairs.First(d => d.ComplaintId == o.Id || d.CandidateComplaintId == o.Id).MatchedOn))];
    }

    /// <summary>
    /// True when the caller may be told that this other complaint exists, as a possible duplicate of theirs: a
    /// complaint made to a provider is visible to its commissioner, but one made to an ICB reaches the provider only
    /// with the complainant's consent (Reg 7(3)).
    /// </summary>
    public static bool MaySeeAsDuplicate(Caller caller, Complaint other) =>
        MayRead(caller, other) || other.ShareConsentGiven == true || other.Route == ComplaintRoute.HandledByRecipient;

    /// <summary>The decisions a complaint waits for before it can move on.</summary>
    public static IReadOnlyList<string> Pending(Complaint c)
    {
        if (c.State != ComplaintState.Open)
        {
            return [];
        }
        var pending = new List<string>();
        if (c.OutOfTime && c.TimeLimitDecision is null)
        {
            pending.Add("time-limit-decision (Reg 12(4))");
        }
        if (c.BestInterestsDecisionRequired && c.InBestInterests is null)
        {
            pending.Add("best-interests-decision (Reg 5(4))");
        }
        switch (c.Route)
        {
            case ComplaintRoute.AwaitingConsent:
                pending.Add("consent to share with the provider (Reg 7(3))");
                break;
            case ComplaintRoute.AwaitingRoutingDecision:
                pending.Add("routing: handle as commissioner or transfer (Reg 7(4)-(5))");
                break;
            case ComplaintRoute.Misdirected:
                pending.Add("transfer to the organisation that should handle it, with consent (Reg 6(5))");
                break;
        }
        return pending;
    }

    private static ComplaintDetail Detail(Complaint c, IReadOnlyList<NotificationView> notifications)
    {
        var complainant = c.Complainant;
        var address = complainant.AddressLine1 is null && complainant.Postcode is null
            ? null
            : new AddressInput(complainant.AddressLine1, complainant.AddressLine2, complainant.Town, complainant.Postcode);
        return new ComplaintDetail(
            c.Id, c.Reference, c.OrganisationCode, c.ReceivedOn, c.Channel, c.SubmittedAt, c.Status, c.State,
            new ComplainantView(c.ComplainantType, complainant.Name, complainant.Email, complainant.Phone, address, c.ContactPreference),
            c.ComplainantType == ComplainantType.Representative
                ? new RepresentationView(
                    c.RepresentativeBasis, c.RelationshipToPatient, c.ConsentEvidence, c.ConsentRecordedOn, c.BestInterestsDecisionRequired,
                    c.InBestInterests, c.BestInterestsDecidedOn, c.BestInterestsReasons, c.BestInterestsLetterSentOn)
                : null,
            c.ReasonableAdjustments.Count == 0 && c.AdjustmentNotes is null
                ? null
                : new AdjustmentsInput([.. c.ReasonableAdjustments.Select(a => a.ToString())], c.InterpreterLanguage, c.AdjustmentNotes),
            c.Description,
            c.PatientName is null && c.PatientNhsNumber is null && c.PatientDateOfBirth is null
                ? null
                : new PatientInput(c.PatientName, c.PatientNhsNumber, c.PatientDateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new TimeLimitView(
                c.EventDate, c.AwareDate, c.EventDate is null && c.AwareDate is null ? null : TimeLimit.LastDayInTime(c.EventDate, c.AwareDate),
                c.OutOfTime, c.TimeLimitDecision, c.TimeLimitDecidedOn, c.TimeLimitGoodReason, c.TimeLimitLetterSentOn),
            c.WrittenRecordSentOn,
            new RoutingView(
                c.Route, c.HandlingOrganisationCode, c.AboutOrganisationCodes, c.ShareConsentGiven, c.ShareConsentRecordedOn, c.Parties,
                c.LeadOrganisationCode, c.TransferredFromOrganisationCode, c.TransferredOn, c.LinkedToComplaintId),
            c.ExclusionGround is { } ground ? new ExclusionView(ground, c.ExcludedOn, c.ExclusionReasons, c.ExclusionLetterSentOn) : null,
            c.WithdrawnOn,
            Pending(c),
            notifications);
    }

    /// <summary>Progress for an online submitter holding the reference and its secret; <c>null</c> if either is wrong.</summary>
    public async Task<ComplaintProgress?> GetProgressAsync(string? reference, string? secret, CancellationToken ct)
    {
        var canonical = ComplaintReference.Normalise(reference);
        if (canonical is null || string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == canonical, ct);
        if (complaint?.StatusSecretHash is null ||
            !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(complaint.StatusSecretHash), Encoding.ASCII.GetBytes(SubmitComplaintHandler.HashSecret(secret))))
        {
            return null;
        }
        return new ComplaintProgress(
            complaint.Reference, complaint.OrganisationCode, complaint.ReceivedOn, complaint.Status, PublicProgress.Describe(complaint),
            complaint.AcknowledgedOn, complaint.ResponseDueBy, complaint.ResponseSentOn, complaint.ClosedOn,
            complaint.Status is ComplaintStatus.ResponseSent or ComplaintStatus.Closed ? PublicProgress.Ombudsman : null);
    }

    /// <summary>
    /// Staff of the organisation it was made to or the one handling it now, and the signed-in complainant who made
    /// it. A provider sees a complaint made to its ICB only once it is transferred to it, that is with the
    /// complainant's consent (Reg 7(3), 7(5)).
    /// </summary>
    public static bool MayRead(Caller caller, Complaint complaint) =>
        caller.ActsFor(complaint.OrganisationCode, ReaderRoles) ||
        caller.ActsFor(complaint.HandlingOrganisationCode, ReaderRoles) ||
        (caller.Has(Roles.Complainant) && complaint.ComplainantSubjectId is not null && complaint.ComplainantSubjectId == caller.SubjectId);
}
