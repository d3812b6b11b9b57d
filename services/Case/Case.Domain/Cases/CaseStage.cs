namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Where a case is in the complaint handling procedure; the moves between stages are <see cref="Rules.StageTransitions"/>.</summary>
public enum CaseStage
{
    /// <summary>Received and not yet acknowledged.</summary>
    Received = 1,

    /// <summary>Acknowledged (Reg 13(3)).</summary>
    Acknowledged = 2,

    /// <summary>Being resolved at the first point of contact (MCHP early resolution).</summary>
    EarlyResolution = 3,

    /// <summary>Being looked at more closely (MCHP closer look).</summary>
    CloserLook = 4,

    /// <summary>A final response is drafted and awaits signature and sending.</summary>
    ResponseDrafted = 5,

    /// <summary>The signed final response was sent (Reg 14).</summary>
    FinalResponseSent = 6,

    /// <summary>Closed; see the closure.</summary>
    Closed = 9,

    /// <summary>Reopened after closure, to be resolved again.</summary>
    Reopened = 10,

    /// <summary>The complainant took it to the Ombudsman (recorded when the organisation learns of it).</summary>
    ReferredToOmbudsman = 11,
}

/// <summary>Why a case closed.</summary>
public enum CaseClosure
{
    /// <summary>The complaint went to another organisation (Reg 6(5), 7(5)).</summary>
    Transferred = 1,

    /// <summary>Not handled under the Regulations (Reg 8).</summary>
    Excluded = 2,

    /// <summary>Withdrawn by the complainant.</summary>
    Withdrawn = 3,

    /// <summary>Declined as made out of time (Reg 12).</summary>
    DeclinedOutOfTime = 4,

    /// <summary>Not considered: the representative was not acting in the person's best interests (Reg 5(4)).</summary>
    NotConsidered = 5,

    /// <summary>Linked to another complaint about the same matter (either/or).</summary>
    Linked = 6,

    /// <summary>Resolved: the response was sent.</summary>
    Resolved = 7,
}

/// <summary>The outcome of a resolved complaint, as KO41a defines it (<see cref="Rules.Ko41Coding.OutcomeOf"/>).</summary>
public enum CaseOutcome
{
    /// <summary>Substantive evidence supports the complaint.</summary>
    Upheld = 1,

    /// <summary>Several issues were complained about and one or more, but not all, are upheld.</summary>
    PartiallyUpheld = 2,

    /// <summary>No evidence supports any aspect of the complaint.</summary>
    NotUpheld = 3,
}
