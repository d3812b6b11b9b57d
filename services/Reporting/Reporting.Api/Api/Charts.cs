using System.Globalization;
using IcsComplaints.Charting;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using static IcsComplaints.Charting.SvgCharts;

namespace IcsComplaints.Reporting.Api.Api;

/// <summary>
/// Reporting's charts as SVG: the funnel plot, composed of the platform's shared chart parts, and the trend, drawn by
/// the shared renderer (ADR 31), so every service's charts look and read alike.
/// </summary>
public static class Charts
{
    /// <summary>What each measure a chart shows is called on it.</summary>
    public static string NameOf(string measure) => measure switch
    {
        "received" => "Complaints received",
        "acknowledgedInTime" => "Acknowledged within 3 working days",
        "resolvedEarly" => "Resolved at early resolution",
        "byAgreedDate" => "Responded to by the agreed date",
        "upheldOrPartly" => "Upheld or partly upheld",
        "reopened" => "Reopened after the response",
        "withAdvocacy" => "Supported by an advocate",
        _ => measure,
    };

    /// <summary>
    /// A funnel plot: providers by volume and rate around the overall rate, with the 95% (dashed) and 99.8% (dotted)
    /// limits; a provider above them is an upward triangle, below them a downward one, too few to judge a hollow circle.
    /// </summary>
    public static string Funnel(Funnel funnel)
    {
        var shown = funnel.Points.Where(p => p.Value is not null && p.Denominator is not null).ToList();
        var maxN = Math.Max(10, shown.Select(p => p.Denominator!.Value).DefaultIfEmpty(10).Max());
        double X(double n) => Margin + ((Width - (2 * Margin)) * n / maxN);
        double Y(double v) => Height - Margin - ((Height - Margin - Top) * v);
        var name = NameOf(funnel.Measure);
        var outside = shown.Count(p => IsAbove(p) || IsBelow(p));
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Each provider's share of complaints {name.ToLowerInvariant()} in {funnel.Period}, against the number of complaints it applies to. " +
            $"{(funnel.Target is { } t ? string.Create(CultureInfo.InvariantCulture, $"The overall rate across the providers is {t * 100:0.0}%. ") : "There is no overall rate to compare with. ")}" +
            $"{shown.Count} providers plotted; {outside} outside the 95% limits; {shown.Count(p => p.Position == "TooFew")} with too few complaints to judge.");
        var svg = Start($"Funnel plot: {name}, {funnel.Period}", description);
        Axes(svg, "Complaints the rate applies to", "Rate");
        Ticks(svg, [0, maxN / 2, maxN], n => X(n), n => n.ToString(CultureInfo.InvariantCulture), [0, 0.25, 0.5, 0.75, 1], Y, v => $"{v * 100:0}%");
        if (funnel.Target is { } p)
        {
            svg.Append(Line(X(0), Y(p), X(maxN), Y(p), Blue, "target"));
            foreach (var (z, dash, limit) in new[] { (FunnelLimits.Warning, WarningDash, "95"), (FunnelLimits.Alarm, AlarmDash, "99.8") })
            {
                foreach (var upper in new[] { true, false })
                {
                    var points = Enumerable.Range(1, 60).Select(i => maxN * i / 60.0)
                        .Select(n => { var (l, u) = FunnelLimits.Of(p, Math.Max(1, (int)Math.Round(n)), z); return $"{Fmt(X(n))},{Fmt(Y(upper ? u : l))}"; });
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<polyline fill=\"none\" stroke=\"{Axis}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\" data-limit=\"{limit}\" points=\"{string.Join(' ', points)}\"/>");
                }
            }
        }
        foreach (var point in shown)
        {
            var (x, y) = (X(point.Denominator!.Value), Y(point.Value!.Value));
            svg.Append(CultureInfo.InvariantCulture,
                $"<g data-organisation=\"{Escape(point.OrganisationCode)}\" data-numerator=\"{point.Numerator}\" data-denominator=\"{point.Denominator}\" data-value=\"{Fmt4(point.Value.Value)}\" data-position=\"{point.Position}\">");
            svg.Append(Marker(point, x, y));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Fmt(x + 8)}\" y=\"{Fmt(y - 8)}\" font-size=\"11\" fill=\"{Ink}\">{Escape(point.OrganisationCode)}</text></g>");
        }
        Legend(svg,
        [
            ($"<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"{Blue}\" stroke-width=\"2\"/>", "overall rate"),
            ($"<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"{Axis}\" stroke-width=\"1.5\" stroke-dasharray=\"{WarningDash}\"/>", "95% limits"),
            ($"<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"{Axis}\" stroke-width=\"1.5\" stroke-dasharray=\"{AlarmDash}\"/>", "99.8% limits"),
            ($"<polygon points=\"12,-6 18,5 6,5\" fill=\"{Red}\"/>", "above the limits"),
            ($"<polygon points=\"12,6 18,-5 6,-5\" fill=\"{Red}\"/>", "below the limits"),
            ($"<circle cx=\"12\" cy=\"0\" r=\"5\" fill=\"none\" stroke=\"{Ink}\"/>", "too few to judge"),
        ]);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line chart of a monthly series, each month's point carrying its figures (the shared renderer, ADR 31).</summary>
    public static string Trend(string title, IReadOnlyList<TrendPoint> points, bool rate) =>
        SvgCharts.Trend(title, [.. points.Select(p => new SeriesPoint(p.Month, p.Numerator, p.Denominator, p.Value))], rate);

    private static bool IsAbove(FunnelPoint point) => point.Position.StartsWith("Above", StringComparison.Ordinal);

    private static bool IsBelow(FunnelPoint point) => point.Position.StartsWith("Below", StringComparison.Ordinal);

    private static string Marker(FunnelPoint point, double x, double y)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"<title>{Escape(point.OrganisationCode)}: {point.Value * 100:0.0}% of {point.Denominator} ({point.Position})</title>");
        return IsAbove(point)
            ? string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{Fmt(x)},{Fmt(y - 7)} {Fmt(x + 7)},{Fmt(y + 5)} {Fmt(x - 7)},{Fmt(y + 5)}\" fill=\"{Red}\">{label}</polygon>")
            : IsBelow(point)
            ? string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{Fmt(x)},{Fmt(y + 7)} {Fmt(x + 7)},{Fmt(y - 5)} {Fmt(x - 7)},{Fmt(y - 5)}\" fill=\"{Red}\">{label}</polygon>")
            : point.Position == "TooFew"
            ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{Fmt(x)}\" cy=\"{Fmt(y)}\" r=\"5\" fill=\"#ffffff\" stroke=\"{Ink}\" stroke-width=\"1.5\">{label}</circle>")
            : string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{Fmt(x)}\" cy=\"{Fmt(y)}\" r=\"5\" fill=\"{Ink}\">{label}</circle>");
    }
}
