using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="ResponseDateRenegotiation"/>: Reg 13(3) and 14, an agreed response period, every change logged with its reason.</summary>
public sealed class ResponseDateRenegotiationTests
{
    [Fact]
    public void TheFirstAgreement_NeedsNoReason_ARenegotiationDoes()
    {
        var c = NewCase();
        var first = c.AgreeResponseDate(Received, new DateOnly(2026, 12, 16), true, null, "handler");
        Assert.Equal(ResponseDateRenegotiation.FirstAgreement, first.Reason);

        var ex = Assert.Throws<RequestValidationException>(() => c.AgreeResponseDate(Received.AddDays(7), new DateOnly(2027, 1, 13), true, null, "handler"));
        Assert.True(ex.Errors.ContainsKey("reason"));

        var errors = new ValidationErrors();
        ResponseDateRenegotiation.CheckReason(null, c.Agreements.Count, "reason", errors);
        Assert.True(errors.Has("reason"));
    }

    [Fact]
    public void TheLatestAgreement_Holds_AndEachAfterTheFirstCountsAsARenegotiation()
    {
        var c = NewCase();
        c.AgreeResponseDate(Received, new DateOnly(2026, 12, 16), true, null, "handler");
        c.AgreeResponseDate(Received.AddDays(7), new DateOnly(2027, 1, 13), true, "Awaiting the ward's records", "handler");

        Assert.Equal(new DateOnly(2027, 1, 13), ResponseDateRenegotiation.Current(c.Agreements)!.DueBy);
        Assert.Equal(1, ResponseDateRenegotiation.Renegotiations(c.Agreements.Count));
        Assert.Equal(0, ResponseDateRenegotiation.Renegotiations(0));
    }

    [Theory]
    [InlineData("2026-11-20", true)] // a Friday
    [InlineData("2026-11-21", false)] // a Saturday
    [InlineData("2026-12-25", false)] // Christmas Day
    [InlineData("2026-11-02", false)] // today
    public void TheAgreedDate_IsAWorkingDayAfterToday(string dueBy, bool accepted)
    {
        var errors = new ValidationErrors();

        var date = ResponseDateRenegotiation.CheckDueBy(DateOnly.Parse(dueBy, System.Globalization.CultureInfo.InvariantCulture), Received, Received, EnglandAndWales, "dueBy", errors);

        Assert.Equal(accepted, errors.IsEmpty);
        Assert.Equal(accepted, date is not null);
    }

    [Fact]
    public void ABackDatedAgreement_MayNameADateThatIsNowPast()
    {
        var today = new DateOnly(2026, 12, 7);
        var agreedOn = Received.AddDays(3);
        var errors = new ValidationErrors();

        var date = ResponseDateRenegotiation.CheckDueBy(new DateOnly(2026, 11, 27), agreedOn, today, EnglandAndWales, "dueBy", errors);
        var agreement = NewCase().AgreeResponseDate(agreedOn, date!.Value, true, null, "handler");

        Assert.True(errors.IsEmpty);
        Assert.Equal(new DateOnly(2026, 11, 27), agreement.DueBy);
    }

    [Theory]
    [InlineData("2026-11-05")] // the day it was agreed
    [InlineData("2026-11-04")] // the day before
    public void ABackDatedAgreement_RefusesADateOnOrBeforeTheDayItWasAgreed_OnTheDueByField(string dueBy)
    {
        var errors = new ValidationErrors();

        var date = ResponseDateRenegotiation.CheckDueBy(
            DateOnly.Parse(dueBy, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 7), EnglandAndWales, "dueBy", errors);

        Assert.Null(date);
        var refused = Assert.Throws<RequestValidationException>(errors.ThrowIfAny);
        Assert.Contains("2026-11-05", refused.Errors["dueBy"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgreedDate_IsAfterTheDayItIsAgreed()
    {
        var c = NewCase();

        Assert.Throws<RequestValidationException>(() => c.AgreeResponseDate(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), true, null, "handler"));
    }
}
