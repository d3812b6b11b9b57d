using IcsComplaints.Reporting.Api;
using IcsComplaints.Reporting.Api.Measures;
using IcsComplaints.Reporting.Api.Returns;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The rules of reporting: periods, funnel limits, the small-numbers rule, peer quantiles and KO41 output.</summary>
public sealed class ReportingRulesTests
{
    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2025/26", "2025-04-01", "2026-03-31")]
    [InlineData("2099/00", "2099-04-01", "2100-03-31")]
    public void Periods_AreMonthsQuartersYearsAndFinancialYears(string text, string from, string to)
    {
        var period = ReportingPeriod.Parse(text);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2025/27")]
    [InlineData("26")]
    [InlineData("")]
    public void AnUnreadablePeriod_IsAFieldError(string text) =>
        Assert.Contains("period", Assert.Throws<RequestValidationException>(() => ReportingPeriod.Parse(text)).Errors.Keys);

    [Fact]
    public void FunnelLimits_NarrowAsVolumeGrows_AndStayWithinZeroAndOne()
    {
        var (lower20, upper20) = FunnelLimits.Of(0.8, 20, FunnelLimits.Warning);
        var (lower200, upper200) = FunnelLimits.Of(0.8, 200, FunnelLimits.Warning);

        // 0.8 ± 1.96 × √(0.8 × 0.2 / 20) = 0.8 ± 0.1753.
        Assert.Equal((0.6247, 0.9753), (lower20, upper20));
        Assert.True(upper200 - lower200 < upper20 - lower20);
        Assert.Equal((0.0, 1.0), FunnelLimits.Of(0.5, 1, FunnelLimits.Alarm));
    }

    [Fact]
    public void SmallNumbers_AreCountsOfOneToFour_ZeroIsNot()
    {
        Assert.Equal([false, true, true, false, false], new[] { 0, 1, 4, 5, 120 }.Select(SmallNumberSuppression.IsSmall));
    }

    [Fact]
    public void PeerQuantiles_Interpolate_AndMediansHandleEvenCounts()
    {
        double[] sorted = [0.5, 0.6, 0.7, 0.9];

        Assert.Equal((0.575, 0.65, 0.75), (PeerQueries.Quantile(sorted, 0.25), PeerQueries.Quantile(sorted, 0.5), PeerQueries.Quantile(sorted, 0.75)));
        Assert.Equal(24.5, MeasureQueries.Median([20, 29, 24, 25]));
        Assert.Null(MeasureQueries.Median([]));
    }

    [Theory]
    [InlineData("nhs-trust", "KO41a")]
    [InlineData("independent-provider", "KO41a")]
    [InlineData("gp-practice", "KO41b")]
    [InlineData("dental-practice", "KO41b")]
    [InlineData("icb", "KO41b")]
    public void PrimaryCareAndIcbsReturnKo41b_OthersKo41a(string type, string collection) => Assert.Equal(collection, Ko41Returns.CollectionFor(type));

    [Fact]
    public void Ko41Csv_QuotesItemsWithCommas()
    {
        var ko41 = new Ko41Return("KO41a", "RJ2", "2023/24", 0, 1, new Dictionary<string, int>(), 0, 1,
            [new ReturnLine("SubjectArea", "RJ2", "Privacy, dignity and wellbeing", 1)], [], true);

        Assert.Equal("collection,organisation,period,section,site,item,count\nKO41a,RJ2,2023/24,SubjectArea,RJ2,\"Privacy, dignity and wellbeing\",1\n", ko41.ToCsv());
    }

    [Fact]
    public void EveryMeasure_HasADefinition()
    {
        var keys = typeof(MeasureSet).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Except(["organisationCode", "period"]).Order(StringComparer.Ordinal);

        Assert.Equal(keys, MeasureDefinitions.All.Select(d => d.Key).Order(StringComparer.Ordinal));
    }
}
