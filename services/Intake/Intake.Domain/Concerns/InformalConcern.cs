using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Domain.Concerns;

/// <summary>
/// An everyday conversation, or an oral complaint resolved to the complainant's satisfaction by the next working
/// day (Reg 8(1)(c), see <see cref="Rules.OralComplaintResolvedNextWorkingDay"/>). It has no case lifecycle, but
/// it is counted for learning and reporting. An everyday conversation not put right at once stays open until a
/// follow-up date (<see cref="Rules.OpenConcernFollowUp"/>); one the person is not satisfied with becomes a complaint
/// that keeps its date and channel, and is then counted as that complaint only.
/// </summary>
public sealed class InformalConcern
{
    // For EF Core.
    private InformalConcern()
    {
        OrganisationCode = "";
        Summary = "";
        RecordedBy = "";
    }

    private InformalConcern(Guid id, string organisationCode, string summary, string recordedBy)
    {
        Id = id;
        OrganisationCode = organisationCode;
        Summary = summary;
        RecordedBy = recordedBy;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>ODS code of the organisation it was raised with.</summary>
    public string OrganisationCode { get; private set; }

    /// <summary>Everyday conversation or resolved oral complaint.</summary>
    public InformalConcernKind Kind { get; private set; }

    /// <summary>How it was raised.</summary>
    public ComplaintChannel Channel { get; private set; }

    /// <summary>The day it was raised.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The day it was resolved; none while it is open.</summary>
    public DateOnly? ResolvedOn { get; private set; }

    /// <summary>How an open concern was put right, when it was resolved later; may hold personal data.</summary>
    public string? Resolution { get; private set; }

    /// <summary>While it is open: the day the team comes back to it.</summary>
    public DateOnly? FollowUpOn { get; private set; }

    /// <summary>The complaint it became, when the person was not satisfied.</summary>
    public Guid? ComplaintId { get; private set; }

    /// <summary>Open, resolved, or made a complaint.</summary>
    public ConcernStatus Status => ComplaintId is not null ? ConcernStatus.BecameComplaint
        : ResolvedOn is not null ? ConcernStatus.Resolved
        : ConcernStatus.Open;

    /// <summary>HCAT domain of the problem raised, when coded (<see cref="HcatDomains"/>).</summary>
    public string? Domain { get; private set; }

    /// <summary>What was raised and how it was resolved: a short note, which may hold personal data.</summary>
    public string Summary { get; private set; }

    /// <summary>Subject of the member of staff who recorded it.</summary>
    public string RecordedBy { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// A concern recorded now by a member of the organisation's complaints team, from input already checked: resolved
    /// on <paramref name="resolvedOn"/>, or open until <paramref name="followUpOn"/>.
    /// </summary>
    public static InformalConcern Record(
        string organisationCode, InformalConcernKind kind, ComplaintChannel channel, DateOnly receivedOn, DateOnly? resolvedOn,
        DateOnly? followUpOn, string? domain, string summary, string recordedBy, DateTimeOffset recordedAt) =>
        new(Guid.CreateVersion7(recordedAt), organisationCode, summary, recordedBy)
        {
            Kind = kind,
            Channel = channel,
            ReceivedOn = receivedOn,
            ResolvedOn = resolvedOn,
            FollowUpOn = resolvedOn is null ? followUpOn : null,
            Domain = domain,
            RecordedAt = recordedAt,
        };

    /// <summary>Puts an open concern right, checked by <see cref="Rules.OpenConcernFollowUp.CheckResolution"/>.</summary>
    public void Resolve(DateOnly resolvedOn, string? howResolved)
    {
        if (Status != ConcernStatus.Open)
        {
            throw new InvalidOperationException($"Concern {Id} is {Status}, not open.");
        }
        ResolvedOn = resolvedOn;
        FollowUpOn = null;
        Resolution = howResolved;
    }

    /// <summary>Records the complaint the concern became; from then on it is counted as that complaint only.</summary>
    public void BecomeComplaint(Guid complaintId)
    {
        if (ComplaintId is not null)
        {
            throw new InvalidOperationException($"Concern {Id} is already complaint {ComplaintId}.");
        }
        ComplaintId = complaintId;
        FollowUpOn = null;
    }
}

/// <summary>Where a concern stands.</summary>
public enum ConcernStatus
{
    /// <summary>Not yet put right: the team follows it up.</summary>
    Open = 1,

    /// <summary>Put right outside the complaint procedure.</summary>
    Resolved = 2,

    /// <summary>The person was not satisfied and it became a complaint.</summary>
    BecameComplaint = 3,
}

/// <summary>Matters recorded outside the complaint procedure but counted for learning and reporting.</summary>
public enum InformalConcernKind
{
    /// <summary>An everyday conversation: a concern raised and put right there and then (NHS Complaint Standards).</summary>
    EverydayConversation = 1,

    /// <summary>An oral complaint resolved to the complainant's satisfaction by the next working day (Reg 8(1)(c)).</summary>
    OralComplaintResolved = 2,
}

/// <summary>The three HCAT domains a problem raised is coded in (Gillespie and Reader 2016; domain.md §8.2).</summary>
public static class HcatDomains
{
    /// <summary>Clinical, Management and Relationships.</summary>
    public static readonly IReadOnlyList<string> All = ["Clinical", "Management", "Relationships"];

    /// <summary>The domain as it is written, in any case; <c>null</c> when it is none of them.</summary>
    public static string? Find(string name) => All.FirstOrDefault(d => d.Equals(name, StringComparison.OrdinalIgnoreCase));
}
