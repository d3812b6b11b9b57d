namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The complaint was acknowledged (Reg 13(3)).</summary>
public sealed record CaseAcknowledged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly AcknowledgedOn { get; init; }

    /// <summary>The deadline.</summary>
    public required DateOnly DueBy { get; init; }

    /// <summary>By the third working day after receipt.</summary>
    public required bool InTime { get; init; }

    /// <summary>The response date in force when it was acknowledged, if one was already agreed; the acknowledgement letter quotes it.</summary>
    public DateOnly? ResponseDueBy { get; init; }

    /// <summary>How often, in working days, the complainant was promised updates, if agreed; the letter quotes it.</summary>
    public int? UpdateEveryWorkingDays { get; init; }
}
