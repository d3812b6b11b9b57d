using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsComplaints.DemoSeed;

/// <summary>One demo complaint: the demo user who records it, its Idempotency-Key, the body of <c>POST /api/v1/complaints</c>, and what happens to it next.</summary>
/// <param name="User">The demo user, e.g. <c>handler.rj1</c>, who signs in with the password grant.</param>
/// <param name="IdempotencyKey">The same on every run, so that a run on the same day records nothing twice.</param>
/// <param name="Request">The request body, where <c>{today}</c> and <c>{today-N}</c> stand for dates (<see cref="DemoDates"/>).</param>
/// <param name="Steps">The calls made after it is recorded, in order (<see cref="DemoStep"/>).</param>
public sealed record DemoComplaint(string User, string IdempotencyKey, JsonObject Request, IReadOnlyList<DemoStep> Steps)
{
    /// <summary>The request body with its dates filled in for <paramref name="today"/>.</summary>
    public JsonObject RequestOn(DateOnly today) => DemoDates.Fill(Request, today);

    /// <summary>False when, seeded on <paramref name="today"/>, the complaint has not been made yet: a day of the current month still ahead.</summary>
    public bool ReceivedBy(DateOnly today) => DemoDates.HasHappenedBy(Request["receivedOn"], today);
}

/// <summary>
/// A call a demo user makes on a recorded complaint, as they would in the portal: a decision at intake
/// (<c>complaints/{complaintId}/routing</c>) or a step of the procedure on its case (<c>cases/{caseId}/acknowledgement</c>).
/// </summary>
/// <param name="User">The demo user who makes it.</param>
/// <param name="Method">POST or PUT.</param>
/// <param name="Path">Under <c>api/v1/</c>, starting <c>complaints/{complaintId}/</c> or <c>cases/{caseId}/</c>.</param>
/// <param name="Body">The body, with dates as in the request.</param>
/// <param name="On">The day it happened, as a date placeholder; a step still ahead on the seeding day is not made, nor any after it.</param>
public sealed record DemoStep(string User, string Method, string Path, JsonObject Body, string? On = null)
{
    /// <summary>The placeholder of the complaint's id in a path.</summary>
    public const string ComplaintId = "{complaintId}";

    /// <summary>The placeholder of the case's id in a path: the case the step's user's organisation handles.</summary>
    public const string CaseId = "{caseId}";

    /// <summary>True when the step acts on the case rather than the complaint.</summary>
    public bool OnCase => Path.StartsWith("cases/" + CaseId + "/", StringComparison.Ordinal);

    /// <summary>The body with its dates filled in for <paramref name="today"/>.</summary>
    public JsonObject BodyOn(DateOnly today) => DemoDates.Fill(Body, today);

    /// <summary>False when, seeded on <paramref name="today"/>, the step lies ahead.</summary>
    public bool HappenedBy(DateOnly today) => DemoDates.HasHappenedBy(On, today);
}

/// <summary>
/// A file of demo complaints (<c>deploy/demo/complaints.json</c>): <c>{"complaints": [{"user", "idempotencyKey",
/// "request", "steps"?: [{"user", "method", "path", "body", "on"?}]}, …]}</c>; any other field (<c>about</c>, <c>note</c>) is there for the reader.
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
        var keys = new HashSet<string>(StringComparer.Ordinal);
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
                item["request"] as JsonObject ?? throw new InvalidDataException($"{where}: no \"request\" object."),
                Steps(item["steps"], where));
            if (!keys.Add(complaint.IdempotencyKey))
            {
                throw new InvalidDataException($"{where}: the Idempotency-Key \"{complaint.IdempotencyKey}\" is used twice.");
            }
            // Checked here, not at the gateway: an unknown placeholder should stop the run before anything is recorded.
            CheckDates(complaint.Request, where);
            complaints.Add(complaint);
        }
        return new DemoFixture(complaints);
    }

    private static List<DemoStep> Steps(JsonNode? node, string where)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray list)
        {
            throw new InvalidDataException($"{where}: \"steps\" is not a list.");
        }
        var steps = new List<DemoStep>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{where}, steps[{i}]";
            if (list[i] is not JsonObject item)
            {
                throw new InvalidDataException($"{at}: not an object.");
            }
            var method = Text(item, "method", at);
            if (method is not ("POST" or "PUT"))
            {
                throw new InvalidDataException($"{at}: the method is POST or PUT, not \"{method}\".");
            }
            var path = Text(item, "path", at);
            if (!path.StartsWith("complaints/" + DemoStep.ComplaintId + "/", StringComparison.Ordinal)
                && !path.StartsWith("cases/" + DemoStep.CaseId + "/", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{at}: the path starts complaints/{DemoStep.ComplaintId}/ or cases/{DemoStep.CaseId}/, not \"{path}\".");
            }
            var on = item["on"] is null ? null : Text(item, "on", at);
            var step = new DemoStep(Text(item, "user", at), method, path, item["body"] as JsonObject ?? throw new InvalidDataException($"{at}: no \"body\" object."), on);
            CheckDates(step.Body, at);
            CheckDates(new JsonObject { ["on"] = on }, at);
            steps.Add(step);
        }
        return steps;
    }

    private static void CheckDates(JsonObject node, string where)
    {
        try
        {
            DemoDates.Fill(node, new DateOnly(3000, 1, 1));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{where}: {ex.Message}", ex);
        }
    }

    private static string Text(JsonObject item, string name, string where) =>
        item[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{where}: no \"{name}\".");
}
