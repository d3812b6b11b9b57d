using System.Globalization;
using System.Text.RegularExpressions;

namespace IcsComplaints.TestKit;

/// <summary>One series of a Prometheus scrape: its metric name, its labels and its value.</summary>
public sealed record Series(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of label <paramref name="name"/>, or null.</summary>
    public string? Label(string name) => Labels.GetValueOrDefault(name);
}

/// <summary>What a service's <c>/metrics</c> answers, read as Prometheus reads its text format.</summary>
public static partial class Scrape
{
    /// <summary>Fetches and parses <c>/metrics</c> of the service at <paramref name="http"/>'s base address.</summary>
    public static async Task<IReadOnlyList<Series>> MetricsAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The series of a scrape's text; comments (<c># HELP</c>, <c># TYPE</c>) are left out.</summary>
    public static IReadOnlyList<Series> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var series = new List<Series>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = Line().Match(line);
            Assert.True(match.Success, $"Not a series of the Prometheus text format: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            series.Add(new Series(match.Groups["name"].Value, labels, Value(match.Groups["value"].Value)));
        }
        return series;
    }

    /// <summary>The names of the metrics in a scrape, as an alert rule names them (a histogram's by its buckets, sum and count).</summary>
    public static ISet<string> Names(IEnumerable<Series> scrape) => scrape.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    private static double Value(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\S+)?$")]
    private static partial Regex Line();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
