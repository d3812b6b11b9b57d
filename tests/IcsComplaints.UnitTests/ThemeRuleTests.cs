using IcsComplaints.Learning.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ThemeRule"/>: a problem rising above its own baseline, and noise kept from raising alarms.</summary>
public sealed class ThemeRuleTests
{
    [Fact]
    public void BinomialUpperTail_MatchesExactValues()
    {
        Assert.Equal(0.005921145564, ThemeRule.UpperTail(8, 20, 0.15), 1e-10);
        Assert.Equal(0.6513215599, ThemeRule.UpperTail(1, 10, 0.1), 1e-10);
        Assert.Equal(1, ThemeRule.UpperTail(0, 10, 0.3));
        Assert.Equal(0, ThemeRule.UpperTail(11, 10, 0.3));
    }

    [Fact]
    public void ThemeRule_SignalsARiseFarAboveTheBaselineShare()
    {
        // 36 of 240 over the year (15%); 14 of 20 this month: p = 5.2e-8.
        var assessment = ThemeRule.Assess(new ThemeCounts(Observed: 14, Total: 20, BaselineObserved: 36, BaselineTotal: 240, BaselineMonthsWithData: 12));

        Assert.True(assessment.Signal, assessment.Reason);
        Assert.Equal(5.1991541845e-8, assessment.PValue, 1e-15);
        Assert.Equal(3.03, assessment.Expected);
    }

    [Theory]
    [InlineData(5, 20, 36, 240, 12, "within what the baseline predicts")] // p = 0.175: ordinary variation
    [InlineData(30, 200, 36, 240, 12, "within what the baseline predicts")] // a busier month, the same share: no theme
    [InlineData(4, 5, 0, 240, 12, "fewer than 5")] // never seen before, but only four complaints
    [InlineData(14, 20, 3, 25, 12, "Baseline too short")] // 25 complaints over the year
    [InlineData(14, 20, 36, 240, 5, "Baseline too short")] // five months of data
    public void ThemeRule_KeepsNoiseFromRaisingAlarms(int observed, int total, int baselineObserved, int baselineTotal, int months, string why)
    {
        var assessment = ThemeRule.Assess(new ThemeCounts(observed, total, baselineObserved, baselineTotal, months));

        Assert.False(assessment.Signal);
        Assert.Contains(why, assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThemeRule_SignalsAProblemNeverSeenBefore_OnceItReachesTheMinimumCount()
    {
        // Smoothed share 0.5 / 241: five in one month of twenty is far beyond chance.
        Assert.True(ThemeRule.Assess(new ThemeCounts(5, 20, 0, 240, 12)).Signal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeRule.Assess(new ThemeCounts(21, 20, 0, 240, 12)));
    }
}
