extern alias cases;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;
using DeadlineMetrics = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineMetrics;
using DeadlineScanOptions = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineScanOptions;

using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// What Prometheus reads at /metrics of intake and the case service as a complaint opens its case over real
/// PostgreSQL and RabbitMQ: requests per route and status, what the outbox sent and holds, what the consumer took and
/// how long it waited, and the deadlines due and missed per organisation.
/// </summary>
public sealed class MetricsTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    [Fact]
    public async Task AComplaintOpeningItsCase_IsCounted_InIntakesRequestsAndOutbox_AndTheCaseServicesConsumer()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var reference = await SubmitAsync(handler, LondonTime.Today(TimeProvider.System).AddDays(-1), "RJ1");
        await CaseIdAsync(handler, reference);

        using var intakeClient = system.Intake.CreateHttpClient();
        var intake = await Scrape.MetricsAsync(intakeClient);
        Assert.Contains(intake, s => s.Name == "http_server_request_duration_seconds_count" && s.Label("http_route") == "/api/v1/complaints/"
            && s.Label("http_request_method") == "POST" && s.Label("http_response_status_code") == "201" && s.Value >= 1);
        await Eventually.TrueAsync(async () => (await Scrape.MetricsAsync(intakeClient)).Any(s => s.Name == "ics_outbox_published_total" && s.Value >= 1),
            Patience, "intake counts the event its relay published");
        Assert.Contains(intake, s => s.Name == "ics_outbox_pending");
        Assert.Contains(intake, s => s.Name == "ics_outbox_parked");
        Assert.Contains(intake, s => s.Name == "ics_outbox_oldest_age_seconds" && s.Value >= 0);

        using var caseClient = system.Case.CreateHttpClient();
        await Eventually.TrueAsync(async () =>
        {
            var metrics = await Scrape.MetricsAsync(caseClient);
            return metrics.Any(s => s.Name == "ics_inbox_consumed_total" && s.Label("consumer") == "ComplaintSubmittedConsumer" && s.Value >= 1)
                && metrics.Any(s => s.Name == "ics_inbox_lag_seconds_count" && s.Label("consumer") == "ComplaintSubmittedConsumer" && s.Value >= 1)
                && metrics.Any(s => s.Name == "ics_inbox_in_progress" && s.Label("consumer") == "ComplaintSubmittedConsumer" && s.Value == 0);
        }, Patience, "the case service counts the complaint its consumer took, how long it waited, and none still in hand");
    }

    [Fact]
    public async Task DeadlinesDueSoonAndMissed_AreCountedPerOrganisation_ByTheLastScan_WithNothingAboutTheCase()
    {
        using var handler = system.Http(await system.TokenAsync("handler.r0a"));
        var received = LondonTime.Today(TimeProvider.System).AddDays(-1);
        var reference = await SubmitAsync(handler, received, "R0A");
        await CaseIdAsync(handler, reference);
        var clock = new FakeTimeProvider(new DateTimeOffset(Calendar.AddWorkingDays(received, 1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var monitor = new CaseDeadlineMonitor(
            system.Case.Services.GetRequiredService<IServiceScopeFactory>(), clock, Calendar, Options.Create(new DeadlineScanOptions()),
            system.Case.Services.GetRequiredService<DeadlineMetrics>(), NullLogger<CaseDeadlineMonitor>.Instance);
        using var caseClient = system.Case.CreateHttpClient();

        // A working day before its acknowledgement is due: due soon, nothing missed yet. (The exporter keeps a scrape's
        // answer for a moment, hence the waits.)
        await monitor.ScanAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => Deadlines(await Scrape.MetricsAsync(caseClient), "R0A") is { } d && d[DeadlineMetrics.DueSoon] >= 1 && d[DeadlineMetrics.Missed] == 0,
            Patience, "the acknowledgement due soon is counted for R0A, and nothing missed");

        // Seven months on with nothing done: its acknowledgement and the six-month backstop are missed, none due soon.
        clock.SetUtcNow(new DateTimeOffset(received.AddMonths(7).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await monitor.ScanAsync(CancellationToken.None);
        IReadOnlyList<Series> scrape = [];
        await Eventually.TrueAsync(async () =>
        {
            scrape = await Scrape.MetricsAsync(caseClient);
            return Deadlines(scrape, "R0A") is { } d && d[DeadlineMetrics.Missed] >= 2 && d[DeadlineMetrics.DueSoon] == 0;
        }, Patience, "the missed acknowledgement and backstop are counted for R0A, and the deadline due soon no longer");
        // Organisation and state only: no case, complaint or person is told apart by these series.
        Assert.All(scrape.Where(s => s.Name == "ics_case_deadlines"), s =>
            Assert.Empty(s.Labels.Keys.Where(k => !k.StartsWith("otel_scope_", StringComparison.Ordinal)).Except(["organisation", "state"], StringComparer.Ordinal)));
    }

    private static Dictionary<string, double> Deadlines(IEnumerable<Series> scrape, string organisation) =>
        new[] { DeadlineMetrics.DueSoon, DeadlineMetrics.Missed }.ToDictionary(state => state, state => scrape
            .Where(s => s.Name == "ics_case_deadlines" && s.Label("organisation") == organisation && s.Label("state") == state)
            .Select(s => s.Value).DefaultIfEmpty(0).Single());

    private static async Task<string> SubmitAsync(HttpClient http, DateOnly received, string organisation)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = organisation,
            channel = "Letter",
            receivedOn = Iso(received),
            complainant = new { name = "Mina Metric", address = new { line1 = "9 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "The appointment letter came a day after the appointment.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }
}
