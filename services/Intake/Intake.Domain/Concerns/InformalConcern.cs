using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Domain.Concerns;

/// <summary>
/// An everyday conversation, or an oral complaint resolved to the complainant's satisfaction by the next working
/// day (Reg 8(1)(c), see <see cref="Rules.OralComplaintResolvedNextWorkingDay"/>). It has no case lifecycle, but
/// it is counted for learning and reporting.
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

    /// <summary>The day it was resolved.</summary>
    public DateOnly ResolvedOn { get; private set; }

    /// <summary>HCAT domain of the problem raised, when coded (<see cref="HcatDomains"/>).</summary>
    public string? Domain { get; private set; }

    /// <summary>What was raised and how it was resolved: a short note, which may hold personal data.</summary>
    public string Summary { get; private set; }

    /// <summary>Subject of the member of staff who recorded it.</summary>
    public string RecordedBy { get; private set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>A concern recorded now by a member of the organisation's complaints team, from input already checked.</summary>
    public static InformalConcern Record(
        string organisationCode, InformalConcernKind kind, ComplaintChannel channel, DateOnly receivedOn, DateOnly resolvedOn, string? domain,
        string summary, string recordedBy, DateTimeOffset recordedAt) =>
        new(Guid.CreateVersion7(recordedAt), organisationCode, summary, recordedBy)
        {
            Kind = kind,
            Channel = channel,
            ReceivedOn = receivedOn,
            ResolvedOn = resolvedOn,
            Domain = domain,
            RecordedAt = recordedAt,
        };
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
