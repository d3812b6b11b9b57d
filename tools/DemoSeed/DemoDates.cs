using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IcsComplaints.DemoSeed;

/// <summary>
/// The dates of a fixture, written relative to the day it is seeded (<c>{today}</c>, <c>{today-N}</c>: N days
/// before), so the demo always shows a recent past whatever day <c>./ics up</c> runs.
/// </summary>
public static partial class DemoDates
{
    /// <summary>The placeholder for the day <paramref name="daysBefore"/> days before the seeding day.</summary>
    public static string DaysAgo(int daysBefore) => daysBefore == 0 ? "{today}" : $"{{today-{daysBefore.ToString(CultureInfo.InvariantCulture)}}}";

    /// <summary>A copy of <paramref name="node"/> with every placeholder replaced by its date for <paramref name="today"/>.</summary>
    public static JsonObject Fill(JsonObject node, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(node);
        var copy = (JsonObject)node.DeepClone();
        FillIn(copy, today);
        return copy;
    }

    // Replaces the placeholders inside a node in place; for a placeholder itself, returns the date that replaces it.
    private static JsonValue? FillIn(JsonNode? node, DateOnly today)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var name in map.Select(p => p.Key).ToList())
                {
                    if (FillIn(map[name], today) is { } date)
                    {
                        map[name] = date;
                    }
                }
                return null;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (FillIn(list[i], today) is { } date)
                    {
                        list[i] = date;
                    }
                }
                return null;
            // Any text in braces is meant as a placeholder: a misspelt one must stop the run, not be sent as a date.
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('{') && text.EndsWith('}'):
                var match = RelativeDate().Match(text);
                if (!match.Success)
                {
                    throw new InvalidDataException($"\"{text}\" is not a date of the fixture: write {{today}} or {{today-N}}.");
                }
                var daysBefore = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
                return JsonValue.Create(today.AddDays(-daysBefore).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^\{today(?:-(\d{1,4}))?\}$")]
    private static partial Regex RelativeDate();
}
