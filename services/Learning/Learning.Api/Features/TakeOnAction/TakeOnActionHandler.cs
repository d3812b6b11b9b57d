using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.TakeOnAction;

/// <summary>Taking on a proposed action.</summary>
/// <param name="Owner">Who owns it from now on: a role or a name.</param>
public sealed record TakeOnActionRequest(string? Owner);

/// <summary>
/// Gives a proposed action (a change a final response committed to, ADR 44) its owner, which opens it: from then on it
/// is completed or cancelled like any other.
/// </summary>
public sealed class TakeOnActionHandler(ActionStore actions, IAuditTrail audit, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Gives a proposed action its owner, which opens it.</summary>
    public async Task<ActionView> HandleAsync(Caller caller, Guid id, TakeOnActionRequest? input, CancellationToken ct)
    {
        var action = await ActionSupport.OwnAsync(actions, caller, id, ct);
        var reader = new FieldReader();
        var owner = reader.Text(input?.Owner, "owner", 200, "Name who owns it (a role or a name).");
        reader.ThrowIfAny();
        action.TakeOn(owner!);
        audit.Record(AuditAction.Update, LearningResources.Action, action.Id.ToString(), action.OrganisationCode);
        await actions.SaveAsync(ct);
        return ActionSupport.View(action, Today);
    }
}
