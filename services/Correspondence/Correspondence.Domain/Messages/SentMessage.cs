using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.Correspondence.Domain.Messages;

/// <summary>Where a message is in its life.</summary>
public enum MessageStatus
{
    /// <summary>Decided and waiting for its (next) attempt.</summary>
    Queued = 0,

    /// <summary>An attempt has begun and not yet been recorded as done: after a crash it is tried again when its lease ends.</summary>
    Sending = 1,

    /// <summary>The channel accepted it.</summary>
    Sent = 2,

    /// <summary>Every attempt failed: a person must act.</summary>
    Failed = 3,

    /// <summary>Deliberately not sent: no contact route or no lawful basis (<see cref="SentMessage.Reason"/> says which).</summary>
    NotSent = 4,
}

/// <summary>Who a message is for, as a role: never the person's address, which is read only when it is sent.</summary>
public enum RecipientRole
{
    /// <summary>The handling organisation's complaints team, at its team mailbox.</summary>
    ComplaintsTeam = 1,

    /// <summary>The complainant, by the route they prefer, with the address intake holds read when it is sent.</summary>
    Complainant = 2,

    /// <summary>
    /// An independent NHS complaints advocacy service, at its service mailbox (never an advocate's own), named by
    /// <see cref="SentMessage.RecipientCode"/>.
    /// </summary>
    AdvocacyService = 3,

    /// <summary>
    /// Another organisation's complaints team, contributing to a joint complaint's co-ordinated response (Reg 9), at
    /// its team mailbox, named by <see cref="SentMessage.RecipientCode"/> (its ODS code).
    /// </summary>
    ContributingOrganisation = 4,

    /// <summary>
    /// A member of staff complained about, at the work address the case holds for them, read when it is sent; named by
    /// <see cref="SentMessage.RecipientCode"/> (their record's id within the case).
    /// </summary>
    StaffComplainedAbout = 5,
}

/// <summary>How a message went.</summary>
public enum MessageChannel
{
    /// <summary>Not yet known or not sent.</summary>
    None = 0,

    /// <summary>E-mail.</summary>
    Email = 1,

    /// <summary>A printed letter, handed to the print and post route.</summary>
    Post = 2,
}

/// <summary>
/// One message the platform owes someone because of one event. It is keyed on the event, the template, the
/// recipient's role and which one of the role it is (<see cref="RecipientCode"/>), so a redelivered event finds the message it already queued; it holds the event's identifiers,
/// codes and dates only, and the recipient's address is fetched when it is sent, never stored here.
/// </summary>
public sealed class SentMessage
{
    // Not readonly: EF Core assigns it when it loads the message, which it cannot do to a readonly field.
#pragma warning disable IDE0044
    private Dictionary<string, string> _facts = new(StringComparer.Ordinal);
#pragma warning restore IDE0044

    private SentMessage()
    {
    }

    /// <summary>Identifier; also the message's own id at the channel (the e-mail's Message-Id).</summary>
    public Guid Id { get; private set; }

    /// <summary>
    /// The message id of the event that made it due; for the notice telling a member of staff of the complaint, the
    /// case's id, since they are told once whichever announcement of their record comes first.
    /// </summary>
    public Guid EventId { get; private set; }

    /// <summary>Which message it is: a name from <see cref="MessageTemplates"/>.</summary>
    public string Template { get; private set; } = "";

    /// <summary>Who it is for.</summary>
    public RecipientRole RecipientRole { get; private set; }

    /// <summary>
    /// Which one of the role, where a case has several: the advocacy service's code or the contributing
    /// organisation's ODS code. Empty for the complaints team and the complainant, of whom a case has one.
    /// </summary>
    public string RecipientCode { get; private set; } = "";

    /// <summary>
    /// The case it is about, or <c>null</c> for a message about the complaint itself, owed before (or without) a case:
    /// the written record of an oral complaint, the request for consent to share it, the notice of its transfer (ADR 37).
    /// </summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The complaint (the one the case handles, for a message about a case).</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>ODS code of the organisation on whose behalf it is sent: the one handling the case, or for a message about the complaint, the one writing.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Where it is in its life.</summary>
    public MessageStatus Status { get; private set; }

    /// <summary>How it went, once sent.</summary>
    public MessageChannel Channel { get; private set; }

    /// <summary>Whether a large-print version was sent, because the person asked for large print.</summary>
    public bool LargePrint { get; private set; }

