using System.Globalization;

namespace IcsComplaints.Bench.Common;

/// <summary>
/// One of the issue's targets for a benchmark: what is measured, the bound a figure must keep to, and how the figure is
/// written. Each benchmark keeps its targets together in one place and prints them through <see cref="TargetTable"/>,
/// so a run says by itself which targets it met.
/// </summary>
/// <param name="Measure">What is measured, as the table names it.</param>
/// <param name="Low">The least a figure may be, or null.</param>
/// <param name="High">The most a figure may be, or null.</param>
/// <param name="HighExcluded">Whether a figure must stay under <paramref name="High"/> rather than reach at most it.</param>
/// <param name="Unit">The figure's unit (ms, s, MB, a second), or empty.</param>
/// <param name="Format">How the figure is written (a .NET numeric format).</param>
/// <param name="Aim">What the issue aims at beyond the target, shown beside it, or null.</param>
public sealed record Target(string Measure, double? Low, double? High, bool HighExcluded, string Unit, string Format, string? Aim = null)
{
    public static Target AtLeast(string measure, double low, string unit, string format, string? aim = null) =>
        new(measure, low, null, false, unit, format, aim);

    public static Target AtMost(string measure, double high, string unit, string format) =>
        new(measure, null, high, false, unit, format);

    public static Target Below(string measure, double high, string unit, string format) =>
        new(measure, null, high, true, unit, format);

    public static Target Within(string measure, double low, double high, string unit, string format) =>
        new(measure, low, high, false, unit, format);

    /// <summary>The bound as the table writes it: ≥ 0.05, ≤ 4 ms, &lt; 50 ms, 0.8–1.2.</summary>
    public string Text
    {
        get
        {
            var bound = (Low, High) switch
            {
                ({ } low, { } high) => $"{Limit(low)}–{Limit(high)}",
                ({ } low, null) => $"≥ {Limit(low)}",
                (null, { } high) => $"{(HighExcluded ? "<" : "≤")} {Limit(high)}",
                _ => throw new InvalidOperationException($"{Measure} has no bound."),
            };
            return WithUnit(bound) + (Aim is null ? "" : $" (aim {Aim})");
        }
    }

    /// <summary>Whether <paramref name="figure"/> keeps to the bound; a figure that is not a number never does.</summary>
    public bool IsMetBy(double figure) =>
        !double.IsNaN(figure) &&
        (Low is not { } low || figure >= low) &&
        (High is not { } high || (HighExcluded ? figure < high : figure <= high));

    /// <summary><paramref name="figure"/> written in the target's format and unit.</summary>
    public string Show(double figure) => WithUnit(figure.ToString(Format, CultureInfo.InvariantCulture));

    // A limit is written as the issue writes it: 0.05, 5,000, 1.2, without the figures' fixed decimals.
    private static string Limit(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private string WithUnit(string number) => Unit.Length == 0 ? number : $"{number} {Unit}";
}

/// <summary>
/// The figures of one run beside the issue's targets, printed as the last table of a benchmark: measure, target,
/// measured, and whether it is met or short. A target the run could not measure (a rate not offered, a file not
/// written) is listed as not measured rather than left out, so its absence is seen.
/// </summary>
public sealed class TargetTable
{
    private readonly List<(string Measure, string Target, string Measured, string Verdict)> _rows = [];

    /// <summary>Adds <paramref name="figure"/> against <paramref name="target"/>; <paramref name="of"/> names what it is of, when a target is measured for several (a service, a query).</summary>
    public void Add(Target target, double figure, string? of = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (double.IsNaN(figure))
        {
            NotMeasured(target, "no figure in this run", of);
            return;
        }
        _rows.Add((Name(target, of), target.Text, target.Show(figure), target.IsMetBy(figure) ? "met" : "short"));
    }

    /// <summary>Lists <paramref name="target"/> with why this run has no figure for it.</summary>
    public void NotMeasured(Target target, string why, string? of = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        _rows.Add((Name(target, of), target.Text, why, "not measured"));
    }

    /// <summary>Writes the table in Markdown, as the benchmarks' other tables, under a line saying what it is.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("Against the issue's targets:");
        writer.WriteLine();
        writer.WriteLine("| measure | target | measured | met/short |");
        writer.WriteLine("|---|---|---:|---|");
        foreach (var (measure, target, measured, verdict) in _rows)
        {
            writer.WriteLine($"| {measure} | {target} | {measured} | {verdict} |");
        }
    }

    private static string Name(Target target, string? of) => of is null ? target.Measure : $"{target.Measure}: {of}";
}
