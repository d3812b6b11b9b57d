using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Api.Features.QueueMessages;

/// <summary>The facts of a case event a message is owed for: identifiers, codes and dates, never a person's details.</summary>
/// <param name="EventId">The event's message id, which keys the messages it makes due.</param>
/// <param name="CaseId">The case.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="OrganisationCode">The organisation handling the case.</param>
public sealed record CaseEvent(Guid EventId, Guid CaseId, Guid ComplaintId, string OrganisationCode);

/// <summary>
/// Decides which messages an event makes due and queues them in the consumer's transaction, beside its inbox row:
/// the event is then either fully recorded with its messages or not at all, and the dispatcher sends them only
/// after that commit.
/// </summary>
public sealed class QueueMessagesHandler(MessageStore store, TimeProvider clock)
{
    /// <summary>The complaints team is warned that a deadline is near.</summary>
    public Task DeadlineApproachingAsync(CaseEvent raised, string deadline, DateOnly dueOn, int workingDaysLeft, CancellationToken ct) =>
        QueueAsync(raised, MessageTemplates.DeadlineApproaching, RecipientRole.ComplaintsTeam, new Dictionary<string, string>
        {
            [MessageFacts.Deadline] = deadline,
            [MessageFacts.DueOn] = Iso(dueOn),
            [MessageFacts.WorkingDaysLeft] = workingDaysLeft.ToString(CultureInfo.InvariantCulture),
        }, ct);

    /// <summary>The complaints team is told that a deadline was missed.</summary>
    public Task DeadlineMissedAsync(CaseEvent raised, string deadline, DateOnly dueOn, DateOnly detectedOn, CancellationToken ct) =>
        QueueAsync(raised, MessageTemplates.DeadlineMissed, RecipientRole.ComplaintsTeam, new Dictionary<string, string>
        {
            [MessageFacts.Deadline] = deadline,
            [MessageFacts.DueOn] = Iso(dueOn),
            [MessageFacts.DetectedOn] = Iso(detectedOn),
        }, ct);

    /// <summary>
    /// The complainant is sent the acknowledgement (Reg 13), with the response date and update cadence if they were
    /// agreed by then; the address is not known here and is read when it is sent.
    /// </summary>
    public Task AcknowledgementAsync(CaseEvent raised, DateOnly acknowledgedOn, DateOnly? responseDueBy, int? updateEveryWorkingDays, CancellationToken ct)
    {
        var facts = new Dictionary<string, string> { [MessageFacts.AcknowledgedOn] = Iso(acknowledgedOn) };
        if (responseDueBy is { } due)
        {
            facts[MessageFacts.ResponseDueBy] = Iso(due);
        }
        if (updateEveryWorkingDays is { } every)
        {
            facts[MessageFacts.UpdateEveryWorkingDays] = every.ToString(CultureInfo.InvariantCulture);
        }
        return QueueAsync(raised, MessageTemplates.Acknowledgement, RecipientRole.Complainant, facts, ct);
    }

    private Task QueueAsync(CaseEvent raised, string template, RecipientRole recipient, Dictionary<string, string> facts, CancellationToken ct) =>
        store.QueueAsync(SentMessage.Queue(
            raised.EventId, template, recipient, raised.CaseId, raised.ComplaintId, raised.OrganisationCode, facts, clock.GetUtcNow()), ct);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The names under which a message keeps the event's facts.</summary>
public static class MessageFacts
{
    /// <summary>Which deadline: Acknowledgement, EarlyResolution, Response, Update or Backstop.</summary>
    public const string Deadline = "deadline";

    /// <summary>The deadline's last day.</summary>
    public const string DueOn = "dueOn";

    /// <summary>Working days left before it.</summary>
    public const string WorkingDaysLeft = "workingDaysLeft";

    /// <summary>The day it was found missed.</summary>
    public const string DetectedOn = "detectedOn";

    /// <summary>The day the complaint was acknowledged: the acknowledgement letter's date.</summary>
    public const string AcknowledgedOn = "acknowledgedOn";

    /// <summary>The agreed response date, when there was one.</summary>
    public const string ResponseDueBy = "responseDueBy";

    /// <summary>The agreed update cadence in working days, when there was one.</summary>
    public const string UpdateEveryWorkingDays = "updateEveryWorkingDays";
}
