using System.Globalization;
using System.Xml.Linq;
using IcsComplaints.Learning.Api.Features;
using IcsComplaints.Learning.Api.Features.GetTheme;
using IcsComplaints.Learning.Domain.Themes;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="ThemeChart"/>: a theme's thirteen months drawn as shares, each month's counts in data attributes, against the baseline share.</summary>
public sealed class ThemeChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ThemeView Theme(int[] observed, int[] totals) => new(
        Guid.NewGuid(), "QKK", ThemeScope.Provider, "RJ1", ThemeDimension.HcatCategory, "communication", "2026-11", observed[^1], totals[^1], 3.1, 0.155, 0.00001,
        observed, totals, [new ContributionView("RJ1", observed[^1], totals[^1])], "rule", new DateOnly(2026, 12, 6), null, null, []);

    [Fact]
    public void EachMonth_IsPlottedAsItsShare_WithItsCountsInDataAttributes_EndingWithTheMonthExamined()
    {
        int[] observed = [3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 3, 0, 14];
        int[] totals = [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 0, 20];

        var chart = XElement.Parse(ThemeChart.Draw(Theme(observed, totals)));

        var points = chart.Descendants(Svg + "circle").Where(c => c.Attribute("data-month") is not null)
            .ToDictionary(c => (string)c.Attribute("data-month")!, c => ((int)c.Attribute("data-numerator")!, (int)c.Attribute("data-denominator")!, (string)c.Attribute("data-value")!));
        Assert.Equal(12, points.Count);
        Assert.Equal((3, 20, "0.15"), points["2025-11"]);
        Assert.Equal((14, 20, "0.7"), points["2026-11"]);
        Assert.DoesNotContain("2026-10", points.Keys);
    }

    [Fact]
    public void TheBaselineShare_IsADashedLineNamedInTheLegendAndTheDescription_SoItReadsInGrey()
    {
        var chart = XElement.Parse(ThemeChart.Draw(Theme([.. Enumerable.Repeat(3, 12), 14], [.. Enumerable.Repeat(20, 13)])));

        var reference = chart.Descendants(Svg + "line").Single(l => (string?)l.Attribute("data-name") == "reference");
        Assert.Equal(0.155, double.Parse((string)reference.Attribute("data-value")!, CultureInfo.InvariantCulture));
        Assert.NotNull(reference.Attribute("stroke-dasharray"));
        Assert.Contains("baseline share", chart.Descendants(Svg + "g").Single(g => g.Attribute("data-legend") is not null).Value, StringComparison.Ordinal);
        Assert.Equal("Communication: share of coded complaints, RJ1", chart.Element(Svg + "title")!.Value);
        Assert.EndsWith("The dashed line is the baseline share, 15.5%.", chart.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }
}
