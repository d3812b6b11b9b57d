using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

public sealed class ComplaintValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly DateOnly Earliest = new(2015, 1, 1);

    private static SubmitComplaintCommand Valid() => new()
    {
        OrganisationCode = "rj1",
        ReceivedOn = "2026-11-27",
        Complainant = new ComplainantInput("  Ada Lovelace ", "ada@example.org", "020 7946 0000"),
        Description = " The appointment was cancelled twice. ",
    };

    private static RequestValidationException Invalid(SubmitComplaintCommand command, string? key = null) =>
        Assert.Throws<RequestValidationException>(() => ComplaintValidator.Validate(command, key, ComplaintChannel.Online, Today, Earliest));

    [Fact]
    public void Validate_WithGoodInput_ReturnsCanonicalValues()
    {
        var valid = ComplaintValidator.Validate(Valid(), "key-1", ComplaintChannel.Online, Today, Earliest);

        Assert.Equal("RJ1", valid.OrganisationCode);
        Assert.Equal(new DateOnly(2026, 11, 27), valid.ReceivedOn);
        Assert.Equal(ComplaintChannel.Online, valid.Channel);
        Assert.Equal("Ada Lovelace", valid.Name);
        Assert.Equal("02079460000", valid.Phone);
        Assert.Equal("The appointment was cancelled twice.", valid.Description);
    }

    [Fact]
    public void Validate_DesiredOutcome_IsOptional_AndKeptTrimmedWhenGiven()
    {
        Assert.Null(ComplaintValidator.Validate(Valid(), null, ComplaintChannel.Online, Today, Earliest).DesiredOutcome);

        var valid = ComplaintValidator.Validate(
            Valid() with { DesiredOutcome = "  An apology, and a new appointment.\n " }, null, ComplaintChannel.Online, Today, Earliest);

        Assert.Equal("An apology, and a new appointment.", valid.DesiredOutcome);
    }

    [Fact]
    public void ASubmissionWithoutADesiredOutcome_HashesAsBeforeTheFieldExisted()
    {
        var without = ComplaintValidator.Validate(Valid(), null, ComplaintChannel.Online, Today, Earliest);
        var with = without with { DesiredOutcome = "An apology." };

        // An Idempotency-Key's request hash is taken of this JSON: a retry of an older submission must still match.
        Assert.DoesNotContain("DesiredOutcome", System.Text.Json.JsonSerializer.Serialize(without), StringComparison.Ordinal);
        Assert.Contains("\"DesiredOutcome\":\"An apology.\"", System.Text.Json.JsonSerializer.Serialize(with), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20_001, "At most 20,000 characters")]
    [InlineData(0, "control character")]
    public void Validate_DesiredOutcome_FollowsTheDescriptionsTextRules(int length, string message)
    {
        var text = length > 0 ? new string('o', length) : "An apology\u0000";

        var ex = Invalid(Valid() with { DesiredOutcome = text });

        Assert.Contains(message, Assert.Single(ex.Errors["desiredOutcome"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutReceivedOn_UsesTodayInLondon()
    {
        var valid = ComplaintValidator.Validate(Valid() with { ReceivedOn = null }, null, ComplaintChannel.Online, Today, Earliest);

        Assert.Equal(Today, valid.ReceivedOn);
    }

    [Fact]
    public void Validate_ReportsEveryBadFieldAtOnce()
    {
        var ex = Invalid(new SubmitComplaintCommand
        {
            OrganisationCode = "R!",
            ReceivedOn = "2026-11-29",
            Channel = "Pigeon",
            Complainant = new ComplainantInput("", "not-an-email", "12345"),
            Description = "",
        });

        Assert.Equal(
            ["channel", "complainant.email", "complainant.name", "complainant.phone", "description", "organisationCode", "receivedOn"],
            ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-29", "after today")]
    [InlineData("2014-12-31", "on or after 2015-01-01")]
    [InlineData("28/11/2026", "YYYY-MM-DD")]
    [InlineData("2026-02-30", "YYYY-MM-DD")]
    public void Validate_ReceivedOn_MustBeARealDateNotInTheFuture(string receivedOn, string message)
    {
        var ex = Invalid(Valid() with { ReceivedOn = receivedOn });

        Assert.Contains(message, Assert.Single(ex.Errors["receivedOn"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RJ")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("R J1")]
    [InlineData("")]
    public void Validate_OrganisationCode_Is3To9LettersAndDigits(string code)
    {
        Assert.True(Invalid(Valid() with { OrganisationCode = code }).Errors.ContainsKey("organisationCode"));
    }

    [Theory]
    [InlineData("07700 900000", "07700900000")]
    [InlineData("+44 7700 900000", "07700900000")]
    [InlineData("(020) 7946-0000", "02079460000")]
    public void Validate_Phone_AcceptsUkNumbersInTheUsualNotations(string phone, string canonical)
    {
        var valid = ComplaintValidator.Validate(
            Valid() with { Complainant = new ComplainantInput("A", null, phone) }, null, ComplaintChannel.Online, Today, Earliest);

        Assert.Equal(canonical, valid.Phone);
    }

    [Theory]
    [InlineData("+1 202 555 0100")]
    [InlineData("0800")]
    [InlineData("phone me")]
    public void Validate_Phone_RefusesNonUkNumbers(string phone)
    {
        Assert.True(Invalid(Valid() with { Complainant = new ComplainantInput("A", null, phone) }).Errors.ContainsKey("complainant.phone"));
    }

    [Theory]
    [InlineData("in_person", ComplaintChannel.InPerson)]
    [InlineData("PALS", ComplaintChannel.Pals)]
    [InlineData("letter", ComplaintChannel.Letter)]
    public void Validate_Channel_AcceptsNamesInAnyCase(string channel, ComplaintChannel expected)
    {
        Assert.Equal(expected, ComplaintValidator.Validate(Valid() with { Channel = channel }, null, ComplaintChannel.Online, Today, Earliest).Channel);
    }

    [Fact]
    public void Validate_Channel_RefusesNumbers()
    {
        Assert.True(Invalid(Valid() with { Channel = "3" }).Errors.ContainsKey("channel"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    public void Validate_IdempotencyKey_MustBeVisibleAscii(string key)
    {
        Assert.True(Invalid(Valid(), key).Errors.ContainsKey("idempotencyKey"));
    }

    [Fact]
    public void Validate_Complainant_IsRequired()
    {
        Assert.True(Invalid(Valid() with { Complainant = null }).Errors.ContainsKey("complainant"));
    }

    [Theory]
    [InlineData("943 476 5919", true)]
    [InlineData("987 654 4321", false)]
    public void Validate_PatientNhsNumber_IsModulus11Checked(string nhsNumber, bool valid)
    {
        var command = Valid() with { Patient = new PatientInput("Ada", nhsNumber, null) };

        if (valid)
        {
            Assert.Equal("9434765919", ComplaintValidator.Validate(command, null, ComplaintChannel.Online, Today, Earliest).PatientNhsNumber);
        }
        else
        {
            Assert.True(Invalid(command).Errors.ContainsKey("patient.nhsNumber"));
        }
    }

    [Fact]
    public void Validate_OnlineSubmitters_CannotSetTheDateReceivedOrTheChannel_Reg13()
    {
        var ex = Assert.Throws<RequestValidationException>(() => ComplaintValidator.Validate(
            Valid() with { Channel = "Letter" }, null, ComplaintChannel.Online, Today, Earliest, SubmitterKind.Public));

        Assert.Equal(["channel", "receivedOn"], ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_Name_RefusesControlCharacters()
    {
        Assert.True(Invalid(Valid() with { Complainant = new ComplainantInput("Ada\u0000", null, null) }).Errors.ContainsKey("complainant.name"));
    }
}
