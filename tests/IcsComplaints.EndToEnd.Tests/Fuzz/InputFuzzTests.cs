// Over 300 lines on purpose: the fuzz run's three properties (bad input refused with a client error, nothing changed
// when refused, only valid values stored) share the route catalogue and the traced writes they are checked against.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every write route of every service, over REST and gRPC, straight to the service and
/// through the gateway, as every kind of user. The properties: bad input never causes a server error (5xx,
/// <c>UNKNOWN</c>, <c>INTERNAL</c>); a refused request changed no database (every SQL statement is traced, and a
/// refused request's trace must hold no write); error details stay small; and whatever was accepted is stored within
/// the rules (no control characters, no invisible-only text, no dates at the ends of time).
/// </summary>
/// <remarks>
/// A short run here; <c>./ics bench fuzz</c> runs the same properties for 10,000 REST and 5,000 gRPC requests
/// (<c>ICS_FUZZ_REST</c>, <c>ICS_FUZZ_GRPC</c>). <c>ICS_FUZZ_SEED</c> replays a run: the seed is in every failure.
/// Failures are listed, not thrown; <c>ICS_FUZZ_SHRINK=1</c> stops at the first and shrinks it to the smallest request that fails.
/// </remarks>
public sealed class InputFuzzTests(IcsSystem system)
{
    private const int MaxErrorBytes = 32 * 1024;

    private static readonly int RestRequests = Setting("ICS_FUZZ_REST", 1_200);
    private static readonly int GrpcRequests = Setting("ICS_FUZZ_GRPC", 600);
    private static readonly int ExampleRequests = Setting("ICS_FUZZ_EXAMPLES", 800);

