using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.WithdrawComplaint;

/// <summary>The complainant withdrew it.</summary>
/// <param name="WithdrawnOn">When; today by default.</param>
public sealed record WithdrawalInput(string? WithdrawnOn);

/// <summary>Records that the complainant withdrew the complaint: by the complaints team, or by the signed-in complainant.</summary>
public sealed class WithdrawComplaintHandler(ComplaintDecisionSteps steps) : IComplaintDecision<WithdrawalInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, WithdrawalInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.Store.FindAsync(id, ct);
        if (complaint is null || !ComplaintAccess.MayRead(caller, complaint))
        {
            throw new RequestNotFoundException();
        }
        var ownComplaint = caller.Has(Roles.Complainant) && complaint.ComplainantSubjectId == caller.SubjectId;
        if (!ownComplaint && !caller.ActsFor(complaint.HandlingOrganisationCode, ComplaintAccess.ManagerRoles))
        {
            throw new RequestForbiddenException("Only the complainant or the complaints team handling it can record a withdrawal.");
        }
        var fields = new FieldReader();
        var withdrawnOn = fields.DateInCalendar(input.WithdrawnOn, "withdrawnOn", steps.Today) ?? steps.Today;
        fields.ThrowIfAny();
        complaint.Withdraw(withdrawnOn);
        await steps.SaveAsync(complaint, ct);
    }
}
