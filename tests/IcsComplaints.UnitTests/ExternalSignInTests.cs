using IcsComplaints.Identity.Domain.Accounts;

namespace IcsComplaints.UnitTests;

/// <summary>
/// <see cref="ExternalSignIn"/>: how a person signed in by an external provider maps to a local account (ADR 20), and
/// the links a <see cref="UserAccount"/> keeps.
/// </summary>
public sealed class ExternalSignInTests
{
    private const string Admin = "platform-admin";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static UserAccount Account(params string[] roles) => new(Guid.CreateVersion7(), "jane.smith@nhs.net", "Jane Smith", roles);

    [Theory]
    [InlineData(ExternalAudience.Staff)]
    [InlineData(ExternalAudience.Public)]
    public void ALinkedSubject_SignsInAsItsAccount_WhateverElseIsTrue(ExternalAudience audience)
    {
        var linked = Account();

        Assert.Equal(ExternalSignInOutcome.UseLinkedAccount,
            ExternalSignIn.Decide(audience, linked, linkByEmail: true, emailVerified: true, Account(), "cis2", Admin));
    }

    [Fact]
    public void AnUnlinkedPublicSubject_GetsAComplainantAccountMade_EvenWhenAStaffAccountHasTheirEmail()
    {
        Assert.Equal(ExternalSignInOutcome.CreateComplainant,
            ExternalSignIn.Decide(ExternalAudience.Public, null, linkByEmail: false, emailVerified: true, Account(), "nhslogin", Admin));
    }

    [Fact]
    public void AnUnlinkedStaffSubject_IsRefused_WhenLinkingByEmailIsOff()
    {
        Assert.Equal(ExternalSignInOutcome.Refuse,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: false, emailVerified: true, Account(), "cis2", Admin));
    }

    [Fact]
    public void AnUnlinkedStaffSubject_IsLinkedByAVerifiedEmail_WhenLinkingByEmailIsOn()
    {
        Assert.Equal(ExternalSignInOutcome.LinkByVerifiedEmail,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: true, Account(), "cis2", Admin));
    }

    [Fact]
    public void AnEmailTheProviderHasNotVerified_LinksNothing()
    {
        Assert.Equal(ExternalSignInOutcome.Refuse,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: false, Account(), "cis2", Admin));
    }

    [Fact]
    public void AVerifiedEmailThatNoAccountHas_IsRefused_AndMakesNoAccount()
    {
        Assert.Equal(ExternalSignInOutcome.Refuse,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: true, null, "cis2", Admin));
    }

    [Fact]
    public void APlatformAdministratorsAccount_IsNeverLinkedByEmail()
    {
        Assert.Equal(ExternalSignInOutcome.Refuse,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: true, Account(Admin), "cis2", Admin));
    }

    [Fact]
    public void AnAccountLinkedToAnotherSubjectOfTheProvider_IsNotLinkedAgainByEmail_ButMayBeToAnotherProvider()
    {
        var account = Account();
        account.LinkExternal("cis2", "someone-else", ExternalLinkMethod.Administrator, Now);

        Assert.Equal(ExternalSignInOutcome.Refuse,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: true, account, "cis2", Admin));
        Assert.Equal(ExternalSignInOutcome.LinkByVerifiedEmail,
            ExternalSignIn.Decide(ExternalAudience.Staff, null, linkByEmail: true, emailVerified: true, account, "entra", Admin));
    }

    [Fact]
    public void AnAccountHoldsOneSubjectPerProvider_ALaterLinkReplacingTheEarlier_AndUnlinkingSaysWhetherThereWasOne()
    {
        var account = Account();
        account.LinkExternal("cis2", "first", ExternalLinkMethod.VerifiedEmail, Now);
        account.LinkExternal("nhslogin", "public", ExternalLinkMethod.FirstSignIn, Now);
        account.LinkExternal("cis2", "second", ExternalLinkMethod.Administrator, Now.AddDays(1));

        Assert.Equal([("nhslogin", "public"), ("cis2", "second")], account.ExternalLogins.Select(l => (l.Provider, l.Subject)));
        Assert.Equal(ExternalLinkMethod.Administrator, account.ExternalLogins.Single(l => l.Provider == "cis2").Method);
        Assert.True(account.UnlinkExternal("cis2"));
        Assert.False(account.UnlinkExternal("cis2"));
        Assert.Equal(["nhslogin"], account.ExternalLogins.Select(l => l.Provider));
    }
}
