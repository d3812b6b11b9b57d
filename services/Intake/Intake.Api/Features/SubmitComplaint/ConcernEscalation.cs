using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Events = IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>
/// A complaint recorded from one of the organisation's open concerns (<see cref="ConcernBecomingComplaint"/>): it
/// keeps the concern's date and channel, and the concern records the complaint it became, in the same transaction.
/// </summary>
public sealed class ConcernEscalation(ConcernStore concerns, IOutbox outbox, IAuditTrail audit)
{
    /// <summary>
    /// The command with the concern's date received and channel, when it names a concern; field errors when the
    /// caller may not make it a complaint or it cannot become one.
    /// </summary>
    public async Task<SubmitComplaintCommand> CarryAsync(SubmitComplaintCommand command, SubmitterKind submitter, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(command.FromConcernId))
        {
            return command;
        }
        var fields = new FieldReader();
        if (submitter != SubmitterKind.Staff || caller.OrganisationCode is not { } organisation)
        {
            fields.Add(ConcernBecomingComplaint.Field, "Only the complaints team makes a concern a complaint.");
            fields.ThrowIfAny();
            return command;
        }
        var concern = Guid.TryParse(command.FromConcernId.Trim(), out var id) ? await concerns.FindAsync(organisation, id, ct) : null;
        var (receivedOn, channel) = ConcernBecomingComplaint.Carry(fields, concern, command.ReceivedOn, command.Channel);
        if (concern is not null && !string.Equals(command.OrganisationCode?.Trim(), concern.OrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            fields.Add("organisationCode", $"A concern becomes a complaint to the organisation it was raised with, {concern.OrganisationCode}.");
        }
        fields.ThrowIfAny();
        return command with
        {
            FromConcernId = id.ToString(),
            ReceivedOn = receivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Channel = channel.ToString(),
        };
    }

    /// <summary>
    /// Marks the concern <paramref name="complaint"/> was made from as that complaint, and announces it, in the
    /// complaint's unit of work. Loaded again on every attempt, because a refused save forgets what it tracked.
    /// </summary>
    public async Task BecomeAsync(Complaint complaint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.FromConcernId is not { } concernId)
        {
            return;
        }
        var concern = await concerns.FindAsync(complaint.OrganisationCode, concernId, ct)
            ?? throw new InvalidOperationException($"Concern {concernId} vanished while it became a complaint.");
        if (concern.ComplaintId is not null)
        {
            // Another complaint was made from it: the unique index refuses this one when it is saved.
            return;
        }
        concern.BecomeComplaint(complaint.Id);
        audit.Record(AuditAction.Update, AuditResources.Concern, concern.Id.ToString(), concern.OrganisationCode);
        outbox.Publish(new Events.ConcernBecameComplaint
        {
            ConcernId = concern.Id,
            ComplaintId = complaint.Id,
            OrganisationCode = concern.OrganisationCode,
            ReceivedOn = concern.ReceivedOn,
            Channel = (Events.ComplaintChannel)concern.Channel,
        });
    }
}
