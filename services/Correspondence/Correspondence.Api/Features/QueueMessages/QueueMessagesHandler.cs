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

    /// <summary>
    /// The complainant is sent the response with how to go to the Ombudsman (Reg 14): the final response as it was
    /// signed and sent, or for a complaint resolved early the letter confirming what was agreed.
    /// </summary>
    public Task FinalResponseAsync(CaseEvent raised, DateOnly sentOn, bool confirmsEarlyResolution, CancellationToken ct) =>
        QueueAsync(raised, confirmsEarlyResolution ? MessageTemplates.EarlyResolutionConfirmation : MessageTemplates.FinalResponse, RecipientRole.Complainant,
            new Dictionary<string, string> { [MessageFacts.SentOn] = Iso(sentOn) }, ct);

    /// <summary>
    /// The complainant is told of a changed response date (Reg 13(7)-(8)); the first agreement is in the
    /// acknowledgement or was made with them, so only a renegotiation is written about.
    /// </summary>
    public Task ResponseDateAgreedAsync(CaseEvent raised, DateOnly agreedOn, DateOnly dueBy, int renegotiation, bool withComplainant, CancellationToken ct) =>
        renegotiation < 1
            ? Task.CompletedTask
            : QueueAsync(raised, MessageTemplates.ResponseDateChanged, RecipientRole.Complainant, new Dictionary<string, string>
            {
                [MessageFacts.AgreedOn] = Iso(agreedOn),
                [MessageFacts.ResponseDueBy] = Iso(dueBy),
                [MessageFacts.WithComplainant] = withComplainant ? "true" : "false",
            }, ct);

    /// <summary>The complainant is told that work on their complaint is paused, and why.</summary>
    public Task ClockPausedAsync(CaseEvent raised, string reason, DateOnly from, CancellationToken ct) =>
        QueueAsync(raised, MessageTemplates.ClockPaused, RecipientRole.Complainant, new Dictionary<string, string>
        {
            [MessageFacts.PauseReason] = reason,
            [MessageFacts.PausedFrom] = Iso(from),
        }, ct);

    /// <summary>The complainant is sent the update owed at the agreed frequency: where the case stands and the dates ahead.</summary>
    public Task ScheduledUpdateAsync(CaseEvent raised, DateOnly on, string stage, bool paused, DateOnly? responseDueBy, DateOnly nextUpdateBy, CancellationToken ct)
    {
        var facts = new Dictionary<string, string>
        {
            [MessageFacts.WrittenOn] = Iso(on),
            [MessageFacts.Stage] = stage,
            [MessageFacts.Paused] = paused ? "true" : "false",
            [MessageFacts.NextUpdateBy] = Iso(nextUpdateBy),
        };
        if (responseDueBy is { } due)
        {
            facts[MessageFacts.ResponseDueBy] = Iso(due);
        }
        return QueueAsync(raised, MessageTemplates.ScheduledUpdate, RecipientRole.Complainant, facts, ct);
    }

    /// <summary>The complainant is invited to the experience survey once the case is closed; the link is made when it is sent.</summary>
    public Task SurveyInvitationAsync(CaseEvent raised, DateOnly closedOn, CancellationToken ct) =>
        QueueAsync(raised, MessageTemplates.SurveyInvitation, RecipientRole.Complainant, new Dictionary<string, string> { [MessageFacts.ClosedOn] = Iso(closedOn) }, ct);

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

    /// <summary>The day the final response was sent: its letter's date.</summary>
    public const string SentOn = "sentOn";

    /// <summary>The day a response date was agreed or changed.</summary>
    public const string AgreedOn = "agreedOn";

    /// <summary>"true" when the date was agreed with the complainant, "false" when set because they declined to discuss it.</summary>
    public const string WithComplainant = "withComplainant";

    /// <summary>Why the clock stopped: AwaitingConsent, AwaitingComplainant or ParallelProcess.</summary>
    public const string PauseReason = "pauseReason";

    /// <summary>The first day paused.</summary>
    public const string PausedFrom = "pausedFrom";

    /// <summary>The day a scheduled update was written: its letter's date.</summary>
    public const string WrittenOn = "writtenOn";

    /// <summary>The case's stage when an update was written.</summary>
    public const string Stage = "stage";

    /// <summary>"true" when the response clock was paused when an update was written.</summary>
    public const string Paused = "paused";

    /// <summary>When the next update is due.</summary>
    public const string NextUpdateBy = "nextUpdateBy";

    /// <summary>The day the case was closed.</summary>
    public const string ClosedOn = "closedOn";
}
