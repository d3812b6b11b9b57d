using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>Which route a letter to the complainant takes, in which format, and when none is taken (Reg 13; reasonable adjustments).</summary>
public sealed class ComplainantRouteTests
{
    [Theory]
    [InlineData("Email")]
    [InlineData("Phone")]
    [InlineData("Text")]
    [InlineData("")]
    public void AnyoneWithAnEmailAddress_WhoDidNotAskForLetters_IsWrittenToByEmail(string preference)
    {
        var decision = ComplainantRoute.Choose("Open", preference, hasEmail: true, hasPostalAddress: true, []);

        Assert.Equal(new RouteDecision(LetterRoute.Email, LargePrint: false, null), decision);
    }

    [Fact]
    public void SomeoneWhoAskedForLetters_GetsAPrintedLetter_EvenWithAnEmailAddress()
    {
        var decision = ComplainantRoute.Choose("Open", "Letter", hasEmail: true, hasPostalAddress: true, []);

        Assert.Equal(LetterRoute.Post, decision.Route);
    }

    [Fact]
    public void SomeoneWhoAskedForLetters_WithNoPostalAddress_IsNotSentAnEmailInstead()
    {
        var decision = ComplainantRoute.Choose("Open", "Letter", hasEmail: true, hasPostalAddress: false, []);

        Assert.Equal(LetterRoute.None, decision.Route);
        Assert.Equal("The complainant asked for letters and intake holds no postal address.", decision.Reason);
    }

    [Fact]
    public void WithoutAnEmailAddress_ThePostalAddressIsUsed()
    {
        Assert.Equal(LetterRoute.Post, ComplainantRoute.Choose("Open", "Phone", hasEmail: false, hasPostalAddress: true, []).Route);
    }

    [Fact]
    public void WithNoAddressAtAll_NothingIsSent_AndTheReasonSaysSo()
    {
        var decision = ComplainantRoute.Choose("Open", "Phone", hasEmail: false, hasPostalAddress: false, []);

        Assert.Equal(new RouteDecision(LetterRoute.None, LargePrint: false, "Intake holds no e-mail or postal address for the complainant."), decision);
    }

    [Theory]
    [InlineData("Withdrawn")]
    [InlineData("Excluded")]
    [InlineData("Linked")]
    [InlineData("DeclinedOutOfTime")]
    [InlineData("")]
    public void AComplaintNoLongerOpenAtIntake_IsNotWrittenAbout(string state)
    {
        var decision = ComplainantRoute.Choose(state, "Email", hasEmail: true, hasPostalAddress: true, []);

        Assert.Equal(LetterRoute.None, decision.Route);
        Assert.StartsWith("The complaint is no longer open at intake", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Email", true)]
    [InlineData("Letter", true)]
    public void LargePrint_IsHonouredOnEitherRoute(string preference, bool hasEmail)
    {
        var decision = ComplainantRoute.Choose("Open", preference, hasEmail, hasPostalAddress: true, ["Interpreter", "LargePrint"]);

        Assert.True(decision.LargePrint);
        Assert.False(ComplainantRoute.Choose("Open", preference, hasEmail, hasPostalAddress: true, ["Braille"]).LargePrint);
    }
}
