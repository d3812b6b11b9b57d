using System.Globalization;
using System.Text;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Api;

/// <summary>
/// Charts as SVG, for the web interface and for reports: no script, a title and a description, each plotted value
/// also in data attributes (so a page can give the same figures as a table and a test can check them), and every
/// distinction made by shape or dash as well as by colour, so a chart reads the same printed in grey.
/// </summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Margin = 50;

    // Room above the plot for the title and the legend, so neither covers a point at 100%.
    private const int Top = 90;
    private const string Ink = "#212b32";
    private const string Axis = "#4c6272";
    private const string Blue = "#005eb8";
    private const string Red = "#d5281b";

    // The 95% and 99.8% limits differ in dash, not only in colour.
    private const string WarningDash = "8 4";
    private const string AlarmDash = "2 3";

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

    /// <summary>A line chart of a monthly series, each month's point carrying its figures.</summary>
    public static string Trend(string title, IReadOnlyList<TrendPoint> points, bool rate)
    {
        var values = points.Select(p => p.Value).ToList();
        var max = rate ? 1.0 : Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max());
        double X(int i) => Margin + ((Width - (2 * Margin)) * i / (double)Math.Max(1, points.Count - 1));
        double Y(double v) => Height - Margin - ((Height - Margin - Top) * v / max);
        string Shown(double v) => rate ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}%") : v.ToString("0.#", CultureInfo.InvariantCulture);
        var known = points.Where(p => p.Value is not null).ToList();
        var description = known.Count == 0
            ? $"No figures to show from {points[0].Month} to {points[^1].Month}."
            : $"Month by month from {points[0].Month} to {points[^1].Month}: highest {Shown(known.Max(p => p.Value!.Value))}, " +
              $"lowest {Shown(known.Min(p => p.Value!.Value))}, {points[^1].Month} {(points[^1].Value is { } last ? Shown(last) : "not shown")}.";
        var svg = Start(title, description);
        Axes(svg, "Month", rate ? "Rate" : "Count");
        Ticks(svg, [0, points.Count - 1], i => X((int)i), i => points[(int)i].Month, rate ? [0, 0.5, 1] : [0, max / 2, max], Y, Shown);
        var line = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).Select(x => $"{Fmt(X(x.i))},{Fmt(Y(x.p.Value!.Value))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\" points=\"{string.Join(' ', line)}\"/>");
        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{Fmt(X(i))}\" cy=\"{Fmt(Y(p.Value!.Value))}\" r=\"3\" fill=\"{Blue}\" data-month=\"{p.Month}\" data-numerator=\"{p.Numerator}\" data-denominator=\"{p.Denominator}\" data-value=\"{Fmt4(p.Value.Value)}\"><title>{p.Month}: {Shown(p.Value.Value)}</title></circle>");
        }
        return svg.Append("</svg>").ToString();
    }

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

    private static StringBuilder Start(string title, string description) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"Arial, sans-serif\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><desc>{Escape(description)}</desc><rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"24\" font-size=\"14\" font-weight=\"bold\" fill=\"{Ink}\">{Escape(title)}</text>");

    private static void Axes(StringBuilder svg, string xLabel, string yLabel)
    {
        svg.Append(Line(Margin, Height - Margin, Width - Margin, Height - Margin, Axis, null));
        svg.Append(Line(Margin, Top, Margin, Height - Margin, Axis, null));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 8}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Height / 2}\" font-size=\"12\" transform=\"rotate(-90 12 {Height / 2})\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(yLabel)}</text>");
    }

    private static void Ticks(
        StringBuilder svg, IReadOnlyList<double> xs, Func<double, double> x, Func<double, string> xText, IReadOnlyList<double> ys, Func<double, double> y, Func<double, string> yText)
    {
        foreach (var value in xs)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Fmt(x(value))}\" y=\"{Height - Margin + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xText(value))}</text>");
        }
        foreach (var value in ys)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Margin - 4}\" y=\"{Fmt(y(value) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Ink}\">{Escape(yText(value))}</text>");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Sample, string Text)> entries)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g data-legend=\"\" font-size=\"11\" fill=\"{Ink}\">");
        for (var i = 0; i < entries.Count; i++)
        {
            var (left, top) = (Width - Margin - 230 + (i % 2 * 120), 40 + (i / 2 * 16));
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({left} {top})\">{entries[i].Sample}<text x=\"30\" y=\"4\">{Escape(entries[i].Text)}</text></g>");
        }
        svg.Append("</g>");
    }

    private static string Line(double x1, double y1, double x2, double y2, string colour, string? name) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Fmt(x1)}\" y1=\"{Fmt(y1)}\" x2=\"{Fmt(x2)}\" y2=\"{Fmt(y2)}\" stroke=\"{colour}\"{(name is null ? "" : $" data-name=\"{name}\"")}/>");

    private static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Fmt4(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
