namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>A complaint's progress as intake sees it: open, or how it ended here.</summary>
public enum ComplaintState
{
    /// <summary>Received and open.</summary>
    Open = 1,

    /// <summary>An imported historical complaint that was already closed in the system it came from.</summary>
    ClosedBeforeImport = 2,

    /// <summary>Not handled under the Regulations (Reg 8).</summary>
    Excluded = 3,

    /// <summary>Withdrawn by the complainant.</summary>
    Withdrawn = 4,

    /// <summary>Declined as out of time (Reg 12).</summary>
    DeclinedOutOfTime = 5,

    /// <summary>Not considered: the representative was not acting in the person's best interests (Reg 5(4)).</summary>
    NotConsidered = 6,

    /// <summary>Linked to another complaint about the same matter, which is handled instead.</summary>
    Linked = 7,
}

/// <summary>Progress as the complainant sees it from intake, following the case at the organisation handling it.</summary>
public enum ComplaintStatus
{
    /// <summary>Recorded, not yet taken up.</summary>
    Received = 1,

    /// <summary>A case is open at the organisation handling it, not yet acknowledged.</summary>
    BeingHandled = 2,

    /// <summary>Acknowledged (Reg 13).</summary>
    Acknowledged = 3,

    /// <summary>Being looked into: early resolution or a closer look, perhaps a draft response.</summary>
    BeingLookedInto = 4,

    /// <summary>The final response has been sent.</summary>
    ResponseSent = 5,

    /// <summary>The case is closed.</summary>
    Closed = 6,
}
