namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The signed final response was sent (Reg 14). Counts and flags only; the letter stays in the case service.</summary>
public sealed record FinalResponseSent
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The day sent.</summary>
    public required DateOnly SentOn { get; init; }

    /// <summary>Upheld, PartiallyUpheld or NotUpheld (KO41a).</summary>
    public required string Outcome { get; init; }

    /// <summary>Resolved at early resolution, without a closer look.</summary>
    public required bool ResolvedEarly { get; init; }

    /// <summary>
    /// The response is the written confirmation of an early resolution (what was discussed and agreed, with the offer
    /// of a closer look), not a signed letter of findings: correspondence writes that letter instead.
    /// </summary>
    public bool ConfirmsEarlyResolution { get; init; }

    /// <summary>Working days from receipt, less working days paused.</summary>
    public required int WorkingDaysTaken { get; init; }

    /// <summary>Sent by the response date in force, when one was agreed.</summary>
    public bool? ByAgreedDate { get; init; }

    /// <summary>How many times the response date was renegotiated.</summary>
    public required int Renegotiations { get; init; }

    /// <summary>Sent within the Reg 14 backstop.</summary>
    public required bool WithinBackstop { get; init; }

    /// <summary>Updates given before the outcome.</summary>
    public required int UpdatesBeforeOutcome { get; init; }

    /// <summary>Points answered.</summary>
    public required int Findings { get; init; }

    /// <summary>Points upheld.</summary>
    public required int FindingsUpheld { get; init; }

    /// <summary>An apology was given.</summary>
    public required bool Apology { get; init; }

    /// <summary>Changes committed to.</summary>
    public required int Changes { get; init; }

    /// <summary>A remedy was offered.</summary>
    public required bool Remedy { get; init; }

    /// <summary>Other organisations that contributed (Reg 9).</summary>
    public IReadOnlyList<string> Contributors { get; init; } = [];
}
