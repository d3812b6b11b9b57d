namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// A complaint being handled by one organisation under the model complaint handling procedure. Opened when
/// intake records a complaint, at the organisation handling it; closed when intake transfers, excludes, links or
/// declines it or the complainant withdraws it. While intake waits for a decision the Regulations require
/// (time limit, best interests, routing), the case is on hold: acknowledged, but not investigated.
/// </summary>
public sealed class ComplaintCase
{
    private ComplaintCase()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The complaint this case handles (one open case per complaint; a transfer closes one and opens another).</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Current stage.</summary>
    public CaseStage Stage { get; private set; }

    /// <summary>Date received (Europe/London): the start of every clock.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The third working day after receipt (Reg 13(3)).</summary>
    public DateOnly AcknowledgementDueBy { get; private set; }

    /// <summary>When the case was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Token subject of the signed-in complainant, who may follow their own case; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; private set; }

    /// <summary>The organisation it came from, when transferred (Reg 6(6), 7(5)).</summary>
    public string? TransferredFromOrganisationCode { get; private set; }

    /// <summary>Made more than 12 months after the events, and not yet decided whether to consider it (Reg 12(4)).</summary>
    public bool AwaitingTimeLimitDecision { get; private set; }

    /// <summary>A representative of a child or a person lacking capacity, whose best interests are not yet decided (Reg 5(4)).</summary>
    public bool AwaitingBestInterestsDecision { get; private set; }

    /// <summary>Made to an ICB about a provider, and not yet routed (Reg 7).</summary>
    public bool AwaitingRouting { get; private set; }

    /// <summary>True while a decision at intake is outstanding.</summary>
    public bool OnHold => AwaitingTimeLimitDecision || AwaitingBestInterestsDecision || AwaitingRouting;

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Why it closed.</summary>
    public CaseClosure? Closure { get; private set; }

    /// <summary>For a resolved complaint: Upheld, PartiallyUpheld or NotUpheld (KO41a).</summary>
    public string? Outcome { get; private set; }

    /// <summary>Closes the case; closing a closed case changes nothing.</summary>
    public bool Close(CaseClosure closure, DateOnly closedOn, string? outcome = null)
    {
        if (Stage == CaseStage.Closed)
        {
            return false;
        }
        Stage = CaseStage.Closed;
        Closure = closure;
        ClosedOn = closedOn;
        Outcome = outcome;
        AwaitingTimeLimitDecision = AwaitingBestInterestsDecision = AwaitingRouting = false;
        return true;
    }

    /// <summary>Records the decision on a late complaint: considered, the hold lifts (Reg 12(4)).</summary>
    public void TimeLimitConsidered() => AwaitingTimeLimitDecision = false;

    /// <summary>Records that the representative acts in the person's best interests: the hold lifts (Reg 5(4)).</summary>
    public void BestInterestsConfirmed() => AwaitingBestInterestsDecision = false;

    /// <summary>Records routing at the ICB: handled there, the hold lifts.</summary>
    public void Routed(bool awaitingRouting) => AwaitingRouting = awaitingRouting;

    /// <summary>Opens a case for a newly recorded or transferred complaint.</summary>
    public static ComplaintCase Open(CaseOpening opening, DateOnly acknowledgementDueBy, DateTimeOffset openedAt) =>
        new()
        {
            Id = Guid.CreateVersion7(openedAt),
            ComplaintId = opening.ComplaintId,
            Reference = opening.Reference,
            OrganisationCode = opening.OrganisationCode,
            Stage = CaseStage.Received,
            ReceivedOn = opening.ReceivedOn,
            AcknowledgementDueBy = acknowledgementDueBy,
            OpenedAt = openedAt,
            ComplainantSubjectId = opening.ComplainantSubjectId,
            TransferredFromOrganisationCode = opening.TransferredFromOrganisationCode,
            AwaitingTimeLimitDecision = opening.AwaitingTimeLimitDecision,
            AwaitingBestInterestsDecision = opening.AwaitingBestInterestsDecision,
            AwaitingRouting = opening.AwaitingRouting,
        };
}

/// <summary>What a case opens with.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OrganisationCode">The organisation handling it.</param>
/// <param name="ReceivedOn">The date received; for a transfer, the original date.</param>
/// <param name="ComplainantSubjectId">The signed-in complainant, if any.</param>
/// <param name="TransferredFromOrganisationCode">Where it was transferred from.</param>
/// <param name="AwaitingTimeLimitDecision">On hold under Reg 12(4).</param>
/// <param name="AwaitingBestInterestsDecision">On hold under Reg 5(4).</param>
/// <param name="AwaitingRouting">On hold under Reg 7.</param>
public sealed record CaseOpening(
    Guid ComplaintId, string Reference, string OrganisationCode, DateOnly ReceivedOn, string? ComplainantSubjectId,
    string? TransferredFromOrganisationCode = null, bool AwaitingTimeLimitDecision = false, bool AwaitingBestInterestsDecision = false,
    bool AwaitingRouting = false);

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

/// <summary>Where a case is in the complaint handling procedure.</summary>
public enum CaseStage
{
    /// <summary>Received and not yet acknowledged.</summary>
    Received = 1,

    /// <summary>Acknowledged (Reg 13(3)).</summary>
    Acknowledged = 2,

    /// <summary>Closed; see the closure.</summary>
    Closed = 9,
}
