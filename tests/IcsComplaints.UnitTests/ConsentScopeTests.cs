using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ConsentScope"/>: an advocate sees a case, and drafts only if agreed, while the complainant's consent is in force.</summary>
public sealed class ConsentScopeTests
{
    private static readonly DateOnly Given = new(2026, 3, 2);

    private static ConsentGrant Grant(bool reviewDrafts) =>
        ConsentGrant.Give(Guid.NewGuid(), Guid.NewGuid(), "ADV01", viewCase: true, reviewDrafts, ConsentEvidence.Written, Given, "handler-1");

    [Fact]
    public void UnlessSaid_TheAdvocateFollowsTheCase_ButReadsNoDrafts()
    {
        Assert.Equal((true, false), ConsentScope.Agreed(null, null));
        Assert.Equal((false, true), ConsentScope.Agreed(false, true));
    }

    [Fact]
    public void TheComplainantReferringThemselves_ConsentsElectronically_StaffMustSayHow()
    {
        Assert.Equal(ConsentEvidence.Electronic, ConsentScope.EvidenceUnlessSaid(givenByComplainant: true));
        Assert.Null(ConsentScope.EvidenceUnlessSaid(givenByComplainant: false));
    }

    [Fact]
    public void AGrant_IsInForce_UntilItEnds_AndForDrafts_OnlyWhenAgreed()
    {
        var inForce = ConsentScope.InForce.Compile();
        var forDrafts = ConsentScope.InForceForDrafts.Compile();
        var withDrafts = Grant(reviewDrafts: true);
        var withoutDrafts = Grant(reviewDrafts: false);

        Assert.Equal((true, true, true, false), (inForce(withDrafts), forDrafts(withDrafts), inForce(withoutDrafts), forDrafts(withoutDrafts)));

        withDrafts.End(Given.AddDays(3), ConsentEndReason.Revoked, "complainant-1", []);

        Assert.Equal((false, false), (inForce(withDrafts), forDrafts(withDrafts)));
    }

    [Fact]
    public void EndingAGrant_EndsItsReferral_OnceOnly()
    {
        var grant = Grant(reviewDrafts: true);
        var referral = Referral.Request(Guid.NewGuid(), grant, ReferralRequester.Handler, "handler-1", Given);

        var ended = grant.End(Given.AddDays(1), ConsentEndReason.CaseClosed, "case-service", [referral]);
        var again = grant.End(Given.AddDays(2), ConsentEndReason.Revoked, "complainant-1", [referral]);

        Assert.Equal((ConsentEndReason.CaseClosed, Given.AddDays(1)), (ended!.Reason, ended.EndedOn));
        Assert.Null(again);
        Assert.Equal(ReferralStatus.Ended, referral.Status);
    }
}
