using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// The decisions the complaints team of the organisation handling a complaint takes at intake. Each refuses what the
/// Regulations do not allow in the complaint's present state (<see cref="RequestStateException"/>) and announces
/// what it changed.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>Refuses any decision once the complaint has ended at intake.</summary>
    public void EnsureOpen()
    {
        if (State != ComplaintState.Open)
        {
            throw new RequestStateException($"The complaint is closed at intake ({State}); nothing more can be decided on it.");
        }
    }

    /// <summary>Records the complainant's consent to share (Reg 7(3)); refused at an ICB, the ICB handles it.</summary>
    public void RecordConsent(bool given, DateOnly recordedOn, DateOnly today)
    {
        EnsureOpen();
        if (Route == ComplaintRoute.Transferred)
        {
            throw new RequestStateException("The complaint has been transferred; its new organisation records consent.");
        }
        ShareConsentGiven = given;
        ShareConsentRecordedOn = recordedOn;
        Announce(new ComplaintEvent.ConsentRecorded(given, recordedOn));
        if (Route != ComplaintRoute.AwaitingConsent)
        {
            return;
        }
        if (given)
        {
            Route = ComplaintRoute.AwaitingRoutingDecision;
            return;
        }
        // Without consent the ICB handles it, and the provider never learns who complained (Reg 7(3)–(4)).
        Route = ComplaintRoute.HandledByCommissioner;
        Owe("complainant", "Reg 7(4): the ICB handles the complaint itself; the provider is not told who complained.");
        AnnounceRouted(today);
    }

    /// <summary>The ICB handles a complaint about a provider it commissions itself (Reg 7(4)).</summary>
    public void HandleAsCommissioner(DateOnly decidedOn)
    {
        EnsureOpen();
        EnsureMayMoveOn();
        ComplaintRouting.CheckDecisionDay(this, decidedOn);
        if (!ComplaintRouting.AwaitsRouting(Route))
        {
            throw new RequestStateException("Only a complaint made to an ICB about a provider it commissions, not yet routed, can be handled by the ICB as commissioner.");
        }
        Route = ComplaintRoute.HandledByCommissioner;
        Owe("complainant", "Reg 7(4): the ICB will handle the complaint itself.");
        if (ShareConsentGiven == true)
        {
            foreach (var provider in AboutOrganisationCodes)
            {
                Owe(provider, "Reg 7(4): a complaint about you is being handled by the ICB, which may ask you for information.");
            }
        }
        AnnounceRouted(decidedOn);
    }

    /// <summary>Sends the complaint to the organisation that should handle it, with the complainant's consent (Reg 6(5), 7(5)).</summary>
    public void Transfer(string? toOrganisationCode, DirectorySnapshot directory, DateOnly decidedOn)
    {
        EnsureOpen();
        EnsureMayMoveOn();
        ComplaintRouting.CheckDecisionDay(this, decidedOn);
        TransferTo(toOrganisationCode, directory, decidedOn);
    }

    /// <summary>
    /// Records the organisations of a complaint about several and their agreed lead (Reg 9), read by
    /// <see cref="ComplaintRouting.ReadParties"/>; another lead takes the complaint over.
    /// </summary>
    public void SetParties(IReadOnlyList<string> parties, string leadOrganisationCode, DirectorySnapshot directory, DateOnly today)
    {
        EnsureOpen();
        EnsureMayMoveOn();
        if (!parties.Contains(HandlingOrganisationCode, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("organisations", $"The organisation handling it ({HandlingOrganisationCode}) is one of them.");
        }
        Parties = [.. parties];
        LeadOrganisationCode = leadOrganisationCode;
        if (!string.Equals(leadOrganisationCode, HandlingOrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            TransferTo(leadOrganisationCode, directory, today);
        }
        else
        {
            AnnounceRouted(today);
        }
    }

    /// <summary>
    /// Links the complaint to an earlier one about the same matter, which is handled instead (either/or). The caller
    /// has checked that the other was offered as a possible duplicate (<see cref="Rules.EitherOr"/>).
    /// </summary>
    public void LinkTo(Complaint other, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureOpen();
        if (other.State == ComplaintState.Linked)
        {
            throw new RequestStateException("That complaint is itself linked to another; link to the one being handled.");
        }
        State = ComplaintState.Linked;
        LinkedToComplaintId = other.Id;
        Announce(new ComplaintEvent.Linked(other.Id, today));
    }

    /// <summary>Decides on a complaint made after the time limit (Reg 12(4)); declined, it ends here.</summary>
    public void DecideTimeLimit(LateComplaintDecision decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureOpen();
        if (!OutOfTime)
        {
            throw new RequestStateException("The complaint was made within the time limit; there is nothing to decide (Reg 12).");
        }
        if (TimeLimitDecision is not null)
        {
            throw new RequestStateException($"The decision was recorded on {TimeLimitDecidedOn:yyyy-MM-dd}.");
        }
        TimeLimitDecision = decision.Decision;
        TimeLimitDecidedOn = today;
        TimeLimitGoodReason = decision.GoodReason;
        TimeLimitLetterSentOn = decision.LetterSentOn;
        if (decision.Decision == Complaints.TimeLimitDecision.Declined)
        {
            State = ComplaintState.DeclinedOutOfTime;
        }
        Announce(new ComplaintEvent.TimeLimitDecided(decision.Decision, today));
    }

    /// <summary>
    /// Decides whether a representative of a child or a person lacking capacity acts in their best interests
    /// (Reg 5(4)); if not, the complaint is not considered.
    /// </summary>
    public void DecideBestInterests(BestInterestsDecision decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureOpen();
        if (!BestInterestsDecisionRequired)
        {
            throw new RequestStateException("Only a representative of a child or a person lacking capacity needs a best-interests decision (Reg 5(4)).");
        }
        if (InBestInterests is not null)
        {
            throw new RequestStateException($"The decision was recorded on {BestInterestsDecidedOn:yyyy-MM-dd}.");
        }
        InBestInterests = decision.InBestInterests;
        BestInterestsDecidedOn = today;
        BestInterestsReasons = decision.Reasons;
        BestInterestsLetterSentOn = decision.LetterSentOn;
        if (!decision.InBestInterests)
        {
            State = ComplaintState.NotConsidered;
        }
        Announce(new ComplaintEvent.BestInterestsDecided(decision.InBestInterests, today));
    }

    /// <summary>Records that the complaint is not handled under the Regulations, with the ground and the written reasons (Reg 8).</summary>
    public void Exclude(Exclusion exclusion, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        EnsureOpen();
        State = ComplaintState.Excluded;
        ExclusionGround = exclusion.Ground;
        ExcludedOn = today;
        ExclusionReasons = exclusion.Reasons;
        ExclusionLetterSentOn = exclusion.LetterSentOn;
        Announce(new ComplaintEvent.Excluded(exclusion.Ground, today));
    }

    /// <summary>Records that the complainant withdrew the complaint.</summary>
    public void Withdraw(DateOnly withdrawnOn)
    {
        EnsureOpen();
        State = ComplaintState.Withdrawn;
        WithdrawnOn = withdrawnOn;
        Announce(new ComplaintEvent.Withdrawn(withdrawnOn));
    }

    // Reg 12 and Reg 5(4): an out-of-time complaint, or one from a representative of a child or a person lacking capacity,
    // goes no further until the decision is recorded.
    private void EnsureMayMoveOn()
    {
        if (TimeLimit.AwaitsDecision(this))
        {
            throw new RequestStateException($"The complaint was made more than {TimeLimit.Months} months after the events (Reg 12): first record whether it will be considered.");
        }
        if (WhoMayComplain.AwaitsBestInterestsDecision(this))
        {
            throw new RequestStateException("A representative complains for a child or a person lacking capacity: first record whether they act in the person's best interests (Reg 5(4)).");
        }
    }

    private void TransferTo(string? toOrganisationCode, DirectorySnapshot directory, DateOnly today)
    {
        var handler = ComplaintRouting.CheckTransfer(this, toOrganisationCode, directory, today);
        var from = HandlingOrganisationCode;
        TransferredFromOrganisationCode = from;
        HandlingOrganisationCode = handler;
        Route = ComplaintRoute.Transferred;
        TransferredOn = today;
        // Reg 6(6), 7(5): the organisation it goes to is treated as having received it on the original date.
        Owe("complainant", $"Reg 7(5) / 6(6): the complaint was sent to {handler}, which is treated as having received it on {ReceivedOn:yyyy-MM-dd}.");
        Owe(handler, $"Reg 7(5) / 6(6): a complaint transferred from {from}, received on {ReceivedOn:yyyy-MM-dd}.");
        Owe(from, $"The complaint was transferred to {handler}.");
        Announce(new ComplaintEvent.Transferred(from, handler, today, TimeLimit.AwaitsDecision(this)));
        AnnounceRouted(today);
    }

    private void Owe(string recipient, string reason) => Announce(new ComplaintEvent.LetterOwed(recipient, reason));

    private void AnnounceRouted(DateOnly today) =>
        Announce(new ComplaintEvent.Routed(Route, HandlingOrganisationCode, [.. Parties], LeadOrganisationCode, today));
}
