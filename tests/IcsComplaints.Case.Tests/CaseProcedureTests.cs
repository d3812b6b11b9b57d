extern alias cases;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;
using DeadlineMetrics = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineMetrics;
using DeadlineScanOptions = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineScanOptions;

using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The model complaint handling procedure with the demo users: a complaint walked from
/// acknowledgement to closure, and one whose deadlines are missed under a fake clock.
/// </summary>
public sealed class CaseProcedureTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AComplaint_IsAcknowledged_FailsEarlyResolution_IsLookedAtClosely_AndClosesWithASignedCompleteResponse()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        using var investigator = system.Http(await system.TokenAsync("investigator.rj1"));
        var received = Today.AddDays(-21);
        var (complaintId, reference) = await SubmitAsync(handler, received, "Walter Mbeki");
        var caseId = await CaseIdAsync(handler, reference);

        // Acknowledged by the third working day, with the offer to discuss (Reg 13).
        var detail = await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(received.AddDays(1)), channel = "Letter", discussionOffered = true });
        Assert.Equal("Acknowledged", Stage(detail));
        Assert.Contains(detail.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "Acknowledgement" && d.GetProperty("met").GetBoolean());
        await StepAsync(handler, caseId, "assignment", new { subjectId = "me", name = "Hana Handler" });
        // The acknowledgement letter offers the discussion and names the advocacy service of the complainant's area.
        var acknowledgement = Unwrapped(await handler.GetStringAsync(Path(caseId, "acknowledgement/letter?format=text")));
        Assert.Contains("Walter Mbeki", acknowledgement, StringComparison.Ordinal);
        Assert.Contains("Demo Independent Complaints Advocacy", acknowledgement, StringComparison.Ordinal);
        Assert.Contains("020 7946 0999", acknowledgement, StringComparison.Ordinal);

        // Early resolution fails: a closer look needs a reason, a plan, a checked investigator and the responsible person.
        detail = await StepAsync(handler, caseId, "early-resolution", new { startedOn = Iso(received.AddDays(1)) });
        Assert.Equal("EarlyResolution", Stage(detail));
        await RefusedAsync(handler, caseId, "closer-look", new { issues = new[] { "The wait" }, outcomesSought = new[] { "An apology" } }, HttpStatusCode.BadRequest,
            "reason", "investigator", "priorInvolvement", "conflictOfInterest", "responsiblePerson");
        detail = await StepAsync(handler, caseId, "closer-look", new
        {
            startedOn = Iso(received.AddDays(2)),
            reason = "The family want the ward's records reviewed.",
            issues = new[] { "The nine-hour wait", "Nobody explained the delay" },
            outcomesSought = new[] { "An explanation", "An apology" },
            evidence = new[] { "Emergency department records" },
            peopleToSpeakTo = new[] { "Nurse in charge" },
            investigator = new { subjectId = "", name = "Ivy Investigator" },
            priorInvolvement = false,
            conflictOfInterest = false,
            responsiblePerson = new { name = "Rhys Responsible" },
        });
        Assert.Equal("CloserLook", Stage(detail));

        // A response date agreed, then renegotiated with a reason; updates agreed and logged.
        var firstDate = Calendar.AddWorkingDays(Today, 10);
        await StepAsync(handler, caseId, "response-date", new { agreedOn = Iso(received.AddDays(2)), dueBy = Iso(firstDate) });
        await RefusedAsync(handler, caseId, "response-date", new { dueBy = Iso(Calendar.AddWorkingDays(Today, 15)) }, HttpStatusCode.BadRequest, "reason");
        detail = await StepAsync(handler, caseId, "response-date", new { agreedOn = Iso(received.AddDays(4)), dueBy = Iso(Calendar.AddWorkingDays(Today, 15)), reason = "Records arrive late from the archive." });
        Assert.Equal(2, detail.GetProperty("agreements").GetArrayLength());
        await StepAsync(handler, caseId, "update-frequency", new { everyWorkingDays = 5 });
        await StepAsync(investigator, caseId, "contacts", new { channel = "Phone", isUpdate = true, summary = "Told the family the records are requested." });

        // The clock pauses for an inquest and restarts; the response date in force moves on by the working days lost since it was agreed.
        var pauseFrom = Today.AddDays(-7);
        await StepAsync(handler, caseId, "pause", new { reason = "ParallelProcess", detail = "Coroner's inquest", from = Iso(pauseFrom) });
        detail = await StepAsync(handler, caseId, "resumption", new { on = Iso(Today) });
        var paused = Calendar.WorkingDaysBetween(pauseFrom, Today);
        Assert.Equal(paused, detail.GetProperty("pausedWorkingDays").GetInt32());
        Assert.Equal(Iso(Calendar.AddWorkingDays(Calendar.AddWorkingDays(Today, 15), paused)), detail.GetProperty("responseDueBy").GetString());

        // Staff complained about: told, supported, their comments used.
        detail = await StepAsync(investigator, caseId, "staff", new { name = "Sam Nurse", role = "Staff nurse", toldOn = Iso(received.AddDays(3)), supportOffered = "Occupational health and a named colleague" });
        var staffId = detail.GetProperty("staff")[0].GetProperty("id").GetInt64();
        using (var update = await investigator.PutAsJsonAsync(Path(caseId, $"staff/{staffId}"), new { comments = "The department was full.", commentsUse = "Quoted in the findings." }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        // An incomplete draft can be saved but not signed or sent.
        detail = await StepAsync(investigator, caseId, "response-draft", new { investigation = "We read the records." }, put: true);
        Assert.Equal("ResponseDrafted", Stage(detail));
        Assert.NotEmpty(detail.GetProperty("missingFromResponse").EnumerateArray());
        await RefusedAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" }, HttpStatusCode.BadRequest,
            "complaintSummary", "findings", "outcomesSought");
        await RefusedAsync(handler, caseId, "final-response/sending", new { channel = "Letter" }, HttpStatusCode.BadRequest, "complaintSummary");

        detail = await StepAsync(investigator, caseId, "response-draft", new
        {
            complaintSummary = "You told us your father waited nine hours and nobody explained why.",
            outcomesSought = "An explanation and an apology.",
            investigation = "We read the emergency department records and spoke to the nurse in charge.",
            findings = new[]
            {
                new { issue = "The nine-hour wait", conclusion = "Your father waited too long.", reasons = "The records show nine hours against a standard of four.", upheld = true },
                new { issue = "Nobody explained the delay", conclusion = "Staff did explain.", reasons = "The notes record two conversations.", upheld = false },
            },
            apology = "We are sorry that your father waited so long.",
            changes = new[] { new { action = "Hourly checks of patients waiting", by = Iso(Today.AddDays(60)) } },
        }, put: true);
        Assert.Empty(detail.GetProperty("missingFromResponse").EnumerateArray());

        // Signed by the responsible person (Reg 14), not by the handler; the letter names the complainant and the Ombudsman.
        await RefusedAsync(handler, caseId, "final-response/signature", new { name = "Hana Handler", title = "Complaints manager" }, HttpStatusCode.Forbidden);
        detail = await StepAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        Assert.Equal("Chief Executive", detail.GetProperty("signature").GetProperty("title").GetString());
        var letter = Unwrapped(await handler.GetStringAsync(Path(caseId, "final-response/letter?format=text")));
        Assert.Contains("Walter Mbeki", letter, StringComparison.Ordinal);
        Assert.Contains("0345 015 4033", letter, StringComparison.Ordinal);
        Assert.Contains("Demo Independent Complaints Advocacy", letter, StringComparison.Ordinal);
        Assert.Contains("final response", letter, StringComparison.OrdinalIgnoreCase);

        detail = await StepAsync(handler, caseId, "final-response/sending", new { channel = "Letter" });
        Assert.Equal(("FinalResponseSent", "PartiallyUpheld"), (Stage(detail), detail.GetProperty("summary").GetProperty("outcome").GetString()));

        // Closing needs KO41 coding; then the surveys.
        await RefusedAsync(handler, caseId, "closure", new { }, HttpStatusCode.Conflict);
        await RefusedPutAsync(handler, caseId, "coding", new { subjects = new[] { "Waiting times", "Clinical treatment" }, serviceArea = "A&E" }, HttpStatusCode.BadRequest,
            "professions", "clinicalSubCategories", "ageBand", "complainantStatus");
        await StepAsync(handler, caseId, "coding", new
        {
            subjects = new[] { "Waiting times", "Communications" }, serviceArea = "A&E", professions = new[] { "Nursing, midwifery and health visiting" },
            ageBand = "75+", complainantStatus = "On behalf of the patient",
        }, put: true);
        detail = await StepAsync(handler, caseId, "closure", new { });
        Assert.Equal(("Closed", "Resolved"), (Stage(detail), detail.GetProperty("summary").GetProperty("closure").GetString()));
        using (var survey = await handler.PostAsJsonAsync(Path(caseId, "surveys/Complainant"), new { answers = new { takenSeriously = "Yes", keptInformed = "Partly", updatesBeforeOutcome = "Yes" } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, survey.StatusCode);
        }
        using (var staffSurvey = await investigator.PostAsJsonAsync(Path(caseId, "surveys/Staff"), new { answers = new { toldEarly = "Yes", sawCommentsUsed = "Yes" } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, staffSurvey.StatusCode);
        }

        // Every transition became an event, with dates and codes only.
        var transitions = new[] { "Acknowledged", "EarlyResolution", "CloserLook", "ResponseDrafted", "FinalResponseSent", "Closed" };
        await Eventually.TrueAsync(
            () => Task.FromResult(transitions.All(to => Published(caseId, "\"To\":\"" + to + "\"")) && Published(caseId, "\"Outcome\":\"PartiallyUpheld\"")),
            Patience, "every stage change and the outcome are published");
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains("\"Kind\":\"Complainant\"", StringComparison.Ordinal) && m.Contains("\"takenSeriously\":\"Yes\"", StringComparison.Ordinal))),
            Patience, "the survey answers are published, without the case");
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains("Sam Nurse", StringComparison.Ordinal) || m.Contains("Mbeki", StringComparison.Ordinal));
        Assert.Equal(complaintId, (await handler.GetFromJsonAsync<JsonElement>(Path(caseId, ""))).GetProperty("complaintId").GetGuid());
    }

    [Fact]
    public async Task AComplaintResolvedEarlyByConversation_IsAnsweredWithoutASignedResponse_CountsAsResolvedEarly_AndCloses()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var received = Today.AddDays(-2);
        var (_, reference) = await SubmitAsync(handler, received, "Elle Early");
        var caseId = await CaseIdAsync(handler, reference);
        await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(received), channel = "Phone", discussionOffered = true });
        // Only a case being resolved early may be resolved early.
        await RefusedAsync(handler, caseId, "early-resolution/resolution", new { channel = "Phone", discussed = "x", agreed = "y", outcome = "Upheld" }, HttpStatusCode.Conflict);
        await StepAsync(handler, caseId, "early-resolution", new { startedOn = Iso(received) });

        // What was discussed and agreed, how, and the outcome are each required; nothing is stored without them.
        await RefusedAsync(handler, caseId, "early-resolution/resolution", new { resolvedOn = Iso(Today) }, HttpStatusCode.BadRequest,
            "channel", "discussed", "agreed", "outcome");
        var detail = await StepAsync(handler, caseId, "early-resolution/resolution", new
        {
            resolvedOn = Iso(Today), channel = "Phone", discussed = "Why the clinic letter did not arrive.",
            agreed = "A new appointment on Friday, and we will check the address we hold.", outcome = "PartiallyUpheld",
        });

        Assert.Equal("FinalResponseSent", Stage(detail));
        Assert.Equal(Iso(Today), detail.GetProperty("finalResponseSentOn").GetString());
        Assert.Equal("A new appointment on Friday, and we will check the address we hold.", detail.GetProperty("earlyResolution").GetProperty("agreed").GetString());
        Assert.False(detail.TryGetProperty("draft", out var draft) && draft.ValueKind != JsonValueKind.Null, "no draft was written");
        var early = detail.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "EarlyResolution");
        Assert.True(early.GetProperty("met").GetBoolean());
        await StepAsync(handler, caseId, "coding", new
        {
            subjects = new[] { "Appointments" }, serviceArea = "Medical", professions = new[] { "Administrative and clerical" }, ageBand = "56-64", complainantStatus = "Patient",
        }, put: true);
        detail = await StepAsync(handler, caseId, "closure", new { });
        Assert.Equal(("Closed", "Resolved"), (Stage(detail), detail.GetProperty("summary").GetProperty("closure").GetString()));

        // Counted as answered and resolved early, with its outcome; the words stay in the case.
        await Eventually.TrueAsync(() => Task.FromResult(Published(caseId, "\"ConfirmsEarlyResolution\":true")), Patience, "the early resolution is announced");
        var announced = system.Capture.Messages.First(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("\"ConfirmsEarlyResolution\":true", StringComparison.Ordinal));
        Assert.Contains("\"ResolvedEarly\":true", announced, StringComparison.Ordinal);
        Assert.Contains("\"Outcome\":\"PartiallyUpheld\"", announced, StringComparison.Ordinal);
        Assert.DoesNotContain("clinic letter", announced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderAFakeClock_AMissedAcknowledgementAndTheSixMonthBackstop_RaiseTheirEventsOnce()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rjz"));
        var received = Today.AddDays(-1);
        var (_, reference) = await SubmitAsync(handler, received, "Dana Late", organisation: "RJZ");
        var caseId = await CaseIdAsync(handler, reference);
        var clock = new FakeTimeProvider(new DateTimeOffset(received.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var monitor = new CaseDeadlineMonitor(
            system.Case.Services.GetRequiredService<IServiceScopeFactory>(), clock, Calendar, Options.Create(new DeadlineScanOptions()), system.Case.Services.GetRequiredService<DeadlineMetrics>(),
            NullLogger<CaseDeadlineMonitor>.Instance);

        // Two working days before the acknowledgement is due: approaching.
        clock.SetUtcNow(new DateTimeOffset(Calendar.AddWorkingDays(received, 1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await monitor.ScanAsync(CancellationToken.None);
        // Seven months on, nothing done: the acknowledgement and the Reg 14 backstop are missed.
        clock.SetUtcNow(new DateTimeOffset(received.AddMonths(7).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await monitor.ScanAsync(CancellationToken.None);
        await monitor.ScanAsync(CancellationToken.None);

        var alerts = await system.InCaseDb(db => db.DeadlineAlerts.Where(a => a.CaseId == caseId).Select(a => a.Level + ":" + a.Deadline).ToListAsync());
        Assert.Equal(["Approaching:Acknowledgement", "Missed:Acknowledgement", "Missed:Backstop"], alerts.Order(StringComparer.Ordinal));
        await Outboxes.PublishedAsync<CaseDbContext>(system.Case.Services, "case has published all three scans' events");
        // Sent messages only (PascalCase; deliveries are captured in camelCase): each alert once, however many scans.
        int Sent(string deadline, string kind) => system.Capture.Messages.Count(m => m.Contains(caseId.ToString(), StringComparison.Ordinal)
            && m.Contains($"\"Deadline\":\"{deadline}\"", StringComparison.Ordinal) && m.Contains(kind, StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (Sent("Acknowledgement", "\"WorkingDaysLeft\""), Sent("Acknowledgement", "\"DetectedOn\""), Sent("Backstop", "\"DetectedOn\"")));
        var detail = await handler.GetFromJsonAsync<JsonElement>(Path(caseId, "detail"));
        Assert.Equal(Iso(received.AddMonths(6)), detail.GetProperty("backstop").GetString());
    }

    [Fact]
    public async Task UnderAFakeClock_AnUpdateNobodyGaveByItsDay_IsWrittenOnce_AndTheNextIsDueFromIt()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        // Received yesterday, so the update falls due after today and only the fake clock below reaches it.
        var received = Today.AddDays(-1);
        var (_, reference) = await SubmitAsync(handler, received, "Uma Updated");
        var caseId = await CaseIdAsync(handler, reference);
        await StepAsync(handler, caseId, "update-frequency", new { everyWorkingDays = 5, agreedOn = Iso(received) });
        var due = Calendar.AddWorkingDays(received, 5);
        var clock = new FakeTimeProvider(new DateTimeOffset(due.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var monitor = new CaseDeadlineMonitor(
            system.Case.Services.GetRequiredService<IServiceScopeFactory>(), clock, Calendar, Options.Create(new DeadlineScanOptions()), system.Case.Services.GetRequiredService<DeadlineMetrics>(),
            NullLogger<CaseDeadlineMonitor>.Instance);

        await monitor.ScanAsync(CancellationToken.None);
        await monitor.ScanAsync(CancellationToken.None);

        var detail = await handler.GetFromJsonAsync<JsonElement>(Path(caseId, "detail"));
        var written = Assert.Single(detail.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("recordedBy").GetString() == "The complaints platform");
        Assert.Equal((Iso(due), true, true), (written.GetProperty("on").GetString(), written.GetProperty("isUpdate").GetBoolean(), written.GetProperty("outgoing").GetBoolean()));
        Assert.Equal(Iso(Calendar.AddWorkingDays(due, 5)), detail.GetProperty("nextUpdateDue").GetString());
        await Outboxes.PublishedAsync<CaseDbContext>(system.Case.Services, "case has published the scans' events");
        var announced = system.Capture.Messages.Where(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains("\"NextUpdateBy\"", StringComparison.Ordinal)).ToList();
        var update = Assert.Single(announced);
        Assert.Contains($"\"NextUpdateBy\":\"{Iso(Calendar.AddWorkingDays(due, 5))}\"", update, StringComparison.Ordinal);
        Assert.Contains("\"Stage\":\"Received\"", update, StringComparison.Ordinal);
        Assert.DoesNotContain("Uma Updated", update, StringComparison.Ordinal);
        // The team is not also told the update is due today: it has been written.
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains(caseId.ToString(), StringComparison.Ordinal)
            && m.Contains("\"Deadline\":\"Update\"", StringComparison.Ordinal) && m.Contains($"\"DueOn\":\"{Iso(due)}\"", StringComparison.Ordinal));
    }

    private bool Published(Guid caseId, string fragment) =>
        system.Capture.Messages.Any(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains(fragment, StringComparison.Ordinal));

    // The text letters wrap at 80 characters; phrases are looked for across line ends.
    private static string Unwrapped(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static Uri Path(Guid caseId, string step) => new(step.Length == 0 ? $"/api/v1/cases/{caseId}" : $"/api/v1/cases/{caseId}/{step}", UriKind.Relative);

    private static string? Stage(JsonElement detail) => detail.GetProperty("summary").GetProperty("stage").GetString();

    private static async Task<(Guid Id, string Reference)> SubmitAsync(HttpClient http, DateOnly received, string name, string organisation = "RJ1")
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = organisation,
            channel = "Letter",
            receivedOn = Iso(received),
            complainant = new { name, address = new { line1 = "9 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "My father waited nine hours in the emergency department and nobody explained why.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("reference").GetString()!);
    }

    private static Task RefusedAsync(HttpClient http, Guid caseId, string step, object body, HttpStatusCode expected, params string[] fields) =>
        RefusedAsync(http, caseId, step, body, expected, false, fields);

    private static Task RefusedPutAsync(HttpClient http, Guid caseId, string step, object body, HttpStatusCode expected, params string[] fields) =>
        RefusedAsync(http, caseId, step, body, expected, true, fields);

    private static async Task RefusedAsync(HttpClient http, Guid caseId, string step, object body, HttpStatusCode expected, bool put, string[] fields)
    {
        using var response = put ? await http.PutAsJsonAsync(Path(caseId, step), body) : await http.PostAsJsonAsync(Path(caseId, step), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{step}: expected {expected}, got {(int)response.StatusCode} {text}");
        if (fields.Length > 0)
        {
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(fields, f => Assert.Contains(f, errors));
        }
    }
}
