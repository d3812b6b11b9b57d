using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.LinkComplaint;

/// <summary>The complaint this one repeats.</summary>
/// <param name="ComplaintId">It.</param>
public sealed record LinkInput(Guid? ComplaintId);

/// <summary>Links a complaint to an earlier one about the same matter, which is handled instead (either/or).</summary>
public sealed class LinkComplaintHandler(ComplaintDecisionSteps steps) : IComplaintDecision<LinkInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, LinkInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        if (input.ComplaintId is not { } otherId)
        {
            throw new RequestValidationException("complaintId", "Give the complaint this one repeats.");
        }
        complaint.EnsureOpen();
        var paired = await steps.Store.WerePairedAsync(id, otherId, ct);
        var other = await steps.Store.FindAsync(otherId, ct);
        if (!paired || other is null || !ComplaintAccess.MaySeeAsDuplicate(caller, other))
        {
            throw new RequestValidationException("complaintId", "Only a possible duplicate found for this complaint can be linked (GET …/possible-duplicates).");
        }
        complaint.LinkTo(other, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
