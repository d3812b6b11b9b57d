using System.Globalization;
using System.Text;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Api;

/// <summary>Charts as SVG, for the web interface and for reports: no script, a title and text alternatives.</summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Margin = 50;

    /// <summary>A funnel plot: providers by volume and rate, with the 95% and 99.8% limits.</summary>
    public static string Funnel(Funnel funnel)
    {
        var shown = funnel.Points.Where(p => p.Value is not null && p.Denominator is not null).ToList();
        var maxN = Math.Max(10, shown.Select(p => p.Denominator!.Value).DefaultIfEmpty(10).Max());
        double X(double n) => Margin + ((Width - (2 * Margin)) * n / maxN);
        double Y(double v) => Height - Margin - ((Height - (2 * Margin)) * v);
        var svg = Start($"Funnel plot: {funnel.Measure}, {funnel.Period}");
        Axes(svg, $"complaints (0–{maxN})", funnel.Measure);
        if (funnel.Target is { } p)
        {
            svg.Append(Line(X(0), Y(p), X(maxN), Y(p), "#005eb8", "target"));
            foreach (var (z, colour) in new[] { (FunnelLimits.Warning, "#ffb81c"), (FunnelLimits.Alarm, "#d5281b") })
            {
                foreach (var upper in new[] { true, false })
                {
                    var points = Enumerable.Range(1, 60).Select(i => maxN * i / 60.0)
                        .Select(n => { var (l, u) = FunnelLimits.Of(p, Math.Max(1, (int)Math.Round(n)), z); return $"{Fmt(X(n))},{Fmt(Y(upper ? u : l))}"; });
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-dasharray=\"4 3\" points=\"{string.Join(' ', points)}\"/>");
                }
            }
        }
        foreach (var point in shown)
        {
            var colour = point.Position.StartsWith("Above", StringComparison.Ordinal) || point.Position.StartsWith("Below", StringComparison.Ordinal) ? "#d5281b" : "#212b32";
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{Fmt(X(point.Denominator!.Value))}\" cy=\"{Fmt(Y(point.Value!.Value))}\" r=\"5\" fill=\"{colour}\"><title>{Escape(point.OrganisationCode)}: {point.Value * 100:0.0}% of {point.Denominator} ({point.Position})</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Fmt(X(point.Denominator!.Value) + 7)}\" y=\"{Fmt(Y(point.Value!.Value) - 7)}\" font-size=\"11\">{Escape(point.OrganisationCode)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line chart of a monthly series.</summary>
    public static string Trend(string title, IReadOnlyList<TrendPoint> points, bool rate)
    {
        var values = points.Select(p => p.Value).ToList();
        var max = rate ? 1.0 : Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max());
        double X(int i) => Margin + ((Width - (2 * Margin)) * i / (double)Math.Max(1, points.Count - 1));
        double Y(double v) => Height - Margin - ((Height - (2 * Margin)) * v / max);
        var svg = Start(title);
        Axes(svg, $"{points[0].Month} to {points[^1].Month}", rate ? "rate" : $"count (0–{max})");
        var line = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).Select(x => $"{Fmt(X(x.i))},{Fmt(Y(x.p.Value!.Value))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2\" points=\"{string.Join(' ', line)}\"/>");
        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Fmt(X(i))}\" cy=\"{Fmt(Y(p.Value!.Value))}\" r=\"3\" fill=\"#005eb8\"><title>{p.Month}: {p.Value}</title></circle>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"Arial, sans-serif\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"24\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");

    private static void Axes(StringBuilder svg, string xLabel, string yLabel)
    {
        svg.Append(Line(Margin, Height - Margin, Width - Margin, Height - Margin, "#4c6272", null));
        svg.Append(Line(Margin, Margin, Margin, Height - Margin, "#4c6272", null));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Height / 2}\" font-size=\"12\" transform=\"rotate(-90 14 {Height / 2})\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
    }

    private static string Line(double x1, double y1, double x2, double y2, string colour, string? name) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Fmt(x1)}\" y1=\"{Fmt(y1)}\" x2=\"{Fmt(x2)}\" y2=\"{Fmt(y2)}\" stroke=\"{colour}\"{(name is null ? "" : $" data-name=\"{name}\"")}/>");

    private static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
