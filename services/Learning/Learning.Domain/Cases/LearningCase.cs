namespace IcsComplaints.Learning.Domain.Cases;

/// <summary>
/// What this service knows of a case, from the case service's events: who handles it, when it was received, its
/// KO41 subject areas (which suggest HCAT categories) and how it ended. No personal data.
/// </summary>
public sealed class LearningCase
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received: the month a theme counts it in.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>KO41 subject areas, once coded.</summary>
    public List<string> SubjectAreas { get; set; } = [];

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Outcome at closure (KO41a), if any.</summary>
    public string? Outcome { get; set; }

    /// <summary>When a quality lead put it in a calibration sample, to be coded by a second person.</summary>
    public DateOnly? SecondCodingRequestedOn { get; set; }

    /// <summary>True for the demonstration history that <c>./ics up</c> generates; never set by events.</summary>
    public bool Synthetic { get; init; }
}
