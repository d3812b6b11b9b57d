using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Bench.Common;
using IcsComplaints.Calendar;
using Npgsql;

namespace IcsComplaints.Bench.Intake;

/// <summary>One step of a lifecycle as it went: its name, how long it took (waits for other services included) and how many requests it made.</summary>
internal readonly record struct StepTime(string Step, double Milliseconds, int Requests);

/// <summary>
/// A complaint's whole life through the gateway, as a provider's complaints team, an advocate and the person
/// responsible for the response live it (the calls of tests/IcsComplaints.AdvocacyReferral.Tests AdvocacyTests and
/// Case.Tests CaseProcedureTests): submitted by the handler; the case opened by the case service; an advocacy referral
/// the complainant consented to in writing, drafts included, recorded by the handler and accepted by the advocacy
/// service; acknowledged; a closer look with an investigation plan; the response date agreed; the response drafted
/// and shared with the advocate, who approves it; signed by the responsible person; sent; KO41-coded; closed; and
/// the closed case seen by reporting. A step that depends on an event another service has not yet received (the
/// advocacy service learning of the case, the case service learning of the consent or of the completed review) is
/// tried again every 200 ms, as a person would press again; its time includes that wait.
/// </summary>
internal sealed class Lifecycles(HttpClient gateway, DemoTokens tokens, string reportingdb)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());
    private int _people;

    /// <summary>The providers whose teams take complaints through: each with its handler and responsible person, both in ADV01's area.</summary>
    public static readonly string[] Providers = ["rj1", "rjz"];

    /// <summary>The demo users the lifecycles act as.</summary>
    public static IEnumerable<string> Users => Providers.SelectMany(p => new[] { "handler." + p, "responsible." + p }).Append("advocate.adv01");

    /// <summary>Runs one lifecycle at <paramref name="provider"/>, returning the time of each step.</summary>
    public async Task<List<StepTime>> RunAsync(string provider, CancellationToken ct)
    {
        var handler = "handler." + provider;
        var times = new List<StepTime>();
        var today = LondonTime.Today(TimeProvider.System);
        var number = Interlocked.Increment(ref _people);
        var person = People.Draw(new Random(number), number);

        var submitted = await StepAsync(times, "submit", handler, HttpMethod.Post, "api/v1/complaints", new
        {
            organisationCode = provider.ToUpperInvariant(),
            channel = "Letter",
            complainant = new { name = person.Name, email = person.Email, phone = person.Phone, address = new { line1 = person.Street, town = person.Town, postcode = "SE1 7EH" } },
            patient = new { name = person.Name, nhsNumber = person.NhsNumber, dateOfBirth = Iso(person.DateOfBirth) },
            description = "My follow-up appointment was cancelled twice, and nobody told me why or when I would be seen.",
            desiredOutcome = "An explanation and a new appointment.",
        }, ct);
        var reference = submitted.GetProperty("reference").GetString()!;
        var caseId = await WaitAsync(times, "case opened", handler, $"api/v1/cases?reference={reference}",
            page => page.GetProperty("items") is { } items && items.GetArrayLength() > 0 ? items[0].GetProperty("caseId").GetGuid() : (Guid?)null, ct);
        var referral = await StepAsync(times, "advocacy referral", handler, HttpMethod.Post, "api/v1/advocacy/referrals", new
        {
            caseId, postcode = "SE1 7EH", consent = new { viewCase = true, reviewDrafts = true, evidence = "Written" },
        }, ct, retryOn: HttpStatusCode.NotFound);
        await StepAsync(times, "advocate accepts", "advocate.adv01", HttpMethod.Post,
            $"api/v1/advocacy/referrals/{referral.GetProperty("items")[0].GetProperty("id").GetGuid()}/acceptance", new { advocateName = "Ada Advocate" }, ct);
        await StepAsync(times, "acknowledge", handler, HttpMethod.Post, Case(caseId, "acknowledgement"), new { channel = "Letter", discussionOffered = true }, ct);
        await StepAsync(times, "closer look", handler, HttpMethod.Post, Case(caseId, "closer-look"), new
        {
            reason = "The complainant wants the booking records reviewed.",
            issues = Issues, outcomesSought = Sought, evidence = Evidence, peopleToSpeakTo = Witnesses,
            investigator = new { subjectId = "", name = "Ivy Investigator" },
            priorInvolvement = false, conflictOfInterest = false, responsiblePerson = new { name = "Rhys Responsible" },
        }, ct);
        await StepAsync(times, "agree response date", handler, HttpMethod.Post, Case(caseId, "response-date"), new { dueBy = Iso(Calendar.AddWorkingDays(today, 25)) }, ct);
        await StepAsync(times, "draft response", handler, HttpMethod.Put, Case(caseId, "response-draft"), new
        {
            complaintSummary = "You told us your follow-up appointment was cancelled twice.",
            outcomesSought = "An explanation and a new appointment.",
            investigation = "We read the booking records and spoke to the clinic manager.",
            findings = new[] { new { issue = Issues[0], conclusion = "They were cancelled without a reason given.", reasons = "The booking records.", upheld = true } },
            apology = "We are sorry.",
            changes = new[] { new { action = "Cancellation letters give the reason.", by = Iso(today.AddDays(60)) } },
            remedy = "A new appointment within two weeks.",
        }, ct);
        // The case service learns of the advocate's consent to review drafts from the advocacy service's event.
        await StepAsync(times, "share draft with advocate", handler, HttpMethod.Post, Case(caseId, "response-draft/sharing"), new { }, ct, retryOn: HttpStatusCode.Conflict);
        var review = await WaitAsync(times, "advocate sees the draft", "advocate.adv01", $"api/v1/advocacy/reviews?caseId={caseId}",
            page => page.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("status").GetString() == "Open").Select(r => (long?)r.GetProperty("id").GetInt64()).FirstOrDefault(), ct);
        await StepAsync(times, "advocate approves", "advocate.adv01", HttpMethod.Post, $"api/v1/advocacy/reviews/{review}/completion", new { verdict = "Approved" }, ct);
        await StepAsync(times, "sign", "responsible." + provider, HttpMethod.Post, Case(caseId, "final-response/signature"), new { name = "Rhys Responsible", title = "Chief Executive" }, ct);
        // Sending waits for the case service to learn that the review is complete.
        await StepAsync(times, "send final response", handler, HttpMethod.Post, Case(caseId, "final-response/sending"), new { channel = "Letter" }, ct, retryOn: HttpStatusCode.Conflict);
        await StepAsync(times, "code (KO41)", handler, HttpMethod.Put, Case(caseId, "coding"), new
        {
            subjects = Subjects, serviceArea = "Medical", professions = Professions, ageBand = "56-64", complainantStatus = "Patient",
        }, ct);
        await StepAsync(times, "close", handler, HttpMethod.Post, Case(caseId, "closure"), new { }, ct);
        await SeenInReportingAsync(times, caseId, ct);
        return times;
    }

    // A request that must succeed; the statuses in retryOn mean "not yet" and are tried again every 200 ms.
    private async Task<JsonElement> StepAsync(
        List<StepTime> times, string step, string user, HttpMethod method, string path, object body, CancellationToken ct, HttpStatusCode? retryOn = null)
    {
        var watch = Stopwatch.StartNew();
        for (var requests = 1; ; requests++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = await tokens.ForAsync(user, ct);
            if (step == "submit")
            {
                request.Headers.Add("Idempotency-Key", "lifecycle-" + Guid.NewGuid().ToString("N"));
            }
            using var response = await gateway.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                times.Add(new StepTime(step, watch.Elapsed.TotalMilliseconds, requests));
                return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }
            if (response.StatusCode != retryOn || watch.Elapsed > Patience)
            {
                throw new InvalidOperationException($"{step}: {(int)response.StatusCode} {(text.Length > 400 ? text[..400] : text)}");
            }
            await Task.Delay(200, ct);
        }
    }

    // A GET repeated every 200 ms until what it reads is there.
    private async Task<T> WaitAsync<T>(List<StepTime> times, string step, string user, string path, Func<JsonElement, T?> read, CancellationToken ct)
        where T : struct
    {
        var watch = Stopwatch.StartNew();
        for (var requests = 1; ; requests++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = await tokens.ForAsync(user, ct);
            using var response = await gateway.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
            if (read(await response.Content.ReadFromJsonAsync<JsonElement>(ct)) is { } found)
            {
                times.Add(new StepTime(step, watch.Elapsed.TotalMilliseconds, requests));
                return found;
            }
            if (watch.Elapsed > Patience)
            {
                throw new InvalidOperationException($"{step}: nothing after {Patience.TotalSeconds:0} s.");
            }
            await Task.Delay(200, ct);
        }
    }

    // Reporting's fact for the case, closed: read as reporting's runtime role, as Downstream reads.
    private async Task SeenInReportingAsync(List<StepTime> times, Guid caseId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(reportingdb);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM reporting.case_facts WHERE case_id = $1 AND closed_on IS NOT NULL AND subjects <> '{}')", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        for (var reads = 1; ; reads++)
        {
            if ((bool)(await command.ExecuteScalarAsync(ct))!)
            {
                times.Add(new StepTime("seen closed and coded in reporting", watch.Elapsed.TotalMilliseconds, 0));
                return;
            }
            if (watch.Elapsed > Patience)
            {
                throw new InvalidOperationException($"Reporting had not seen case {caseId} closed after {Patience.TotalSeconds:0} s.");
            }
            await Task.Delay(200, ct);
        }
    }

    private static string Case(Guid caseId, string step) => $"api/v1/cases/{caseId}/{step}";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] Issues = ["The cancelled appointments"];
    private static readonly string[] Sought = ["An explanation", "A new appointment"];
    private static readonly string[] Evidence = ["Booking records"];
    private static readonly string[] Witnesses = ["Clinic manager"];
    private static readonly string[] Subjects = ["Appointments", "Communications"];
    private static readonly string[] Professions = ["Administrative and clerical"];
}

/// <summary>Many lifecycles at once: as many teams as asked, each taking complaints through one after another.</summary>
internal static class LifecycleLoad
{
    public static async Task<(int Completed, List<string> Failures, List<List<StepTime>> Lifecycles, double Seconds)> RunAsync(
        Lifecycles lifecycles, int concurrency, TimeSpan duration)
    {
        var completed = new ConcurrentBag<List<StepTime>>();
        var failures = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var provider = Lifecycles.Providers[i % Lifecycles.Providers.Length];
            while (watch.Elapsed < duration)
            {
                try
                {
                    completed.Add(await lifecycles.RunAsync(provider, CancellationToken.None));
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    failures.Add(e.Message);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        return (completed.Count, [.. failures], [.. completed], watch.Elapsed.TotalSeconds);
    }
}