    /// <summary>Attempts begun, including one a crash interrupted.</summary>
    public int Attempts { get; private set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When the next attempt may begin (or, while sending, when a silent attempt counts as lost).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When the channel accepted it.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure, or why it was not sent; never a recipient's details.</summary>
    public string? Reason { get; private set; }

    /// <summary>What the template needs from the event: codes and dates as text, never personal data.</summary>
    public IReadOnlyDictionary<string, string> Facts => _facts;

    /// <summary>What the channel last said happened to it after accepting it (GOV.UK Notify's receipts, ADR 39).</summary>
    public DeliveryOutcome Delivery { get; private set; }

    /// <summary>When that happened, as the channel says (Notify's <c>completed_at</c>, else when the receipt came).</summary>
    public DateTimeOffset? DeliveryAt { get; private set; }

    /// <summary>The channel's own id of the notification whose receipt set <see cref="Delivery"/>: for asking Notify about it.</summary>
    public Guid? ChannelNotificationId { get; private set; }

    /// <summary>A message decided on because of an event, to be sent after the decision commits.</summary>
    public static SentMessage Queue(
        Guid eventId, string template, RecipientRole recipient, Guid caseId, Guid complaintId, string organisationCode,
        IReadOnlyDictionary<string, string> facts, DateTimeOffset now) =>
        Queue(eventId, template, recipient, "", caseId, complaintId, organisationCode, facts, now);

    /// <summary>
    /// A message for one of several recipients of a role (<paramref name="recipientCode"/>), keyed on it too, and not
    /// sent before <paramref name="notBefore"/> when that is later than now (a reminder on a day still to come).
    /// </summary>
    public static SentMessage Queue(
        Guid eventId, string template, RecipientRole recipient, string recipientCode, Guid caseId, Guid complaintId, string organisationCode,
        IReadOnlyDictionary<string, string> facts, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        ArgumentNullException.ThrowIfNull(recipientCode);
        ArgumentNullException.ThrowIfNull(facts);
        var message = new SentMessage
        {
            Id = Guid.CreateVersion7(now),
            EventId = eventId,
            Template = template,
            RecipientRole = recipient,
            RecipientCode = recipientCode,
            CaseId = caseId,
            ComplaintId = complaintId,
            OrganisationCode = organisationCode,
            Status = MessageStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = notBefore is { } later && later > now ? later : now,
        };
        foreach (var (name, value) in facts)
        {
            message._facts[name] = value;
        }
        return message;
    }

    /// <summary>
    /// A message about a complaint rather than a case (ADR 37), decided on because of an intake event, to be sent after
    /// the decision commits; keyed like any other on the event, the template and the recipient's role.
    /// </summary>
    public static SentMessage QueueAboutComplaint(
        Guid eventId, string template, RecipientRole recipient, Guid complaintId, string organisationCode,
        IReadOnlyDictionary<string, string> facts, DateTimeOffset now)
    {
        var message = Queue(eventId, template, recipient, Guid.Empty, complaintId, organisationCode, facts, now);
        message.CaseId = null;
        return message;
    }

    /// <summary>The fact the template needs, or an error naming it: a message queued without it cannot be written.</summary>
    public string Fact(string name) => _facts.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"Message {Id} ({Template}) has no fact '{name}'.");

    /// <summary>The fact when the event carried it, else <c>null</c>: for what an event may not know yet (an agreed date).</summary>
    public string? OptionalFact(string name) => _facts.GetValueOrDefault(name);

    /// <summary>
    /// Starts an attempt. It is recorded before the send so that an attempt a crash cut short is visible: the message
    /// stays <see cref="MessageStatus.Sending"/>, and once <paramref name="lease"/> has passed it is tried again with
    /// <see cref="Attempts"/> showing the earlier try.
    /// </summary>
    public void BeginAttempt(DateTimeOffset now, TimeSpan lease)
    {
        if (Status is not (MessageStatus.Queued or MessageStatus.Sending))
        {
            throw new InvalidOperationException($"A message that is {Status} is not sent again.");
        }
        Status = MessageStatus.Sending;
        Attempts++;
        NextAttemptAt = now + lease;
    }

    /// <summary>A copy of the letter as sent (its PDF) is kept, and shown on the case as a document (ADR 43).</summary>
    public bool CopyKept { get; private set; }

    /// <summary>The channel accepted it; <paramref name="copyKept"/> when a copy of the letter as sent is kept, to be shown on the case.</summary>
    public void Sent(MessageChannel channel, bool largePrint, DateTimeOffset now, bool copyKept = false)
    {
        EnsureSending();
        CopyKept = copyKept;
        Status = MessageStatus.Sent;
        Channel = channel;
        LargePrint = largePrint;
        SentAt = now;
        Reason = null;
    }

    /// <summary>Nothing is sent, for a reason a person can read (no contact route, no lawful basis).</summary>
    public void NotSent(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureSending();
        Status = MessageStatus.NotSent;
        Reason = reason;
    }

    /// <summary>
    /// A message still waiting for its first or next attempt is no longer owed (the review it was to remind of has
    /// closed): it is not sent, for the reason given. Returns <c>false</c>, changing nothing, once an attempt is under
    /// way or the message's life has ended, since what has gone cannot be taken back.
    /// </summary>
    public bool Withdraw(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status != MessageStatus.Queued)
        {
            return false;
        }
        Status = MessageStatus.NotSent;
        Reason = reason;
        return true;
    }

    /// <summary>The attempt failed: tried again after the schedule's wait, or failed for good when the schedule is spent.</summary>
    public void AttemptFailed(string error, RetrySchedule schedule, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        ArgumentNullException.ThrowIfNull(schedule);
        EnsureSending();
        Reason = error.Length > 500 ? error[..500] : error;
        if (schedule.WaitAfter(Attempts) is { } wait)
        {
            Status = MessageStatus.Queued;
            NextAttemptAt = now + wait;
        }
        else
        {
            Status = MessageStatus.Failed;
        }
    }

    /// <summary>
    /// Records a delivery receipt when <see cref="DeliveryProgress"/> lets its outcome follow the one recorded: returns
    /// <c>false</c>, changing nothing, for a repeat, a late receipt of an earlier state, or any after a final outcome.
    /// </summary>
    public bool RecordDelivery(DeliveryOutcome outcome, DateTimeOffset at, Guid channelNotificationId)
    {
        if (!DeliveryProgress.MayFollow(Delivery, outcome))
        {
            return false;
        }
        Delivery = outcome;
        DeliveryAt = at;
        ChannelNotificationId = channelNotificationId;
        return true;
    }

    private void EnsureSending()
    {
        if (Status != MessageStatus.Sending)
        {
            throw new InvalidOperationException($"Message {Id} is {Status}, not being sent.");
        }
    }
}
