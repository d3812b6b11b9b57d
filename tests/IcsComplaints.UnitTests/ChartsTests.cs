using System.Globalization;
using System.Xml.Linq;
using IcsComplaints.Reporting.Api.Api;
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="Charts"/>: well-formed SVG with a title and a description, each plotted figure in data attributes, and shape as well as colour.</summary>
public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Funnel Plot = new("acknowledgedInTime", "2025-12..2026-11", 0.8,
    [
        new FunnelPoint("RJ1", 90, 100, 0.9, 0.7216, 0.8784, 0.6764, 0.9236, "AboveAlarm"),
        new FunnelPoint("RJZ", 40, 50, 0.8, 0.6891, 0.9109, 0.6252, 0.9748, "Within"),
        new FunnelPoint("Y99901", 1, 3, 0.3333, null, null, null, null, "TooFew"),
        new FunnelPoint("Z99902", null, null, null, null, null, null, null, "Withheld", Suppressed: true),
    ]);

    [Fact]
    public void AFunnel_GivesEachPlottedProvidersFiguresInDataAttributes_AndNoWithheldProvider()
    {
        var chart = XElement.Parse(Charts.Funnel(Plot));

        var points = chart.Descendants(Svg + "g").Where(g => g.Attribute("data-organisation") is not null)
            .ToDictionary(g => (string)g.Attribute("data-organisation")!, g => ((int)g.Attribute("data-numerator")!, (int)g.Attribute("data-denominator")!,
                double.Parse((string)g.Attribute("data-value")!, CultureInfo.InvariantCulture), (string)g.Attribute("data-position")!));
        Assert.Equal(
            new Dictionary<string, (int, int, double, string)> { ["RJ1"] = (90, 100, 0.9, "AboveAlarm"), ["RJZ"] = (40, 50, 0.8, "Within"), ["Y99901"] = (1, 3, 0.3333, "TooFew") },
            points);
    }

    [Fact]
    public void AFunnel_HasATitleAndADescriptionThatSayWhatItShows()
    {
        var chart = XElement.Parse(Charts.Funnel(Plot));

        Assert.Equal("Funnel plot: Acknowledged within 3 working days, 2025-12..2026-11", chart.Element(Svg + "title")!.Value);
        Assert.Equal(chart.Element(Svg + "title")!.Value, (string)chart.Attribute("aria-label")!);
        Assert.Contains("The overall rate across the providers is 80.0%", chart.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("3 providers plotted; 1 outside the 95% limits", chart.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AFunnel_TellsLimitsAndPositionsApartByDashAndShape_SoItReadsInGrey()
    {
        var chart = XElement.Parse(Charts.Funnel(Plot));

        var dashes = chart.Descendants(Svg + "polyline").Where(l => l.Attribute("data-limit") is not null)
            .GroupBy(l => (string)l.Attribute("data-limit")!).ToDictionary(g => g.Key, g => g.Select(l => (string)l.Attribute("stroke-dasharray")!).Distinct().Single());
        Assert.Equal(2, dashes.Count);
        Assert.NotEqual(dashes["95"], dashes["99.8"]);
        string MarkerOf(string organisation) => chart.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-organisation") == organisation).Elements().First().Name.LocalName;
        Assert.Equal(("polygon", "circle"), (MarkerOf("RJ1"), MarkerOf("RJZ")));
    }

    [Fact]
    public void ATrend_GivesEachMonthsFiguresInDataAttributes_AndDescribesTheSeries()
    {
        TrendPoint[] points = [new("2026-09", 8, 10, 0.8), new("2026-10", 9, 10, 0.9), new("2026-11", null, null, null, Suppressed: true)];

        var chart = XElement.Parse(Charts.Trend("Acknowledged within 3 working days: RJ1", points, rate: true));

        var months = chart.Descendants(Svg + "circle").ToDictionary(c => (string)c.Attribute("data-month")!, c => (string)c.Attribute("data-value")!);
        Assert.Equal(new Dictionary<string, string> { ["2026-09"] = "0.8", ["2026-10"] = "0.9" }, months);
        Assert.Equal("Month by month from 2026-09 to 2026-11: highest 90.0%, lowest 80.0%, 2026-11 not shown.", chart.Element(Svg + "desc")!.Value);
    }
}
