using System.Globalization;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Features.GetComplaint;

/// <summary>
/// A complaint as it stands, for staff of the organisation it was made to or that handles it, or the complainant who
/// submitted it; for anyone else <c>null</c>, as if it did not exist. Every read is audited.
/// </summary>
public sealed class GetComplaintHandler(ComplaintQueries queries, IAuditTrail audit)
{
    /// <summary>The complaint, or <c>null</c>.</summary>
    public async Task<ComplaintDetail?> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is null || !ComplaintAccess.MayRead(caller, complaint))
        {
            return null;
        }
        var notifications = (await queries.NotificationsOfAsync(id, ct)).Select(n => new NotificationView(n.Recipient, n.Reason, n.CreatedAt)).ToList();
        await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, ct);
        return Detail(complaint, notifications);
    }

    private static ComplaintDetail Detail(Complaint c, IReadOnlyList<NotificationView> notifications)
    {
        var complainant = c.Complainant;
        var address = complainant.Address is { } a ? new AddressInput(a.Line1, a.Line2, a.Town, a.Postcode) : null;
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
            c.DesiredOutcome,
            c.PatientName is null && c.PatientNhsNumber is null && c.PatientDateOfBirth is null
                ? null
                : new PatientInput(c.PatientName, c.PatientNhsNumber, c.PatientDateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TimeLimitView(
                c.EventDate, c.AwareDate, c.EventDate is null && c.AwareDate is null ? null : TimeLimit.LastDayInTime(c.EventDate, c.AwareDate),
                c.OutOfTime, c.TimeLimitDecision, c.TimeLimitDecidedOn, c.TimeLimitGoodReason, c.TimeLimitLetterSentOn),
            c.WrittenRecordSentOn,
            new RoutingView(
                c.Route, c.HandlingOrganisationCode, c.AboutOrganisationCodes, c.ShareConsentGiven, c.ShareConsentRecordedOn, c.Parties,
                c.LeadOrganisationCode, c.TransferredFromOrganisationCode, c.TransferredOn, c.LinkedToComplaintId),
            c.ExclusionGround is { } ground ? new ExclusionView(ground, c.ExcludedOn, c.ExclusionReasons, c.ExclusionLetterSentOn) : null,
            c.WithdrawnOn,
            c.PendingDecisions(),
            notifications)
        {
            FromConcernId = c.FromConcernId,
        };
    }
}
