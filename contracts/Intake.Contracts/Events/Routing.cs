namespace IcsComplaints.Intake.Contracts.Events;

/// <summary>The complainant's consent to share their complaint with the provider it is about was asked and recorded (Reg 7(3)).</summary>
public sealed record ConsentRecorded
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>Given or refused.</summary>
    public required bool Given { get; init; }

    /// <summary>The day it was recorded.</summary>
    public required DateOnly RecordedOn { get; init; }
}

/// <summary>A complaint's handling organisation is settled (Reg 7(4), Reg 9).</summary>
public sealed record ComplaintRouted
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>How.</summary>
    public required ComplaintRoute Route { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string HandlingOrganisationCode { get; init; }

    /// <summary>For a complaint about several organisations: all of them (Reg 9).</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>For a complaint about several organisations: the agreed lead (Reg 9(2)(c)).</summary>
    public string? LeadOrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly RoutedOn { get; init; }
}

/// <summary>
/// A complaint was sent to the organisation that should handle it, which is treated as having received it on the
/// original day (Reg 6(6), 7(5)).
/// </summary>
public sealed record ComplaintTransferred
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>The organisation that had it.</summary>
    public required string FromOrganisationCode { get; init; }

    /// <summary>The organisation that handles it now.</summary>
    public required string ToOrganisationCode { get; init; }

    /// <summary>The original date received, which stands for the new organisation too.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The day of the transfer.</summary>
    public required DateOnly TransferredOn { get; init; }

    /// <summary>Received more than 12 months after the events, with no decision yet (Reg 12).</summary>
    public bool OutOfTime { get; init; }

    /// <summary>Token subject of a signed-in complainant, so they can follow their case.</summary>
    public string? ComplainantSubjectId { get; init; }
}

/// <summary>Two complaints about the same matter were linked; the first is handled under the second (either/or).</summary>
public sealed record ComplaintsLinked
{
    /// <summary>The complaint that will not be handled on its own.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The complaint that is handled.</summary>
    public required Guid LinkedComplaintId { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly LinkedOn { get; init; }
}

/// <summary>A complaint is not handled under the Regulations, on a ground of Reg 8; it still counts for learning and reporting.</summary>
public sealed record ComplaintExcluded
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The ground.</summary>
    public required ExclusionGround Ground { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly ExcludedOn { get; init; }
}

/// <summary>The complainant withdrew the complaint.</summary>
public sealed record ComplaintWithdrawn
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly WithdrawnOn { get; init; }
}

/// <summary>A decision on a complaint made after the time limit (Reg 12).</summary>
public sealed record TimeLimitDecided
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>Considered or declined.</summary>
    public required TimeLimitDecision Decision { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly DecidedOn { get; init; }
}

/// <summary>A decision on whether a representative of a child or a person lacking capacity acts in their best interests (Reg 5(4)).</summary>
public sealed record BestInterestsDecided
{
    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>True when the representative acts in the person's best interests and the complaint proceeds.</summary>
    public required bool InBestInterests { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly DecidedOn { get; init; }
}

/// <summary>
/// An everyday conversation, or an oral complaint resolved to the complainant's satisfaction by the next working day
/// (Reg 8(1)(c)), was recorded: outside the complaint procedure, but counted for learning and reporting.
/// </summary>
public sealed record InformalConcernRecorded
{
    /// <summary>Identifier.</summary>
    public required Guid ConcernId { get; init; }

    /// <summary>ODS code of the organisation.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>An everyday conversation or an oral complaint resolved by the next working day.</summary>
    public required InformalConcernKind Kind { get; init; }

    /// <summary>How it was raised.</summary>
    public required ComplaintChannel Channel { get; init; }

    /// <summary>The day it was raised.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The day it was resolved; none when it was recorded open, to be followed up.</summary>
    public DateOnly? ResolvedOn { get; init; }

    /// <summary>The HCAT domain of the problem raised, when coded: Clinical, Management or Relationships.</summary>
    public string? Domain { get; init; }
}

/// <summary>
/// An open concern became a complaint that keeps its date and channel: from now on it is counted as that complaint
/// only, never also as a concern.
/// </summary>
public sealed record ConcernBecameComplaint
{
    /// <summary>The concern.</summary>
    public required Guid ConcernId { get; init; }

    /// <summary>The complaint it became.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code of the organisation.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day the concern was raised, which the complaint keeps.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>How it was raised, which the complaint keeps.</summary>
    public required ComplaintChannel Channel { get; init; }
}
