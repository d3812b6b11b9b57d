using System.Globalization;
using System.Text;

namespace IcsComplaints.Charting;

/// <summary>One month of a series: the figures a point carries and the value it is plotted at.</summary>
/// <param name="Month">The month, <c>yyyy-MM</c>.</param>
/// <param name="Numerator">What is counted (for a rate, its numerator); null when withheld.</param>
/// <param name="Denominator">What a rate applies to; null for a count.</param>
/// <param name="Value">The value plotted; null when there is none (no point is drawn).</param>
public sealed record SeriesPoint(string Month, int? Numerator, int? Denominator, double? Value);

/// <summary>A horizontal line a series is read against (a baseline share, a target), dashed and named in the legend.</summary>
/// <param name="Value">Where the line is drawn, on the series' scale.</param>
/// <param name="Name">What it is, for the legend and the chart's description.</param>
public sealed record ReferenceLine(double Value, string Name);

/// <summary>
/// Charts as SVG, for the web interface and for reports: no script, a title and a description, each plotted value
/// also in data attributes (so a page can give the same figures as a table and a test can check them), and every
/// distinction made by shape or dash as well as by colour, so a chart reads the same printed in grey. The drawing
/// parts are public so that a service can compose a chart of its own (reporting's funnel plot) from the same parts.
/// </summary>
public static class SvgCharts
{
    /// <summary>Width of every chart, in SVG units.</summary>
    public const int Width = 640;

    /// <summary>Height of every chart.</summary>
    public const int Height = 400;

    /// <summary>Space around the plot for the axes' labels.</summary>
    public const int Margin = 50;

    /// <summary>Room above the plot for the title and the legend, so neither covers a point at 100%.</summary>
    public const int Top = 90;

    /// <summary>Text and marks (NHS.UK black).</summary>
    public const string Ink = "#212b32";

    /// <summary>Axes and limits (NHS.UK grey).</summary>
    public const string Axis = "#4c6272";

    /// <summary>The series (NHS.UK blue).</summary>
    public const string Blue = "#005eb8";

    /// <summary>Points that stand out (NHS.UK red).</summary>
    public const string Red = "#d5281b";

    /// <summary>Dash of a 95% limit or a reference line.</summary>
    public const string WarningDash = "8 4";

    /// <summary>Dash of a 99.8% limit: differs from the 95% limit in dash, not only in colour.</summary>
    public const string AlarmDash = "2 3";

