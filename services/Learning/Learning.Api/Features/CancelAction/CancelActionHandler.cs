using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.CancelAction;

/// <summary>Cancellation.</summary>
/// <param name="Reason">Why.</param>
public sealed record CancelActionRequest(string? Reason);

/// <summary>Cancels an open action, with the reason.</summary>
public sealed class CancelActionHandler(ActionStore actions, IAuditTrail audit, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Cancels an open action, with the reason.</summary>
    public async Task<ActionView> HandleAsync(Caller caller, Guid id, CancelActionRequest? input, CancellationToken ct)
    {
        var action = await ActionSupport.OwnAsync(actions, caller, id, ct);
        var reader = new FieldReader();
        var reason = reader.Text(input?.Reason, "reason", 2_000, "Say why the action is dropped.");
        reader.ThrowIfAny();
        action.Cancel(reason!, Today);
        audit.Record(AuditAction.Update, LearningResources.Action, action.Id.ToString(), action.OrganisationCode);
        await actions.SaveAsync(ct);
        return ActionSupport.View(action, Today);
    }
}