    [Fact]
    public async Task EveryRestWriteRoute_RefusesBadInputWithA4xx_ChangesNothingWhenRefusing_AndStoresOnlyValuesWithinTheRules()
    {
        var world = await FuzzWorld.CreateAsync(system);
        var routes = FuzzTargets.Rest(system.ServiceHosts());
        Assert.True(routes.Count >= 60, $"only {routes.Count} REST write routes were found: " + string.Join("; ", routes));
        var failures = new Failures();
        using var http = Client();
        var request = Gen.Select(Gen.Int[0, routes.Count - 1], Gen.OneOf(FuzzWorld.Users), Gen.Bool, Gen.Int[0, 19], (r, u, g, damage) => (Route: routes[r], User: u, ViaGateway: g, Damage: damage))
            .SelectMany(x => Gen.Select(
                x.Route.BodyType is { } type ? world.Inputs.Json(type) : Gen.Const(() => (JsonNode?)null),
                PathOf(x.Route, world), FuzzInputs.ContentType, FuzzInputs.BrokenBody, Gen.Int[0, 9],
                (body, path, contentType, broken, headers) => new RestCase(x.Route, x.User, x.ViaGateway, path, body, contentType, x.Damage == 0 ? broken : null, headers)));

        var shrunk = await SampleAsync(request, async c =>
        {
            var trace = ActivityTraceId.CreateRandom();
            using var message = new HttpRequestMessage(new HttpMethod(c.Route.Method), new Uri((c.ViaGateway ? system.Gateway.HttpAddress : c.Route.ServiceAddress), c.Path));
            message.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            if (c.User is not null)
            {
                message.Headers.TryAddWithoutValidation("Authorization", c.Headers == 1 ? "Bearer tökén" : "Bearer " + world.Tokens[c.User]);
            }
            if (c.Headers == 2)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", "clé-" + Guid.NewGuid());
            }
            else if (c.Headers == 3)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            }
            if (c.Broken is { } broken)
            {
                message.Content = new ByteArrayContent(broken.Bytes);
                message.Content.Headers.TryAddWithoutValidation("Content-Type", broken.ContentType);
            }
            else if (c.Body is not null || c.Route.BodyType is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body?.ToJsonString() ?? "null"));
                var contentType = c.Headers == 4 ? "application/jsön" : c.ContentType;
                if (contentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync();
            failures.Count($"REST {status}");
            if (status >= 500)
            {
                failures.Fail(c, $"answered {status}: {Preview(body)}");
            }
            else if (status >= 400)
            {
                if (system.Capture.DatabaseWrites.Of(trace) is [var first, ..] writes)
                {
                    failures.Fail(c, $"refused with {status} but wrote {writes.Count} time(s), first: {first[..Math.Min(160, first.Length)]}");
                }
                if (body.Length > MaxErrorBytes)
                {
                    failures.Fail(c, $"refused with {status} and {body.Length:N0} bytes of details");
                }
            }
        }, RestRequests, c => c.ToString());

        await RestoreSharedSettingsAsync();
        await AssertCleanAsync(failures, routes.Count + " REST write routes", shrunk);
    }

    [Fact]
    public async Task EveryGrpcWriteMethod_RefusesBadInputWithAClientStatus_ChangesNothingWhenRefusing_AndStoresOnlyValuesWithinTheRules()
    {
        var world = await FuzzWorld.CreateAsync(system);
        var methods = FuzzTargets.Grpc(system.ServiceHosts());
        Assert.True(methods.Count >= 30, $"only {methods.Count} gRPC write methods were found: " + string.Join("; ", methods));
        var failures = new Failures();
        using var gateway = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var direct = system.ServiceHosts().ToDictionary(h => h.Name, h => GrpcChannel.ForAddress(system.GrpcAddressOf(h.Name)));
        var request = Gen.Select(Gen.Int[0, methods.Count - 1], Gen.OneOf(FuzzWorld.Users), Gen.Bool, Gen.Int[0, 19], (m, u, g, damage) => (Method: methods[m], User: u, ViaGateway: g, Damage: damage))
            .SelectMany(x =>
            {
                var message = world.Inputs.Message(x.Method.Request);
                var frame = x.Damage switch
                {
                    0 or 1 => FuzzInputs.DamagedFrame(message, x.Method.Request),
                    // Over the message size limit: must be RESOURCE_EXHAUSTED, never anything else.
                    2 => Gen.Const((Bytes: new byte[300 * 1024].Select((_, i) => (byte)(i == 0 ? 0x0A : i < 4 ? 0xFF : 'a')).ToArray(), Damage: "over the size limit")),
                    _ => message.Select(m => (Bytes: Google.Protobuf.MessageExtensions.ToByteArray(m), Damage: "")),
                };
                return frame.Select(f => new GrpcCase(x.Method, x.User, x.ViaGateway, f.Bytes, f.Damage));
            });

        var shrunk = await SampleAsync(request, async c =>
        {
            var trace = ActivityTraceId.CreateRandom();
            var headers = new Metadata { { "traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01" } };
            if (c.User is not null)
            {
                headers.Add("authorization", "Bearer " + world.Tokens[c.User]);
            }
            var slash = c.Method.FullName.LastIndexOf('/');
            var method = new Method<byte[], byte[]>(MethodType.Unary, c.Method.FullName[1..slash], c.Method.FullName[(slash + 1)..], Raw, Raw);
            var channel = c.ViaGateway ? gateway : direct[c.Method.Service];
            StatusCode status;
            var detailBytes = 0;
            try
            {
                await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), c.Bytes);
                status = StatusCode.OK;
            }
            catch (RpcException ex)
            {
                status = ex.StatusCode;
                detailBytes = ex.Status.Detail.Length + ex.Trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length));
            }
            failures.Count($"gRPC {status}");
            if (status is StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss or StatusCode.DeadlineExceeded or StatusCode.Cancelled)
            {
                failures.Fail(c, $"answered {status}");
            }
            else if (status != StatusCode.OK)
            {
                if (system.Capture.DatabaseWrites.Of(trace) is [var first, ..] writes)
                {
                    failures.Fail(c, $"refused with {status} but wrote {writes.Count} time(s), first: {first[..Math.Min(160, first.Length)]}");
                }
                if (detailBytes > MaxErrorBytes)
                {
                    failures.Fail(c, $"refused with {status} and {detailBytes:N0} bytes of details");
                }
                // A caller who may not call is told so before the message is read; anyone else hears that it is too large.
                if (c.Damage == "over the size limit" && status is not (StatusCode.ResourceExhausted or StatusCode.Unauthenticated or StatusCode.PermissionDenied))
                {
                    failures.Fail(c, $"an oversized message answered {status}, not ResourceExhausted");
                }
            }
        }, GrpcRequests, c => c.ToString());

        foreach (var channel in direct.Values)
        {
            channel.Dispose();
        }
        await AssertCleanAsync(failures, methods.Count + " gRPC write methods", shrunk);
    }

    [Fact]
    public async Task ValidRequestsWithOneValueDamaged_AreRefusedOrStoredWithinTheRules_AndNeverCauseAServerError()
    {
        var world = await FuzzWorld.CreateAsync(system);
        var failures = new Failures();
        using var http = Client();
        var filled = FuzzExamples.All.Select(e => (Example: e, Filled: FuzzExamples.Fill(e, world.Records))).ToList();
        var request = Gen.Select(Gen.Int[0, filled.Count - 1], Gen.Bool, Gen.Int[0, 9], (i, g, keep) => (Index: i, ViaGateway: g, Keep: keep == 0))
            .SelectMany(x =>
            {
                var (example, (path, body)) = filled[x.Index];
                var leaves = FuzzExamples.Leaves(body);
                return x.Keep || leaves.Count == 0
                    ? Gen.Const(() => new ExampleCase(example, path, x.ViaGateway, body, "(unchanged)"))
                    : Gen.Select(Gen.Int[0, leaves.Count - 1], FuzzExamples.Damage, (leaf, value) =>
                        new ExampleCase(example, path, x.ViaGateway, FuzzExamples.With(body, leaves[leaf], value), $"{leaves[leaf]} = {value?.ToJsonString() ?? "null"}"));
            });

        var shrunk = await SampleAsync(request, async c =>
        {
            var trace = ActivityTraceId.CreateRandom();
            var address = c.ViaGateway ? system.Gateway.HttpAddress : system.ServiceHosts().Single(h => h.Name == ServiceOf(c.Path)).Address;
            using var message = new HttpRequestMessage(new HttpMethod(c.Example.Method), new Uri(address, c.Path))
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body.ToJsonString())),
            };
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            message.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + world.Tokens[c.Example.User]);
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            failures.Count($"REST {status}");
            if (status >= 500)
            {
                failures.Fail(c, $"answered {status}: {Preview(await response.Content.ReadAsByteArrayAsync())}");
            }
            else if (status >= 400 && system.Capture.DatabaseWrites.Of(trace) is [var first, ..])
            {
                failures.Fail(c, $"refused with {status} but wrote: {first[..Math.Min(160, first.Length)]}");
            }
        }, ExampleRequests, c => c.ToString());

        await RestoreSharedSettingsAsync();
        await AssertCleanAsync(failures, FuzzExamples.All.Length + " example requests", shrunk);
    }

    // Accepted requests may have changed an organisation's case settings (review window, early-resolution target); the
    // tests that run after expect the defaults.
    private Task<int> RestoreSharedSettingsAsync() =>
        system.InCaseDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"case\".organisation_settings"));

    // The service a path belongs to, for requests sent straight to it.
    private static string ServiceOf(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/cases", StringComparison.Ordinal) || path.StartsWith("/api/v1/case-settings", StringComparison.Ordinal) => "case",
        _ when path.StartsWith("/api/v1/advocacy", StringComparison.Ordinal) => "advocacy-referral",
        _ when path.StartsWith("/api/v1/learning", StringComparison.Ordinal) => "learning",
        _ => "intake",
    };

    private sealed record ExampleCase(FuzzExample Example, string Path, bool ViaGateway, JsonNode Body, string Damage)
    {
        public override string ToString() => $"{Example.Method} {Path} as {Example.User} {(ViaGateway ? "via gateway" : "direct")}: {Damage}";
    }

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private sealed record RestCase(RestWriteRoute Route, string? User, bool ViaGateway, string Path, JsonNode? Body, string? ContentType, (byte[] Bytes, string ContentType, string Damage)? Broken, int Headers)
    {
        public override string ToString()
        {
            var body = Broken is { } b ? $"[{b.Damage}]" : Body?.ToJsonString() ?? "(none)";
            var headers = Headers switch { 1 => " [non-ASCII Authorization]", 2 => " [non-ASCII Idempotency-Key]", 4 => " [non-ASCII Content-Type]", _ => "" };
            return $"{Route.Method} {Path} as {User ?? "anonymous"} {(ViaGateway ? "via gateway" : "direct")}{headers} ({ContentType}) {body[..Math.Min(600, body.Length)]}";
        }
    }

    private sealed record GrpcCase(GrpcWriteMethod Method, string? User, bool ViaGateway, byte[] Bytes, string Damage)
    {
        public override string ToString() =>
            $"{Method.FullName} as {User ?? "anonymous"} {(ViaGateway ? "via gateway" : "direct")} {(Damage.Length > 0 ? $"[{Damage}] " : "")}{Convert.ToHexString(Bytes[..Math.Min(200, Bytes.Length)])}";
    }

    // Route parameters: real identifiers mostly, so requests reach the handlers' checks; odd values sometimes.
    private static Gen<string> PathOf(RestWriteRoute route, FuzzWorld world)
    {
        Gen<List<string>> parts = Gen.Const(new List<string>());
        var previous = "";
        foreach (var segment in route.Pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                previous = part is RoutePatternLiteralPart l ? l.Content : previous;
                var value = part switch
                {
                    RoutePatternLiteralPart literal => Gen.Const(literal.Content),
                    RoutePatternSeparatorPart separator => Gen.Const(separator.Content),
                    RoutePatternParameterPart parameter => ParameterValue(route, parameter, previous, world),
                    _ => Gen.Const(""),
                };
                var index = parts;
                parts = index.SelectMany(list => value.Select(v => (List<string>)[.. list, v]));
            }
            parts = parts.Select(list => (List<string>)[.. list, "/"]);
        }
        return parts.Select(list => "/" + string.Concat(list).TrimEnd('/'));
    }

    private static Gen<string> ParameterValue(RestWriteRoute route, RoutePatternParameterPart parameter, string collection, FuzzWorld world)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid") && route.Service == "identity")
        {
            // Only the run's own accounts: never a demo user that other tests sign in as.
            return Gen.Frequency((4, Gen.OneOf([.. world.Records.Where(r => r.Key.StartsWith("identityUser", StringComparison.Ordinal)).Select(r => r.Value)])), (1, Gen.Guid.Select(g => g.ToString())));
        }
        if (constraints.Contains("guid"))
        {
            // /cases/{caseId} names a case, /referrals/{id} a referral: the table named like the segment before it.
            var own = world.IdsByTable.Where(t => t.Key.Length > 0 && (t.Key == collection || t.Key.EndsWith("_" + collection, StringComparison.Ordinal)))
                .SelectMany(t => t.Value).ToList();
            var any = Gen.Frequency((2, Gen.OneOf([.. world.Ids])), (1, Gen.Guid));
            return (own.Count > 0 ? Gen.Frequency((4, Gen.OneOf([.. own])), (1, any)) : any).Select(g => g.ToString());
        }
        if (constraints.Contains("int") || constraints.Contains("long"))
        {
            return Gen.Frequency((8, Gen.Int[1, 4]), (1, Gen.OneOf(0, -1, int.MaxValue))).Select(i => i.ToString(CultureInfo.InvariantCulture));
        }
        return parameter.Name switch
        {
            "kind" => Gen.OneOf("Complainant", "Staff", "Nope"),
            "subject" => Gen.OneOf("Complaint", "Response", "Nope"),
            "odsCode" => Gen.OneOf("RJ1", "QKK", "NOPE"),
            _ => Gen.OneOf("RJ1", "1", "x", Guid.NewGuid().ToString()),
        };
    }

    // Runs the property one request at a time (each request's trace is checked on its own). On a failure CsCheck shrinks
    // to the smallest failing request it can find; its report, with the seed that replays the run, comes back here.
    private static async Task<string?> SampleAsync<T>(Gen<T> gen, Func<T, Task> property, int iterations, Func<T, string> print)
    {
        var seed = Environment.GetEnvironmentVariable("ICS_FUZZ_SEED");
        try
        {
            await gen.SampleAsync(property, iter: iterations, threads: 1, seed: string.IsNullOrEmpty(seed) ? null : seed, print: print);
            return null;
        }
        catch (CsCheckException ex)
        {
            return ex.Message;
        }
    }

    private async Task AssertCleanAsync(Failures failures, string what, string? shrunk)
    {
        var stored = new List<string>();
        foreach (var connectionString in system.DatabaseConnectionStrings())
        {
            stored.AddRange(await StoredValueScan.FindAsync(connectionString));
        }
        var summary = $"{what}; answers: {failures.Summary()}";
        // Shown for a passing run too (with --output Detailed), so a long run's coverage can be read.
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.Messages.Count == 0 && shrunk is null,
            $"{failures.Messages.Count} requests were not refused cleanly; {summary}\n" + string.Join("\n", failures.Messages.Take(25)) + "\n" + shrunk);
        Assert.True(stored.Count == 0, $"{stored.Count} stored values break the rules; {summary}\n" + string.Join("\n", stored.Take(25)));
    }

    private static HttpClient Client() =>
        // Header values as a client might send them, not as .NET would refuse to: non-ASCII bytes reach the server.
        new(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body[..Math.Min(300, body.Length)]);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed class Failures
    {
        private readonly Dictionary<string, int> _answers = new(StringComparer.Ordinal);

        public List<string> Messages { get; } = [];

        public void Count(string answer)
        {
            lock (_answers)
            {
                _answers[answer] = _answers.GetValueOrDefault(answer) + 1;
            }
        }

        public void Fail(object request, string what)
        {
            lock (Messages)
            {
                Messages.Add($"{what} — {request}");
            }
            // Recorded rather than thrown, so one run lists every failure instead of stopping at the first.
            if (Environment.GetEnvironmentVariable("ICS_FUZZ_SHRINK") == "1")
            {
                throw new InvalidOperationException($"{what} — {request}");
            }
        }

        public string Summary() => string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} x{a.Value}"));
    }
}
