using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 6, 7 and 9: where a complaint goes on arrival, and when it may be transferred.</summary>
public sealed class ComplaintRoutingTests
{
    [Fact]
    public void AComplaintMadeToAProvider_IsHandledByIt_AndASiteByItsTrust()
    {
        var routing = ComplaintRouting.OnArrival(IntakeExamples.Submission("RJ1ZZ"), IntakeExamples.Directory);

        Assert.Equal(("RJ1", ComplaintRoute.HandledByRecipient), (routing.HandlingOrganisationCode, routing.Route));
    }

    [Theory]
    [InlineData(null, ComplaintRoute.AwaitingConsent)]
    [InlineData(false, ComplaintRoute.HandledByCommissioner)]
    [InlineData(true, ComplaintRoute.AwaitingRoutingDecision)]
    public void Reg7_3_AComplaintToAnIcbAboutAProviderItCommissions_WaitsForConsentToShare(bool? consent, ComplaintRoute expected)
    {
        var submission = IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["RJ1ZZ"], ShareConsentGiven = consent };

        Assert.Equal(expected, ComplaintRouting.OnArrival(submission, IntakeExamples.Directory).Route);
    }

    [Fact]
    public void Reg6_5_AComplaintToAnIcbAboutAProviderItDoesNotCommission_IsMisdirected()
    {
        var submission = IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["R0A"] };

        Assert.Equal(ComplaintRoute.Misdirected, ComplaintRouting.OnArrival(submission, IntakeExamples.Directory).Route);
    }

    [Fact]
    public void Reg9_AComplaintAboutSeveralProviders_HasTheRecipientAsLead()
    {
        var routing = ComplaintRouting.OnArrival(IntakeExamples.Submission() with { AboutOrganisationCodes = ["RJZ", "RJ1ZZ"] }, IntakeExamples.Directory);

        Assert.Equal(["RJ1", "RJZ"], routing.Parties);
        Assert.Equal("RJ1", routing.LeadOrganisationCode);
    }

    [Fact]
    public void Reg7_5_AnIcbTransfersAComplaint_OnlyToTheProviderItIsAbout_AndOnlyWithConsent()
    {
        var awaiting = IntakeExamples.Received(IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["RJ1"], ShareConsentGiven = true });
        var withoutConsent = IntakeExamples.Received(IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["R0A"] });

        var elsewhere = Assert.Throws<RequestValidationException>(() => ComplaintRouting.CheckTransfer(awaiting, "RJZ", IntakeExamples.Directory, IntakeExamples.Today));
        Assert.Contains("Reg 7(5)", elsewhere.Errors["toOrganisationCode"][0], StringComparison.Ordinal);
        Assert.Equal("RJ1", ComplaintRouting.CheckTransfer(awaiting, "RJ1ZZ", IntakeExamples.Directory, IntakeExamples.Today));
        Assert.Throws<RequestStateException>(() => ComplaintRouting.CheckTransfer(withoutConsent, "R0A", IntakeExamples.Directory, IntakeExamples.Today));
        Assert.Throws<RequestValidationException>(() => ComplaintRouting.CheckTransfer(awaiting, "RX9", IntakeExamples.Directory, IntakeExamples.Today));
    }

    [Fact]
    public void ATransferRecordedLater_KeepsTheDayItWasDecided_NeverBeforeReceiptOrConsent()
    {
        var consentedAtArrival = IntakeExamples.Received(IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["RJ1"], ShareConsentGiven = true });
        var consentedLater = IntakeExamples.Received(IntakeExamples.Submission("QKK") with { AboutOrganisationCodes = ["RJ1"] });
        consentedLater.RecordConsent(true, new DateOnly(2026, 11, 24), IntakeExamples.Today);

        Assert.Contains("received", Assert.Throws<RequestValidationException>(
            () => consentedAtArrival.Transfer("RJ1", IntakeExamples.Directory, new DateOnly(2026, 11, 19))).Errors["decidedOn"][0], StringComparison.Ordinal);
        Assert.Contains("consent", Assert.Throws<RequestValidationException>(
            () => consentedLater.Transfer("RJ1", IntakeExamples.Directory, new DateOnly(2026, 11, 23))).Errors["decidedOn"][0], StringComparison.Ordinal);
        consentedAtArrival.Transfer("RJ1", IntakeExamples.Directory, new DateOnly(2026, 11, 20));
        consentedLater.Transfer("RJ1", IntakeExamples.Directory, new DateOnly(2026, 11, 24));

        Assert.Equal(new DateOnly(2026, 11, 20), consentedAtArrival.TransferredOn);
        Assert.Equal(new DateOnly(2026, 11, 24), consentedLater.TransferredOn);
    }

    [Fact]
    public void Reg9_2_TheLead_IsOneOfTheOrganisations()
    {
        var fields = new FieldReader();

        Assert.Null(ComplaintRouting.ReadParties(fields, ["RJ1", "rjz"], "R0A", IntakeExamples.Directory));

        Assert.Contains("Reg 9(2)(c)", Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors["leadOrganisationCode"][0], StringComparison.Ordinal);
        Assert.Equal(new ComplaintParties(["RJ1", "RJZ"], "RJZ").Organisations,
            ComplaintRouting.ReadParties(new FieldReader(), ["RJ1", "rjz"], "rjz", IntakeExamples.Directory)!.Organisations);
    }
}
