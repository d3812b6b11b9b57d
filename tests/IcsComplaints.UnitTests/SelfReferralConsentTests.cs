using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="SelfReferralConsent"/>: the complainant's own request is their consent, and a repeat gets the referral in force.</summary>
public sealed class SelfReferralConsentTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly Guid CaseId = Guid.NewGuid();

    private static (Referral Referral, ConsentGrant Grant) Referred(string service, DateOnly on, string requester = ReferralRequester.Complainant)
    {
        var grant = ConsentGrant.Give(Guid.NewGuid(), CaseId, service, viewCase: true, reviewDrafts: false, SelfReferralConsent.Evidence, on, SelfReferralConsent.ProvenBy);
        return (Referral.Request(Guid.NewGuid(), grant, requester, SelfReferralConsent.ProvenBy, on), grant);
    }

    [Fact]
    public void TheConsent_IsTheComplainantsOwn_GivenOnlineByAsking_AndRecordedAsProvenByTheirSecret()
    {
        Assert.Equal(ConsentEvidence.Electronic, SelfReferralConsent.Evidence);
        Assert.Equal(ConsentScope.EvidenceUnlessSaid(givenByComplainant: true), SelfReferralConsent.Evidence);
        Assert.StartsWith("complainant:", SelfReferralConsent.ProvenBy, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNoReferral_ANewOneMayBeMade()
    {
        Assert.Null(SelfReferralConsent.Standing([]));
    }

    [Fact]
    public void AWaitingOrAcceptedReferral_AnswersARepeat_WhateverServiceItNamesAndWhoeverMadeIt()
    {
        var waiting = Referred("ADV02", Day, ReferralRequester.Handler);
        Assert.Same(waiting.Referral, SelfReferralConsent.Standing([waiting]));

        var accepted = Referred("ADV01", Day);
        accepted.Referral.Accept(accepted.Grant, "An Advocate", "advocate-1", Day.AddDays(1));
        Assert.Same(accepted.Referral, SelfReferralConsent.Standing([accepted]));
    }

    [Fact]
    public void ADeclinedOrEndedReferral_AnswersNoRepeat_SoTheComplainantMayAskAgain()
    {
        var declined = Referred("ADV01", Day);
        declined.Referral.Decline("No capacity.", Day.AddDays(1));
        declined.Grant.End(Day.AddDays(1), ConsentEndReason.ReferralDeclined, "advocate-1", [declined.Referral]);
        var revoked = Referred("ADV02", Day);
        revoked.Grant.End(Day.AddDays(2), ConsentEndReason.Revoked, "complainant-1", [revoked.Referral]);

        Assert.Null(SelfReferralConsent.Standing([declined, revoked]));
    }

    [Fact]
    public void OfSeveralInForce_TheEarliestAnswers_WhateverOrderTheyAreRead()
    {
        var first = Referred("ADV02", Day);
        var later = Referred("ADV01", Day.AddDays(3));

        Assert.Same(first.Referral, SelfReferralConsent.Standing([later, first]));
        Assert.Same(first.Referral, SelfReferralConsent.Standing([first, later]));
    }

    [Fact]
    public void AReferralWhoseConsentEnded_AnswersNoRepeat_EvenBeforeItIsMarkedEnded()
    {
        var referred = Referred("ADV01", Day);
        referred.Grant.End(Day.AddDays(1), ConsentEndReason.CaseClosed, "case-service", []);

        Assert.Equal(ReferralStatus.Requested, referred.Referral.Status);
        Assert.Null(SelfReferralConsent.Standing([referred]));
    }
}
