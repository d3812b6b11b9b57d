using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.CompleteAction;

/// <summary>Completion.</summary>
/// <param name="Evidence">Evidence that it changed.</param>
/// <param name="YouSaid">Public: what people told us (no personal data).</param>
/// <param name="WeDid">Public: what we did.</param>
public sealed record CompleteActionRequest(string? Evidence, string? YouSaid, string? WeDid);

/// <summary>Completes an open action with evidence; a public summary, if given, must carry no personal data.</summary>
public sealed class CompleteActionHandler(ActionStore actions, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Completes an open action with evidence; a public summary, if given, must carry no personal data.</summary>
    public async Task<ActionView> HandleAsync(Caller caller, Guid id, CompleteActionRequest? input, CancellationToken ct)
    {
        var action = await ActionSupport.OwnAsync(actions, caller, id, ct);
        var reader = new FieldReader();
        var evidence = reader.Text(input?.Evidence, "evidence", 4_000, "Give the evidence that the change happened.");
        var youSaid = reader.Text(input?.YouSaid, "youSaid", 1_000);
        var weDid = reader.Text(input?.WeDid, "weDid", 1_000);
        if (string.IsNullOrEmpty(youSaid) != string.IsNullOrEmpty(weDid) && !reader.Has("youSaid") && !reader.Has("weDid"))
        {
            reader.Add(string.IsNullOrEmpty(youSaid) ? "youSaid" : "weDid", "A public summary has both parts: what people told us and what we did.");
        }
        foreach (var (field, value) in new[] { ("youSaid", youSaid), ("weDid", weDid) })
        {
            if (PublicText.PersonalDataIn(value) is { } found)
            {
                reader.Add(field, $"A public summary must not identify anyone: remove the {found}.");
            }
        }
        reader.ThrowIfAny();
        action.Complete(evidence!, youSaid, weDid, Today);
        outbox.Publish(new LearningActionCompleted
        {
            ActionId = action.Id, OrganisationCode = action.OrganisationCode, CompletedOn = Today, DueOn = action.DueOn, OnTime = Today <= action.DueOn,
            Published = action.YouSaid is not null,
        });
        audit.Record(AuditAction.Update, LearningResources.Action, action.Id.ToString(), action.OrganisationCode);
        await actions.SaveAsync(ct);
        return ActionSupport.View(action, Today);
    }
}
