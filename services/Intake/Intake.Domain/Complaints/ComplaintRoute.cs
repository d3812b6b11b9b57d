namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>How a route was chosen for a complaint (Reg 6, 7, 9).</summary>
public enum ComplaintRoute
{
    /// <summary>Made to a provider, which handles it.</summary>
    HandledByRecipient = 1,

    /// <summary>Made to an ICB about a provider it commissions; the complainant's consent to share is awaited (Reg 7(3)).</summary>
    AwaitingConsent = 2,

    /// <summary>Consent given; the ICB has yet to decide whether to handle it or transfer it (Reg 7(4)–(5)).</summary>
    AwaitingRoutingDecision = 3,

    /// <summary>The ICB handles it as commissioner (Reg 7(4)), with or without consent to share.</summary>
    HandledByCommissioner = 4,

    /// <summary>Sent to the organisation that should handle it, which is treated as having received it on the original date (Reg 6(6), 7(5)).</summary>
    Transferred = 5,

    /// <summary>Made to the wrong organisation; it can be transferred only with the complainant's consent.</summary>
    Misdirected = 6,
}

/// <summary>What an ICB decides for a complaint about a provider it commissions (Reg 7(4)–(5)).</summary>
public enum RoutingDecision
{
    /// <summary>The ICB handles it itself (Reg 7(4)).</summary>
    HandleAsCommissioner = 1,

    /// <summary>It goes to the organisation that should handle it, with the complainant's consent (Reg 6(5), 7(5)).</summary>
    Transfer = 2,
}
