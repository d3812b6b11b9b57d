using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="ResponseSigning"/>: Reg 14(2)(a), signed by the responsible person or their named delegate.</summary>
public sealed class ResponseSigningTests
{
    private static readonly StaffRef Delegate = new("dep-1", "Dana Deputy");

    [Fact]
    public void TheResponsiblePerson_SignsInTheirOwnName()
    {
        var c = Drafted();
        c.DelegateSigning(Responsible, Delegate);

        Assert.Null(ResponseSigning.OnBehalfOf(c, "ceo-1", isResponsiblePerson: true));
    }

    [Fact]
    public void TheNamedDelegate_SignsOnBehalfOfTheResponsiblePerson()
    {
        var c = Drafted();
        c.DelegateSigning(Responsible, Delegate);

        Assert.Equal("Rhys Responsible", ResponseSigning.OnBehalfOf(c, "dep-1", isResponsiblePerson: false));
    }

    [Fact]
    public void AnyoneElse_IsRefused()
    {
        var c = Drafted();
        c.DelegateSigning(Responsible, Delegate);

        Assert.Throws<RequestForbiddenException>(() => ResponseSigning.OnBehalfOf(c, "handler-7", isResponsiblePerson: false));
    }

    [Fact]
    public void ADelegate_MustBeSomeoneWhoSignsInHere()
    {
        var errors = new ValidationErrors();

        ResponseSigning.CheckDelegate(new StaffRef(null, "Dana Deputy"), "delegate.subjectId", errors);

        Assert.True(errors.Has("delegate.subjectId"));
    }

    [Fact]
    public void TheResponseGoesOnlySignedAfterItsLastChange_AndTheOutcomeFollowsTheFindings()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartCloserLook(Received, null, Plan("The wait", "Rudeness"), Investigator, NoConflict, Responsible);
        var findings = new[]
        {
            new ResponseFinding("The wait", "Too long", "Nine hours in the notes", true),
            new ResponseFinding("Rudeness", "Not found", "Two witnesses disagree", false),
        };
        c.SaveDraft(CompleteDraft(findings));
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        c.SaveDraft(CompleteDraft(findings) with { Remedy = "A meeting with the matron" });

        Assert.Throws<RequestStateException>(() => c.SendFinalResponse(Received, ContactChannel.Letter));
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        Assert.Equal(CaseOutcome.PartiallyUpheld, c.SendFinalResponse(Received, ContactChannel.Letter));
        Assert.Equal(CaseStage.FinalResponseSent, c.Stage);
    }

    [Fact]
    public void ASignatureRecordedLater_KeepsItsDay_AndTheResponseIsNotSentBeforeIt()
    {
        var c = Drafted();
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received.AddDays(9), 0));

        var refused = Assert.Throws<RequestValidationException>(() => c.SendFinalResponse(Received.AddDays(8), ContactChannel.Letter));
        Assert.True(refused.Errors.ContainsKey("sentOn"));
        c.SendFinalResponse(Received.AddDays(9), ContactChannel.Letter);
        Assert.Equal(Received.AddDays(9), c.FinalResponseSentOn);
    }

    [Fact]
    public void ASignature_IsNotDatedBeforeTheResponseWasBeingPrepared()
    {
        var c = NewCase();
        c.Acknowledge(Received.AddDays(1), ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received.AddDays(2), 3, EnglandAndWales);
        c.SaveDraft(CompleteDraft());

        var refused = Assert.Throws<RequestValidationException>(() => c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received.AddDays(1), 0)));

        Assert.True(refused.Errors.ContainsKey("signedOn"));
        Assert.Null(c.Signature);
    }
}
