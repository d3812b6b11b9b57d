using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetComplainantContact;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.GetComplaintStatement;

/// <summary>
/// What the complainant told the organisation, as written down at intake, for the written record of an oral complaint
/// that the correspondence service sends them (Reg 13(2), ADR 37): to that service alone, for any organisation's
/// complaint, with the purpose recorded in the audit trail as for the contact details (ADR 36). Staff read the
/// complaint itself over REST; nobody else reads this.
/// </summary>
public sealed class GetComplaintStatementHandler(ComplaintQueries queries, IAuditTrail audit)
{
    /// <summary>The complaint, or <c>null</c> when there is none.</summary>
    /// <param name="caller">Who asks: the correspondence service, or they are refused.</param>
    /// <param name="complaintId">The complaint's id, as given.</param>
    /// <param name="purpose">Why it is read: the letter being sent.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Complaint?> GetAsync(Caller caller, string? complaintId, string? purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Refused before anything about the request is looked at, so a caller it is not for learns nothing from it.
        if (!caller.Has(Roles.CorrespondenceService))
        {
            throw new RequestForbiddenException("Only the correspondence service reads a complaint's statement, for the written record it sends.");
        }
        if (!Guid.TryParse(complaintId, out var id))
        {
            throw new RequestValidationException("complaintId", "Give the complaint id as a UUID.");
        }
        ServiceReadPurpose.Check(purpose, "the statement is");
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is not null)
        {
            await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, purpose, ct);
        }
        return complaint;
    }
}
