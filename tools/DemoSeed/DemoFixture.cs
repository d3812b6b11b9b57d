using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IcsComplaints.DemoSeed;

/// <summary>One demo complaint: the demo user who records it, its Idempotency-Key, and the body of <c>POST /api/v1/complaints</c>.</summary>
/// <param name="User">The demo user, e.g. <c>handler.rj1</c>, who signs in with the password grant.</param>
/// <param name="IdempotencyKey">The same on every run, so that a run on the same day records nothing twice.</param>
/// <param name="Request">The request body, where <c>{today}</c> and <c>{today-N}</c> stand for dates.</param>
public sealed partial record DemoComplaint(string User, string IdempotencyKey, JsonObject Request)
{
    /// <summary>The request body with its dates filled in for <paramref name="today"/>.</summary>
    public JsonObject RequestOn(DateOnly today)
    {
        var request = (JsonObject)Request.DeepClone();
        FillDates(request, today);
        return request;
    }

    // Replaces the placeholders inside a node in place; for a placeholder itself, returns the date that replaces it.
    private static JsonValue? FillDates(JsonNode? node, DateOnly today)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var name in map.Select(p => p.Key).ToList())
                {
                    if (FillDates(map[name], today) is { } date)
                    {
                        map[name] = date;
                    }
                }
                return null;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (FillDates(list[i], today) is { } date)
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

/// <summary>
/// A file of demo complaints (<c>deploy/demo/complaints.json</c>): <c>{"complaints": [{"user", "idempotencyKey",
/// "request"}, …]}</c>; any other field (<c>about</c>, <c>note</c>) is there for the reader.
/// </summary>
public sealed class DemoFixture
{
    private DemoFixture(IReadOnlyList<DemoComplaint> complaints) => Complaints = complaints;

    /// <summary>The complaints, in the order they are recorded.</summary>
    public IReadOnlyList<DemoComplaint> Complaints { get; }

    /// <summary>Reads a fixture file; <see cref="InvalidDataException"/> names what is wrong and where.</summary>
    public static DemoFixture Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads a fixture; <paramref name="source"/> names it in errors.</summary>
    public static DemoFixture Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not JSON ({ex.Message})", ex);
        }
        if (root?["complaints"] is not JsonArray items)
        {
            throw new InvalidDataException($"{source}: no \"complaints\" list.");
        }
        var complaints = new List<DemoComplaint>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{source}, complaints[{i}]";
            if (items[i] is not JsonObject item)
            {
                throw new InvalidDataException($"{where}: not an object.");
            }
            var complaint = new DemoComplaint(
                Text(item, "user", where),
                Text(item, "idempotencyKey", where),
                item["request"] as JsonObject ?? throw new InvalidDataException($"{where}: no \"request\" object."));
            if (complaints.Any(c => c.IdempotencyKey == complaint.IdempotencyKey))
            {
                throw new InvalidDataException($"{where}: the Idempotency-Key \"{complaint.IdempotencyKey}\" is used twice.");
            }
            // Checked here, not at the gateway: an unknown placeholder should stop the run before anything is recorded.
            try
            {
                complaint.RequestOn(DateOnly.MinValue.AddYears(1));
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{where}: {ex.Message}", ex);
            }
            complaints.Add(complaint);
        }
        return new DemoFixture(complaints);
    }

    private static string Text(JsonObject item, string name, string where) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{where}: no \"{name}\".");
}
