using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Events = IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Features.RecordConcern;

/// <summary>A concern as staff record it.</summary>
/// <param name="Kind">EverydayConversation or OralComplaintResolved.</param>
/// <param name="Channel">Phone, InPerson, Pals, Email, Letter or Online.</param>
/// <param name="ReceivedOn">The day it was raised, <c>YYYY-MM-DD</c>; today by default.</param>
/// <param name="ResolvedOn">The day it was resolved; left out while it is open.</param>
/// <param name="Domain">HCAT domain: Clinical, Management or Relationships.</param>
/// <param name="Summary">What was raised and how it was put right.</param>
public sealed record RecordConcernRequest(string? Kind, string? Channel, string? ReceivedOn, string? ResolvedOn, string? Domain, string? Summary)
{
    /// <summary>While it is open (no <see cref="ResolvedOn"/>): the day the team will follow it up, <c>YYYY-MM-DD</c>.</summary>
    public string? FollowUpOn { get; init; }
}

/// <summary>A recorded concern.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Channel">Channel.</param>
/// <param name="ReceivedOn">Raised.</param>
/// <param name="ResolvedOn">Resolved; none while open.</param>
/// <param name="Domain">HCAT domain.</param>
/// <param name="Summary">Note.</param>
/// <param name="Status">Open, Resolved or BecameComplaint.</param>
/// <param name="FollowUpOn">While open: the day it is followed up.</param>
/// <param name="Resolution">How an open concern was later put right.</param>
/// <param name="ComplaintId">The complaint it became.</param>
public sealed record ConcernView(
    Guid Id, InformalConcernKind Kind, ComplaintChannel Channel, DateOnly ReceivedOn, DateOnly? ResolvedOn, string? Domain, string Summary,
    ConcernStatus Status, DateOnly? FollowUpOn, string? Resolution, Guid? ComplaintId)
{
    /// <summary>The view of a concern.</summary>
    public static ConcernView Of(InformalConcern c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Kind, c.Channel, c.ReceivedOn, c.ResolvedOn, c.Domain, c.Summary, c.Status, c.FollowUpOn, c.Resolution, c.ComplaintId);
    }
}

/// <summary>
/// Records a concern for the caller's own organisation, resolved or open until a follow-up day
/// (<see cref="OpenConcernFollowUp"/>); an oral complaint counts here only if it was resolved by the next working day
/// (<see cref="OralComplaintResolvedNextWorkingDay"/>).
/// </summary>
public sealed class RecordConcernHandler(ConcernStore store, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>Roles that record concerns: the complaints and PALS team.</summary>
    public static readonly IReadOnlyList<string> RecorderRoles = [Roles.ComplaintsHandler];

    /// <summary>Checks and records the concern, and announces it.</summary>
    public async Task<ConcernView> RecordAsync(Caller caller, RecordConcernRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(RecorderRoles) || caller.OrganisationCode is null)
        {
            throw new RequestForbiddenException("Only the complaints team records concerns, for its own organisation.");
        }
        var today = LondonTime.Today(time);
        var fields = new FieldReader();
        var kind = fields.Enum<InformalConcernKind>(request?.Kind, "kind", Required<InformalConcernKind>());
        var channel = fields.Enum<ComplaintChannel>(request?.Channel, "channel", Required<ComplaintChannel>());
        if (channel is ComplaintChannel.Integration)
        {
            fields.Add("channel", "A concern is raised by a person: Phone, InPerson, Pals, Email, Letter or Online.");
        }
        // Today when not given; a date that breaks the rule is reported and today used, so the rules that follow (which
        // count working days on the calendar) never see a date outside it.
        var receivedOn = fields.DateInCalendar(request?.ReceivedOn, "receivedOn", today) ?? today;
        var resolvedOn = fields.DateInCalendar(request?.ResolvedOn, "resolvedOn", today);
        var followUpOn = fields.DateInCalendar(request?.FollowUpOn, "followUpOn", today, allowFuture: true);
        OpenConcernFollowUp.CheckRecording(fields, kind, receivedOn, resolvedOn, followUpOn, today);
        if (resolvedOn is { } resolved)
        {
            OralComplaintResolvedNextWorkingDay.Check(fields, kind, channel, receivedOn, resolved, calendar);
        }
        string? domain = null;
        if (!string.IsNullOrWhiteSpace(request?.Domain) && (domain = HcatDomains.Find(request.Domain.Trim())) is null)
        {
            fields.Add("domain", "The HCAT domain is Clinical, Management or Relationships.");
        }
        var summary = fields.Text(request?.Summary, "summary", TextLimits.Note, "Say what was raised and, if it was, how it was put right.") ?? "";
        fields.ThrowIfAny();

        var concern = InformalConcern.Record(
            caller.OrganisationCode, kind!.Value, channel!.Value, receivedOn, resolvedOn, followUpOn, domain, summary, caller.SubjectId, time.GetUtcNow());
        store.Add(concern);
        audit.Record(AuditAction.Create, AuditResources.Concern, concern.Id.ToString(), concern.OrganisationCode);
        outbox.Publish(new Events.InformalConcernRecorded
        {
            ConcernId = concern.Id,
            OrganisationCode = concern.OrganisationCode,
            Kind = (Events.InformalConcernKind)concern.Kind,
            Channel = (Events.ComplaintChannel)concern.Channel,
            ReceivedOn = concern.ReceivedOn,
            ResolvedOn = concern.ResolvedOn,
            Domain = concern.Domain,
        });
        await store.SaveAsync(ct);
        return ConcernView.Of(concern);
    }

    private static string Required<TEnum>()
        where TEnum : struct, Enum =>
        "Required: one of " + string.Join(", ", Enum.GetNames<TEnum>()) + ".";
}
