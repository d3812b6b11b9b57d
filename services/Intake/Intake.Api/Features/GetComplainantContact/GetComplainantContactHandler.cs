using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Features.GetComplainantContact;

/// <summary>
/// How to reach the complainant, for those who act for them or write to them: staff who may read the complaint, and
/// the advocate whose service the complainant's consent lets see the case (an advocate cannot help someone they cannot
/// contact). For anyone else <c>null</c>, as if the complaint did not exist. Every read is audited.
/// </summary>
public sealed class GetComplainantContactHandler(ComplaintQueries queries, AdvocateConsent consent, IAuditTrail audit)
{
    /// <summary>The complainant's contact details, or <c>null</c>.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="id">The complaint.</param>
    /// <param name="authorization">The caller's own authorization header, with which an advocate's consent is checked.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Complaint?> GetAsync(Caller caller, Guid id, string authorization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is null)
        {
            return null;
        }
        var allowed = ComplaintAccess.MayRead(caller, complaint) ||
            (caller.Has(Roles.Advocate) && complaint.CaseId is { } caseId && await consent.LetsSeeCaseAsync(caseId, authorization, ct));
        if (!allowed)
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, ct);
        return complaint;
    }
}
