using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Thousands of generated malformed submissions, over REST and gRPC through the gateway: each is a plausible complaint
/// with random damage, and always at least one field that must be refused. None may cause a server error, and none
/// may be stored. Every payload carries this run's marker in its description (the only way a complaint could be
/// stored), so "nothing stored" is checked exactly even while other tests run. The seed is in every failure message.
/// </summary>
public sealed class MalformedInputTests(IcsSystem system)
{
    private const int RestPayloads = 2_500;
    private const int GrpcPayloads = 1_000;

    [Fact]
    public async Task ThousandsOfMalformedSubmissions_OverRestAndGrpc_NeverCauseA5xx_AndStoreNothing()
    {
        var seed = Environment.GetEnvironmentVariable("ICS_FUZZ_SEED") is { } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var marker = $"fuzz-{seed}-{Guid.NewGuid():N}";
        var random = new Random(seed);
        using var staff = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        using var anonymous = system.GatewayHttp();
        var failures = new List<string>();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);

        var rest = Enumerable.Range(0, RestPayloads).Select(i => (Index: i, Body: RestPayload(random, marker), Anonymous: random.Next(4) == 0)).ToList();
        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (payload, ct) =>
        {
            using var content = new ByteArrayContent(payload.Body.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(payload.Body.ContentType);
            using var response = await (payload.Anonymous ? anonymous : staff).PostAsync(new Uri("/api/v1/complaints", UriKind.Relative), content, ct);
            var status = (int)response.StatusCode;
            lock (failures)
            {
                statuses[$"REST {status}"] = statuses.GetValueOrDefault($"REST {status}") + 1;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"REST #{payload.Index} ({payload.Body.Damage}): {status} for {Encoding.UTF8.GetString(payload.Body.Bytes)[..Math.Min(400, payload.Body.Bytes.Length)]}");
                }
            }
        });

        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var intake = new IntakeService.IntakeServiceClient(channel);
        var auth = GrpcCalls.Bearer(await system.ClientTokenAsync("pals-rj1"));
        var grpc = Enumerable.Range(0, GrpcPayloads).Select(i => (Index: i, Request: GrpcPayload(random, marker))).ToList();
        await Parallel.ForEachAsync(grpc, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (payload, ct) =>
        {
            StatusCode status;
            try
            {
                await intake.SubmitComplaintAsync(payload.Request.Message, auth, cancellationToken: ct);
                status = StatusCode.OK;
            }
            catch (RpcException ex)
            {
                status = ex.StatusCode;
            }
            lock (failures)
            {
                statuses[$"gRPC {status}"] = statuses.GetValueOrDefault($"gRPC {status}") + 1;
                if (status is not (StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.FailedPrecondition))
                {
                    failures.Add($"gRPC #{payload.Index} ({payload.Request.Damage}): {status} for {payload.Request.Message}");
                }
            }
        });

        var stored = await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.Description.Contains(marker)));
        var summary = $"seed {seed} (rerun with ICS_FUZZ_SEED={seed}); answers: {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} x{s.Value}"))}";
        Assert.True(failures.Count == 0, $"{failures.Count} payloads were not refused cleanly; {summary}\n" + string.Join("\n", failures.Take(20)));
        Assert.True(stored == 0, $"{stored} malformed complaints were stored; {summary}");
        Assert.Equal(RestPayloads + GrpcPayloads, statuses.Values.Sum());
    }

    private sealed record RestBody(byte[] Bytes, string ContentType, string Damage);

    private sealed record GrpcBody(SubmitComplaintRequest Message, string Damage);

    // A complaint a handler at RJ1 could record, before damage.
    private static JsonObject ValidComplaint(string marker) => new()
    {
        ["organisationCode"] = "RJ1",
        ["channel"] = "Phone",
        ["receivedOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["complainant"] = new JsonObject
        {
            ["name"] = "Fuzz Person",
            ["email"] = "fuzz@example.org",
            ["phone"] = "020 7946 0000",
            ["type"] = "Patient",
            ["address"] = new JsonObject { ["line1"] = "1 Demo Street", ["town"] = "London", ["postcode"] = "SE1 7EH" },
        },
        ["patient"] = new JsonObject { ["name"] = "Fuzz Patient", ["nhsNumber"] = "943 476 5919", ["dateOfBirth"] = "1960-01-01" },
        ["adjustments"] = new JsonObject { ["needs"] = new JsonArray("LargePrint") },
        ["eventDate"] = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["description"] = $"Generated complaint {marker}",
    };

    // Damage that must always be refused, each naming the field it breaks.
    private static readonly (string Name, Action<JsonObject, Random> Apply)[] Fatal =
    [
        ("unknown organisation", (o, r) => o["organisationCode"] = "ZZ" + r.Next(1000, 9999)),
        ("malformed organisation", (o, r) => o["organisationCode"] = Pick(r, "", "R J1", "RJ1!", new string('A', 10), "\u0000RJ1", "🏥")),
        ("future received date", (o, _) => o["receivedOn"] = "2999-01-01"),
        ("impossible date", (o, r) => o["receivedOn"] = Pick(r, "2026-02-30", "26-11-2026", "yesterday", "2026-13-01", "0000-00-00")),
        ("no description", (o, r) => o["description"] = Pick(r, "", "   ")),
        ("huge description", (o, _) => o["description"] = new string('x', 20_001)),
        ("no name", (o, _) => Complainant(o)["name"] = ""),
        ("control characters in name", (o, _) => Complainant(o)["name"] = "Fuzz\u0007Person"),
        ("bad e-mail", (o, r) => Complainant(o)["email"] = Pick(r, "not-an-email", "a@", "@b.org", "a b@example.org", new string('a', 250) + "@x.org")),
        ("bad phone", (o, r) => Complainant(o)["phone"] = Pick(r, "12345", "+1 202 555 0100", "phone me", "0" + new string('1', 20))),
        ("bad postcode", (o, r) => Complainant(o)["address"] = new JsonObject { ["line1"] = "1 Demo Street", ["postcode"] = Pick(r, "12345", "SE1 7CI", "XXXX XXX") }),
        ("bad NHS number", (o, r) => Patient(o)["nhsNumber"] = Pick(r, "987 654 4321", "123", "abcdefghij", "94347659190")),
        ("future birth", (o, _) => Patient(o)["dateOfBirth"] = "2999-01-01"),
        ("event after receipt", (o, _) => o["eventDate"] = "2999-01-01"),
        ("aware before event", (o, _) => { o["eventDate"] = "2024-05-05"; o["awareDate"] = "2024-05-04"; }),
        ("bad channel", (o, r) => o["channel"] = Pick(r, "Pigeon", "3", "Online; DROP TABLE")),
        ("bad complainant type", (o, _) => Complainant(o)["type"] = "Cousin"),
        ("representative without basis", (o, _) => Complainant(o)["type"] = "Representative"),
        ("bad adjustment", (o, _) => o["adjustments"] = new JsonObject { ["needs"] = new JsonArray("Telepathy") }),
        ("bad consent", (o, _) => o["shareWithProviderConsent"] = "Maybe"),
        ("written record for a letter", (o, _) => { o["channel"] = "Letter"; o["writtenRecordSentOn"] = "2026-01-05"; }),
        ("unknown provider", (o, _) => o["aboutOrganisationCodes"] = new JsonArray("NOPE1")),
        ("too many providers", (o, _) => o["aboutOrganisationCodes"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode?)JsonValue.Create("RJZ"))])),
        ("number for text", (o, _) => Complainant(o)["name"] = 42),
        ("object for text", (o, _) => o["organisationCode"] = new JsonObject { ["code"] = "RJ1" }),
        ("array for object", (o, _) => o["complainant"] = new JsonArray(1, 2)),
        ("text for object", (o, _) => o["patient"] = "Fuzz Patient"),
        ("text for list", (o, _) => o["aboutOrganisationCodes"] = "RJZ"),
        // Unknown fields are refused, so a misspelt one is never silently dropped.
        ("very long unknown text", (o, _) => o["notes"] = new string('n', 5_000)),
        ("deep nesting", (o, _) => o["extra"] = Nest(64)),
        ("unknown field", (o, r) => o["x" + r.Next(100)] = Pick(r, "y", "")),
    ];

    // Damage that may or may not be acceptable on its own.
    private static readonly (string Name, Action<JsonObject, Random> Apply)[] Incidental =
    [
        ("drop optional field", (o, r) => o.Remove(Pick(r, "channel", "receivedOn", "patient", "adjustments", "eventDate"))),
        ("null field", (o, r) => o[Pick(r, "patient", "adjustments", "eventDate", "awareDate")] = null),
        ("emoji in name", (o, _) => Complainant(o)["name"] = "Fuzz 🙂 Person"),
        ("lower-case code", (o, _) => o["organisationCode"] = "rj1"),
        ("boolean consent", (o, _) => o["shareWithProviderConsent"] = "Given"),
    ];

    private static RestBody RestPayload(Random random, string marker)
    {
        var complaint = ValidComplaint(marker);
        var damage = new List<string>();
        for (var i = random.Next(3); i > 0; i--)
        {
            var (name, apply) = Incidental[random.Next(Incidental.Length)];
            apply(complaint, random);
            damage.Add(name);
        }
        var (fatal, applyFatal) = Fatal[random.Next(Fatal.Length)];
        applyFatal(complaint, random);
        damage.Add(fatal);
        var text = complaint.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(text);
        var contentType = "application/json";
        switch (random.Next(10))
        {
            case 0:
                // Cut short: not JSON at all.
                bytes = bytes[..random.Next(1, bytes.Length)];
                damage.Add("truncated");
                break;
            case 1:
                // Bytes that are not UTF-8, inside a string.
                bytes = [.. Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(text[(text.Length / 2)..])];
                damage.Add("invalid UTF-8");
                break;
            case 2:
                contentType = Pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded");
                damage.Add("wrong content type");
                break;
        }
        return new RestBody(bytes, contentType, string.Join(", ", damage));
    }

    private static GrpcBody GrpcPayload(Random random, string marker)
    {
        var request = new SubmitComplaintRequest
        {
            OrganisationCode = "RJ1",
            Channel = Channel.Pals,
            Complainant = new Complainant { Name = "Fuzz Person", Email = "fuzz@example.org", Phone = "020 7946 0000" },
            Patient = new Patient { NhsNumber = "9434765919" },
            Description = $"Generated complaint {marker}",
        };
        var damage = random.Next(16) switch
        {
            0 => Damage("organisation code", () => request.OrganisationCode = Pick(random, "", "R J1", "ZZ9999", "🏥")),
            1 => Damage("received date", () => request.ReceivedOn = Pick(random, "2999-01-01", "2026-02-30", "tomorrow")),
            2 => Damage("undefined channel", () => request.Channel = (Channel)random.Next(8, 1000)),
            3 => Damage("name", () => request.Complainant.Name = Pick(random, "", "\u0001", new string('n', 201))),
            4 => Damage("e-mail", () => request.Complainant.Email = "not-an-email"),
            5 => Damage("phone", () => request.Complainant.Phone = "+1 202 555 0100"),
            6 => Damage("NHS number", () => request.Patient.NhsNumber = "9876544321"),
            7 => Damage("description", () => request.Description = Pick(random, "", new string('d', 20_001))),
            8 => Damage("no complainant", () => request.Complainant = null),
            9 => Damage("complainant type", () => request.Complainant.Type = "Cousin"),
            10 => Damage("representation without representative", () => request.Representation = new Representation { Basis = "Whim" }),
            11 => Damage("adjustment", () => request.Adjustments = new Adjustments { Needs = { "Telepathy" } }),
            12 => Damage("provider code", () => request.AboutOrganisationCodes.Add(Pick(random, "NOPE1", "", "710"))),
            13 => Damage("event date", () => request.EventDate = "2999-01-01"),
            14 => Damage("consent", () => request.ShareWithProviderConsent = "Perhaps"),
            _ => Damage("written record date", () => request.WrittenRecordSentOn = "1999-01-01"),
        };
        return new GrpcBody(request, damage);
    }

    private static string Damage(string name, Action change)
    {
        change();
        return name;
    }

    private static JsonObject Complainant(JsonObject o) =>
        o["complainant"] as JsonObject ?? (JsonObject)(o["complainant"] = new JsonObject { ["name"] = "Fuzz Person" });

    private static JsonObject Patient(JsonObject o) =>
        o["patient"] as JsonObject ?? (JsonObject)(o["patient"] = new JsonObject());

    private static JsonNode Nest(int depth) => depth == 0 ? JsonValue.Create(1) : new JsonObject { ["a"] = Nest(depth - 1) };

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
