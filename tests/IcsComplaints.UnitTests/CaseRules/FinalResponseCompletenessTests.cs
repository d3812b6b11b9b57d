using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="FinalResponseCompleteness"/>: Reg 14(2) and the PHSO guide to the final response; Reg 9 for co-ordinated responses.</summary>
public sealed class FinalResponseCompletenessTests
{
    [Fact]
    public void AnIncompleteResponse_IsRefused_NamingEveryMissingSection()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartCloserLook(Received, null, Plan("The wait", "Rudeness"), Investigator, NoConflict, Responsible);
        c.SaveDraft(new ResponseDraft(null, null, "We read the notes.", [new ResponseFinding("The wait", "Too long", "", true)], "We are sorry you feel upset.", [], null));

        var ex = Assert.Throws<RequestValidationException>(() => c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0)));

        Assert.Equal(["apology", "changes", "complaintSummary", "findings", "findings[0].reasons", "outcomesSought"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Rudeness", ex.Errors["findings"][0], StringComparison.Ordinal);
        Assert.Contains("unconditional", ex.Errors["apology"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ACompleteResponse_HasNothingMissing()
    {
        Assert.Empty(FinalResponseCompleteness.Check(Drafted()));
    }

    [Fact]
    public void Reg9_ACoordinatedResponse_WaitsForEveryContributorsSignOff()
    {
        var c = ComplaintCase.Open(
            new CaseOpening(Guid.NewGuid(), "K3QX-9HF7", "RJ1", Received, null) { Contributors = ["Y99901", "RJ1"] },
            EnglandAndWales, DateTimeOffset.UtcNow);
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, EnglandAndWales);
        c.SaveDraft(CompleteDraft());

        Assert.Equal(["Y99901"], c.Contributions.Select(x => x.OrganisationCode));
        Assert.Contains("contributions.Y99901", Assert.Throws<RequestValidationException>(() => c.Sign(new ResponseSignature(Responsible, "CEO", null, Received, 0))).Errors.Keys);
        c.SaveContribution("Y99901", "The practice did receive the letter on 3 November.", DateTimeOffset.UtcNow);
        c.SignOffContribution("Y99901", "gp-partner", Received);
        c.Sign(new ResponseSignature(Responsible, "CEO", null, Received, 0));
    }

    [Theory]
    [InlineData(ContactChannel.Letter, true)]
    [InlineData(ContactChannel.Email, true)]
    [InlineData(ContactChannel.Phone, false)]
    public void Reg14_TheResponseGoesInWriting(ContactChannel channel, bool accepted)
    {
        var errors = new ValidationErrors();

        FinalResponseCompleteness.CheckSentInWriting(channel, "channel", errors);

        Assert.Equal(accepted, errors.IsEmpty);
    }
}