    /// <summary>
    /// A line chart of a monthly series, each month's point carrying its figures; a rate is drawn on 0 to 100%, a
    /// count from 0 to its highest month. A reference line, when given, is dashed and named in a legend.
    /// </summary>
    public static string Trend(string title, IReadOnlyList<SeriesPoint> points, bool rate, ReferenceLine? reference = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = points.Select(p => p.Value).ToList();
        var max = rate ? 1.0 : Math.Max(1, values.Where(v => v is not null).Select(v => v!.Value).Append(reference?.Value ?? 0).DefaultIfEmpty(1).Max());
        double X(int i) => Margin + ((Width - (2 * Margin)) * i / (double)Math.Max(1, points.Count - 1));
        double Y(double v) => Height - Margin - ((Height - Margin - Top) * v / max);
        string Shown(double v) => rate ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}%") : v.ToString("0.#", CultureInfo.InvariantCulture);
        var known = points.Where(p => p.Value is not null).ToList();
        var description = known.Count == 0
            ? $"No figures to show from {points[0].Month} to {points[^1].Month}."
            : $"Month by month from {points[0].Month} to {points[^1].Month}: highest {Shown(known.Max(p => p.Value!.Value))}, " +
              $"lowest {Shown(known.Min(p => p.Value!.Value))}, {points[^1].Month} {(points[^1].Value is { } last ? Shown(last) : "not shown")}.";
        if (reference is not null)
        {
            description += $" The dashed line is the {reference.Name}, {Shown(reference.Value)}.";
        }
        var svg = Start(title, description);
        Axes(svg, "Month", rate ? "Rate" : "Count");
        Ticks(svg, [0, points.Count - 1], i => X((int)i), i => points[(int)i].Month, rate ? [0, 0.5, 1] : [0, max / 2, max], Y, Shown);
        if (reference is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Fmt(X(0))}\" y1=\"{Fmt(Y(reference.Value))}\" x2=\"{Fmt(X(points.Count - 1))}\" y2=\"{Fmt(Y(reference.Value))}\" stroke=\"{Axis}\" stroke-width=\"1.5\" stroke-dasharray=\"{WarningDash}\" data-name=\"reference\" data-value=\"{Fmt4(reference.Value)}\"/>");
        }
        var line = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).Select(x => $"{Fmt(X(x.i))},{Fmt(Y(x.p.Value!.Value))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\" points=\"{string.Join(' ', line)}\"/>");
        foreach (var (p, i) in points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{Fmt(X(i))}\" cy=\"{Fmt(Y(p.Value!.Value))}\" r=\"3\" fill=\"{Blue}\" data-month=\"{p.Month}\" data-numerator=\"{p.Numerator}\" data-denominator=\"{p.Denominator}\" data-value=\"{Fmt4(p.Value.Value)}\"><title>{p.Month}: {Shown(p.Value.Value)}</title></circle>");
        }
        if (reference is not null)
        {
            Legend(svg,
            [
                ($"<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"{Blue}\" stroke-width=\"2\"/><circle cx=\"12\" cy=\"0\" r=\"3\" fill=\"{Blue}\"/>", "each month"),
                ($"<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"{Axis}\" stroke-width=\"1.5\" stroke-dasharray=\"{WarningDash}\"/>", reference.Name),
            ]);
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The opening of a chart: its title and description (what a screen reader announces) on a white ground.</summary>
    public static StringBuilder Start(string title, string description) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"Arial, sans-serif\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><desc>{Escape(description)}</desc><rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"24\" font-size=\"14\" font-weight=\"bold\" fill=\"{Ink}\">{Escape(title)}</text>");

    /// <summary>The two axes with their labels.</summary>
    public static void Axes(StringBuilder svg, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Append(Line(Margin, Height - Margin, Width - Margin, Height - Margin, Axis, null));
        svg.Append(Line(Margin, Top, Margin, Height - Margin, Axis, null));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 8}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Height / 2}\" font-size=\"12\" transform=\"rotate(-90 12 {Height / 2})\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(yLabel)}</text>");
    }

    /// <summary>The values written along each axis, at the positions the scales give.</summary>
    public static void Ticks(
        StringBuilder svg, IReadOnlyList<double> xs, Func<double, double> x, Func<double, string> xText, IReadOnlyList<double> ys, Func<double, double> y, Func<double, string> yText)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(xText);
        ArgumentNullException.ThrowIfNull(yText);
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

    /// <summary>A legend in two columns at the top right: each entry a sample mark (markup) and its words.</summary>
    public static void Legend(StringBuilder svg, IReadOnlyList<(string Sample, string Text)> entries)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(entries);
        svg.Append(CultureInfo.InvariantCulture, $"<g data-legend=\"\" font-size=\"11\" fill=\"{Ink}\">");
        for (var i = 0; i < entries.Count; i++)
        {
            var (left, top) = (Width - Margin - 230 + (i % 2 * 120), 40 + (i / 2 * 16));
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({left} {top})\">{entries[i].Sample}<text x=\"30\" y=\"4\">{Escape(entries[i].Text)}</text></g>");
        }
        svg.Append("</g>");
    }

    /// <summary>A straight line, named in <c>data-name</c> when it stands for something.</summary>
    public static string Line(double x1, double y1, double x2, double y2, string colour, string? name) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Fmt(x1)}\" y1=\"{Fmt(y1)}\" x2=\"{Fmt(x2)}\" y2=\"{Fmt(y2)}\" stroke=\"{colour}\"{(name is null ? "" : $" data-name=\"{name}\"")}/>");

    /// <summary>A coordinate, to a tenth.</summary>
    public static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A figure in a data attribute, to four places.</summary>
    public static string Fmt4(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Text made safe inside markup.</summary>
    public static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
