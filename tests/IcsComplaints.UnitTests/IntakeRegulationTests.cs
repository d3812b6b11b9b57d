using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The rules of the 2009 Regulations that intake applies on arrival, each named after its regulation.</summary>
public sealed class IntakeRegulationTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly DateOnly Earliest = new(2015, 1, 1);

    /// <summary>A small directory: an ICB commissioning a trust (with a site) and a GP practice; a trust it does not commission; a closed ICB; a council.</summary>
    public static readonly DirectorySnapshot Directory = new(
        [
            Organisation("QKK", OrganisationKind.Icb, opened: new DateOnly(2022, 7, 1)),
            Organisation("QHG", OrganisationKind.Icb, opened: new DateOnly(2022, 7, 1), closed: new DateOnly(2026, 3, 31), successors: ["S1Y5D"]),
            Organisation("RJ1", OrganisationKind.NhsTrust),
            Organisation("RJ1ZZ", OrganisationKind.TrustSite, parent: "RJ1"),
            Organisation("RJZ", OrganisationKind.NhsTrust),
            Organisation("Y99901", OrganisationKind.GpPractice),
            Organisation("R0A", OrganisationKind.NhsTrust),
            Organisation("710", OrganisationKind.LocalAuthority),
        ],
        [
            Commissioning("QKK", "RJ1"),
            Commissioning("QKK", "RJZ"),
            Commissioning("QKK", "Y99901"),
        ]);

    private static SubmitComplaintCommand Command(string organisation = "RJ1") => new()
    {
        OrganisationCode = organisation,
        ReceivedOn = "2026-11-20",
        Channel = "Letter",
        Complainant = new ComplainantInput("Grace Hopper", "grace@example.org", null),
        Description = "My discharge letter was never sent to my GP.",
    };

    private static ComplaintSubmission Validate(SubmitComplaintCommand command) =>
        ComplaintValidator.Validate(command, null, ComplaintChannel.Online, Today, Earliest, SubmitterKind.Staff, Directory);

    private static IReadOnlyDictionary<string, string[]> Errors(SubmitComplaintCommand command) =>
        Assert.Throws<RequestValidationException>(() => Validate(command)).Errors;

    // Reg 5: who may complain

    [Fact]
    public void Reg5_ARepresentative_MustSayOnWhatBasisTheyComplain()
    {
        var errors = Errors(Command() with { Complainant = Command().Complainant! with { Type = "Representative" } });

        Assert.Contains("Reg 5(2)", Assert.Single(errors["representation"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Reg5_ARepresentativeThePersonAsked_NeedsEvidenceOfTheirConsent()
    {
        var command = Command() with
        {
            Complainant = Command().Complainant! with { Type = "Representative" },
            Representation = new RepresentationInput("PersonAsked", null, null),
        };

        Assert.True(Errors(command).ContainsKey("representation.consentEvidence"));
        var valid = Validate(command with { Representation = new RepresentationInput("person_asked", "Written", "2026-11-19") });
        Assert.Equal(RepresentativeBasis.PersonAsked, valid.RepresentativeBasis);
        Assert.Equal(ConsentEvidence.Written, valid.ConsentEvidence);
        Assert.False(valid.BestInterestsDecisionRequired);
    }

    [Theory]
    [InlineData("PersonIsChild", true)]
    [InlineData("LacksCapacity", true)]
    [InlineData("PersonDied", false)]
    public void Reg5_4_RepresentativesOfChildrenAndPeopleLackingCapacity_NeedABestInterestsDecision(string basis, bool required)
    {
        var valid = Validate(Command() with
        {
            Complainant = Command().Complainant! with { Type = "Representative" },
            Representation = new RepresentationInput(basis, null, null),
        });

        Assert.Equal(required, valid.BestInterestsDecisionRequired);
    }

    [Fact]
    public void Reg2_APatientAged18OrOver_IsNotAChild()
    {
        var errors = Errors(Command() with
        {
            Complainant = Command().Complainant! with { Type = "Representative" },
            Representation = new RepresentationInput("PersonIsChild", null, null),
            Patient = new PatientInput("Sam", null, "2008-11-20"),
        });

        Assert.Contains("Reg 2", Assert.Single(errors["representation.basis"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Reg5_OnlyARepresentative_GivesARepresentationBasis()
    {
        Assert.True(Errors(Command() with { Representation = new RepresentationInput("PersonAsked", "Verbal", null) }).ContainsKey("representation"));
    }

    // Reg 12: time limit

    [Theory]
    [InlineData("2025-11-20", null, false)] // exactly 12 months: the last day in time
    [InlineData("2025-11-19", null, true)]
    [InlineData("2024-01-01", "2025-11-20", false)] // the later of the event and awareness counts
    [InlineData("2024-01-01", "2025-11-19", true)]
    [InlineData(null, null, false)] // without dates nothing is out of time
    public void Reg12_AComplaintMoreThan12MonthsAfterTheLaterOfEventAndAwareness_IsOutOfTime(string? eventDate, string? awareDate, bool outOfTime)
    {
        var valid = Validate(Command() with { EventDate = eventDate, AwareDate = awareDate });

        Assert.Equal(outOfTime, valid.OutOfTime);
    }

    [Fact]
    public void Reg12_Dates_MustBeInASensibleOrder()
    {
        var errors = Errors(Command() with { EventDate = "2026-11-21", AwareDate = "2026-11-01" });

        Assert.Equal(["awareDate", "eventDate"], errors.Keys.Order(StringComparer.Ordinal));
    }

    // Reg 13(2): oral complaints are written down and a copy sent

    [Fact]
    public void Reg13_2_OnlyAnOralComplaint_HasAWrittenRecordToSend()
    {
        Assert.Contains("Reg 13(2)", Errors(Command() with { WrittenRecordSentOn = "2026-11-21" })["writtenRecordSentOn"][0], StringComparison.Ordinal);

        var valid = Validate(Command() with { Channel = "Phone", WrittenRecordSentOn = "2026-11-21" });
        Assert.Equal(new DateOnly(2026, 11, 21), valid.WrittenRecordSentOn);
        Assert.True(Errors(Command() with { Channel = "Phone", WrittenRecordSentOn = "2026-11-19" }).ContainsKey("writtenRecordSentOn"));
    }

    // The directory: codes must be known, of the right kind, and open on the day

    [Fact]
    public void Directory_UnknownOrganisationCodes_AreRefusedByField()
    {
        var errors = Errors(Command("XYZ99") with { AboutOrganisationCodes = ["RJ1", "NOPE1"] });

        Assert.Equal(["aboutOrganisationCodes[1]", "organisationCode"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Directory_AnIcbThatHadClosed_CannotReceiveAComplaint_AndItsSuccessorsAreNamed()
    {
        var message = Assert.Single(Errors(Command("QHG"))["organisationCode"]);

        Assert.Contains("S1Y5D", message, StringComparison.Ordinal);
        Assert.Equal("QHG", Validate(Command("QHG") with { ReceivedOn = "2026-03-31" }).OrganisationCode);
    }

    [Fact]
    public void Directory_ALocalAuthority_DoesNotHandleNhsComplaintsHere()
    {
        Assert.True(Errors(Command("710")).ContainsKey("organisationCode"));
    }

    // Routing on arrival (Reg 6, 7, 9)

    [Fact]
    public void Routing_AComplaintMadeToAProvider_IsHandledByIt_AndASiteByItsTrust()
    {
        Assert.Equal(("RJ1", ComplaintRoute.HandledByRecipient), Route(Command("RJ1")));
        Assert.Equal(("RJ1", ComplaintRoute.HandledByRecipient), Route(Command("RJ1ZZ")));
    }

    [Theory]
    [InlineData(null, ComplaintRoute.AwaitingConsent)]
    [InlineData("Refused", ComplaintRoute.HandledByCommissioner)]
    [InlineData("Given", ComplaintRoute.AwaitingRoutingDecision)]
    public void Reg7_3_AComplaintToAnIcbAboutAProviderItCommissions_WaitsForConsentToShare(string? consent, ComplaintRoute expected)
    {
        var routing = Route(Command("QKK") with { AboutOrganisationCodes = ["RJ1ZZ"], ShareWithProviderConsent = consent });

        Assert.Equal(("QKK", expected), routing);
    }

    [Fact]
    public void Reg6_5_AComplaintToAnIcbAboutAProviderItDoesNotCommission_IsMisdirected()
    {
        Assert.Equal(("QKK", ComplaintRoute.Misdirected), Route(Command("QKK") with { AboutOrganisationCodes = ["R0A"] }));
    }

    [Fact]
    public void Reg7_AComplaintToAnIcbAboutItself_IsHandledByIt()
    {
        Assert.Equal(("QKK", ComplaintRoute.HandledByRecipient), Route(Command("QKK")));
    }

    [Fact]
    public void Reg9_AComplaintAboutSeveralProviders_RecordsThePartiesWithTheRecipientAsLead()
    {
        var valid = Validate(Command("RJ1") with { AboutOrganisationCodes = ["RJZ", "Y99901", "RJ1ZZ"] });

        var routing = ComplaintRouting.OnArrival(valid, Directory);

        Assert.Equal(["RJ1", "RJZ", "Y99901"], routing.Parties);
        Assert.Equal("RJ1", routing.LeadOrganisationCode);
    }

    [Fact]
    public void Reg7_3_ConsentToShare_IsGivenOrRefused()
    {
        Assert.True(Errors(Command("QKK") with { ShareWithProviderConsent = "Maybe" }).ContainsKey("shareWithProviderConsent"));
    }

    // Contact preferences and reasonable adjustments

    [Fact]
    public void Adjustments_AnInterpreter_NeedsALanguage_AndTheChosenWayOfContactNeedsItsDetails()
    {
        var errors = Errors(Command() with
        {
            Complainant = new ComplainantInput("Grace Hopper", null, null) { ContactPreference = "Letter" },
            Adjustments = new AdjustmentsInput(["Interpreter", "EasyRead", "Semaphore"], null, null),
        });

        Assert.Equal(["adjustments.interpreterLanguage", "adjustments.needs[2]", "complainant.address"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("se17eh", "SE1 7EH")]
    [InlineData("m1 1ae", "M1 1AE")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    [InlineData("12345", null)]
    [InlineData("SE1 7CI", null)]
    public void Postcodes_AreNormalisedOrRefused(string given, string? expected)
    {
        Assert.Equal(expected, Postcodes.Normalise(given));
    }

    private static (string Handling, ComplaintRoute Route) Route(SubmitComplaintCommand command)
    {
        var routing = ComplaintRouting.OnArrival(Validate(command), Directory);
        return (routing.HandlingOrganisationCode, routing.Route);
    }

    private static DirectoryOrganisation Organisation(
        string code, OrganisationKind kind, DateOnly? opened = null, DateOnly? closed = null, List<string>? successors = null, string? parent = null) =>
        new(code, $"Organisation {code}", kind, openedOn: opened, closedOn: closed, successors: successors, parentOdsCode: parent);

    private static CommissioningRelationship Commissioning(string icb, string provider) =>
        new(icb, provider, new DateOnly(2022, 7, 1));
}
