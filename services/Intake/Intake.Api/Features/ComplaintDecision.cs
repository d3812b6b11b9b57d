using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Features;

/// <summary>A decision the complaints team takes on a complaint at intake, the same over REST and any other way in.</summary>
/// <typeparam name="TInput">What the decision is given.</typeparam>
public interface IComplaintDecision<in TInput>
{
    /// <summary>Checks who decides and the input, asks the complaint to change, and records it.</summary>
    Task DecideAsync(Caller caller, Guid id, TInput input, CancellationToken ct);
}

/// <summary>
/// What every decision does around the complaint's own method: load it for a member of the handling organisation's
/// complaints team, and afterwards publish what it announced, audit the change and save, in one transaction.
/// </summary>
public sealed class ComplaintDecisionSteps(ComplaintStore store, ComplaintEventPublisher events, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Today in Europe/London: the day a decision is taken.</summary>
    public DateOnly Today => LondonTime.Today(time);

    /// <summary>The store the complaint is loaded from.</summary>
    public ComplaintStore Store => store;

    /// <summary>The complaint, for a member of the complaints team of the organisation handling it.</summary>
    public Task<Complaint> LoadAsync(Caller caller, Guid id, CancellationToken ct) => ComplaintAccess.LoadForDecisionAsync(store, caller, id, ct);

    /// <summary>Publishes what the complaint announced, audits the change and saves.</summary>
    public async Task SaveAsync(Complaint complaint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        events.Publish(complaint);
        audit.Record(AuditAction.Update, AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode);
        await store.SaveAsync(ct);
    }
}
