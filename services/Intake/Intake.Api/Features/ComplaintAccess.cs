using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features;

/// <summary>
/// Who may read a complaint and who decides on it, the same for every feature. Who may decide is checked before the
/// input, so a caller without the right learns nothing from the answer.
/// </summary>
public static class ComplaintAccess
{
    /// <summary>Roles that read an organisation's complaints.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = Roles.OrganisationStaff;

    /// <summary>Roles that take intake decisions for their organisation.</summary>
    public static readonly IReadOnlyList<string> ManagerRoles = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>
    /// Staff of the organisation it was made to or that handles it, or the signed-in complainant who submitted it.
    /// </summary>
    public static bool MayRead(Caller caller, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(complaint);
        return caller.ActsFor(complaint.OrganisationCode, ReaderRoles) ||
            caller.ActsFor(complaint.HandlingOrganisationCode, ReaderRoles) ||
            (caller.Has(Roles.Complainant) && complaint.ComplainantSubjectId is not null && complaint.ComplainantSubjectId == caller.SubjectId);
    }

    /// <summary>
    /// A possible duplicate is shown to a handler who can read it, or when the complainant agreed to share it, or it
    /// was made to the provider itself: never a complaint an ICB keeps from the provider (Reg 7(3)).
    /// </summary>
    public static bool MaySeeAsDuplicate(Caller caller, Complaint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MayRead(caller, other) || other.ShareConsentGiven == true || other.Route == ComplaintRoute.HandledByRecipient;
    }

    /// <summary>The complaint, when the caller is on the complaints team of the organisation handling it.</summary>
    public static async Task<Complaint> LoadForDecisionAsync(ComplaintStore store, Caller caller, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        var complaint = await store.FindAsync(id, ct);
        if (complaint is null || !MayRead(caller, complaint))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(complaint.HandlingOrganisationCode, ManagerRoles))
        {
            throw new RequestForbiddenException("Only the complaints team of the organisation handling the complaint can do this.");
        }
        return complaint;
    }
}
