using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IcsComplaints.DemoSeed;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// A stand-in for the gateway as tools/DemoSeed uses it: identity's token endpoint (a token per user with the demo
/// password), intake's submission (an id and reference per Idempotency-Key, replayed for a repeated key) and
/// decisions (a repeated one refused with 409), and the case service's list by reference and its steps. A case opens after <see cref="PollsBeforeOpen"/>
/// lists and leaves Received at its first step. Every call but sign-in is recorded in order.
/// </summary>
internal sealed class StandInGateway : HttpMessageHandler
{
    private readonly Dictionary<string, (string Id, string Reference)> _complaints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string CaseId, string Stage, int Polls)> _cases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _decisions = new(StringComparer.Ordinal);

    /// <summary>When set, every submission gets this status.</summary>
    public HttpStatusCode? Answer { get; init; }

    /// <summary>When set, every submission says it replays an earlier one.</summary>
    public bool Replayed { get; init; }

    /// <summary>A user who cannot sign in.</summary>
    public string? Refused { get; init; }

    /// <summary>Case lists answered empty before a case shows.</summary>
    public int PollsBeforeOpen { get; init; }

    /// <summary>No case ever opens.</summary>
    public bool NoCaseOpens { get; init; }

    /// <summary>Steps refused for the gateway's rate limit (429, to retry at once) before any is answered.</summary>
    public int RateLimitedSteps { get; set; }

    /// <summary>Statuses given to steps whose path ends so, instead of 200.</summary>
    public Dictionary<string, HttpStatusCode> StepAnswers { get; } = new(StringComparer.Ordinal);

    public List<string> SignedIn { get; } = [];

    public List<Call> Calls { get; } = [];

    public IEnumerable<Call> Submitted => Calls.Where(c => c.Path == "/api/v1/complaints");

    public IEnumerable<Call> Steps => Calls.Where(c => c.Method != "GET" && c.Path != "/api/v1/complaints");

    /// <summary>The id the stand-in gave the complaint submitted with <paramref name="key"/>.</summary>
    public string ComplaintIdOf(string key) => _complaints[key].Id;

    /// <summary>The id the stand-in gave the case of a complaint.</summary>
    public string CaseIdOf(string reference) => _cases[reference].CaseId;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/connect/token")
        {
            var form = body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            Assert.Equal(("password", DemoGateway.Client, "demo-password"), (form["grant_type"], form["client_id"], form["password"]));
            SignedIn.Add(form["username"]);
            return form["username"] == Refused
                ? Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""")
                : Json(HttpStatusCode.OK, $$"""{"access_token":"token-of-{{form["username"]}}"}""");
        }
        var token = request.Headers.Authorization!.Parameter!;
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var call = new Call(token["token-of-".Length..], token, request.Method.Method, path, request.RequestUri.Query, key, body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject());
        Calls.Add(call);
        if (path == "/api/v1/complaints")
        {
            return Submit(call);
        }
        if (path == "/api/v1/cases" && request.Method == HttpMethod.Get)
        {
            return ListCases(Uri.UnescapeDataString(request.RequestUri.Query["?reference=".Length..]));
        }
        if (RateLimitedSteps > 0)
        {
            RateLimitedSteps--;
            var limited = Json(HttpStatusCode.TooManyRequests, "");
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return limited;
        }
        var status = StepAnswers.FirstOrDefault(a => path.EndsWith(a.Key, StringComparison.Ordinal)).Value;
        status = status == default ? HttpStatusCode.OK : status;
        // Intake refuses a decision already taken (a transfer made) as a conflict with the complaint's state.
        if (status == HttpStatusCode.OK && path.StartsWith("/api/v1/complaints/", StringComparison.Ordinal) && !_decisions.Add(path))
        {
            status = HttpStatusCode.Conflict;
        }
        if (status == HttpStatusCode.OK && path.StartsWith("/api/v1/cases/", StringComparison.Ordinal))
        {
            var (reference, (caseId, _, polls)) = _cases.Single(c => path.StartsWith($"/api/v1/cases/{c.Value.CaseId}/", StringComparison.Ordinal));
            _cases[reference] = (caseId, "Acknowledged", polls);
        }
        return Json(status, "{}");
    }

    private HttpResponseMessage Submit(Call call)
    {
        var repeated = _complaints.TryGetValue(call.Key!, out var complaint);
        if (!repeated)
        {
            complaint = _complaints[call.Key!] = (Guid.NewGuid().ToString(), $"ICS-{(_complaints.Count + 1).ToString(CultureInfo.InvariantCulture)}");
        }
        var response = Json(Answer ?? HttpStatusCode.Created, $$"""{"id":"{{complaint.Id}}","reference":"{{complaint.Reference}}"}""");
        if (Replayed || (Answer is null && repeated))
        {
            response.Headers.Add("Idempotent-Replayed", "true");
        }
        return response;
    }

    private HttpResponseMessage ListCases(string reference)
    {
        if (!_cases.TryGetValue(reference, out var found))
        {
            found = _cases[reference] = (Guid.NewGuid().ToString(), "Received", 0);
        }
        _cases[reference] = found with { Polls = found.Polls + 1 };
        return NoCaseOpens || found.Polls < PollsBeforeOpen
            ? Json(HttpStatusCode.OK, """{"items":[]}""")
            : Json(HttpStatusCode.OK, $$"""{"items":[{"caseId":"{{found.CaseId}}","reference":"{{reference}}","stage":"{{found.Stage}}"}]}""");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body) };

    /// <summary>A call through the stand-in.</summary>
    public sealed record Call(string User, string Token, string Method, string Path, string Query, string? Key, JsonObject? Body);
}
