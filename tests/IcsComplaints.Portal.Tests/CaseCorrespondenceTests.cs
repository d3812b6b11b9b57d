extern alias cases;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;
using DeadlineMetrics = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineMetrics;
using DeadlineScanOptions = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.DeadlineScanOptions;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// What the platform sends about a case is part of its timeline: the complaints team's notice of a missed
/// acknowledgement is e-mailed through a real SMTP server and shown on the case page, without any address.
/// </summary>
public sealed class CaseCorrespondenceTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_handler_sees_on_the_case_timeline_the_notice_e_mailed_when_its_acknowledgement_was_missed()
    {
        // Received ten days ago and never acknowledged: the 3 working days of Reg 13(3) have passed.
        var today = LondonTime.Today(TimeProvider.System);
        var received = today.AddDays(-10);
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Tom Timeline", new { receivedOn = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var monitor = new CaseDeadlineMonitor(
            system.Case.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, system.Case.Services.GetRequiredService<WorkingDayCalendar>(),
            Options.Create(new DeadlineScanOptions()), system.Case.Services.GetRequiredService<DeadlineMetrics>(), NullLogger<CaseDeadlineMonitor>.Instance);

        await monitor.ScanAsync(CancellationToken.None);

        CaughtMail? notice = null;
        await Eventually.TrueAsync(async () =>
        {
            notice = (await system.Mail.MessagesAsync()).FirstOrDefault(m => m.Subject == $"Complaint {reference}: the acknowledgement deadline was missed");
            return notice is not null;
        }, TimeSpan.FromSeconds(60), "the complaints team is e-mailed");
        Assert.Equal(["complaints.rj1@nhs.example"], notice!.To);

        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "case-correspondence");
        await handler.OpenAsync($"/staff/cases/{caseId}", "case");
        var timeline = handler.Page.Locator("#timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Missed deadline notice sent");
        await Assertions.Expect(timeline).ToContainTextAsync("To the complaints team by e-mail.");
        Assert.DoesNotContain("nhs.example", await timeline.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(handler.Page.Locator("#messages-unavailable")).ToHaveCountAsync(0);
        await Assertions.Expect(handler.Page.Locator("#undelivered")).ToHaveCountAsync(0);

        // GOV.UK Notify reports that the mailbox refused it: the case page says so above everything else.
        using (var api = await Personas.ApiAsync(system, "handler.rj1"))
        {
            var messages = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative));
            var sent = messages.GetProperty("items").EnumerateArray().First(m => m.GetProperty("template").GetString() == "deadline-missed");
            using var receipt = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/correspondence/notify/receipts", UriKind.Relative))
            {
                Content = JsonContent.Create(new Dictionary<string, string>
                {
                    ["id"] = Guid.NewGuid().ToString(), ["reference"] = sent.GetProperty("id").GetString()!, ["to"] = "complaints.rj1@nhs.example",
                    ["status"] = "permanent-failure", ["created_at"] = "2026-12-07T09:30:00.000000Z", ["completed_at"] = "2026-12-07T09:31:00.000000Z",
                    ["sent_at"] = "2026-12-07T09:30:01.000000Z", ["notification_type"] = "email",
                }),
            };
            receipt.Headers.Authorization = new("Bearer", PortalSystem.NotifyCallbackToken);
            using var answered = await system.GatewayHttp().SendAsync(receipt);
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }
        await handler.OpenAsync($"/staff/cases/{caseId}", "case-undelivered");
        var undelivered = handler.Page.Locator("#undelivered");
        await Assertions.Expect(undelivered).ToContainTextAsync("A message did not reach the person");
        await Assertions.Expect(undelivered).ToContainTextAsync("Missed deadline notice sent but did not arrive");
        await Assertions.Expect(undelivered).ToContainTextAsync("the address does not exist or refused it");
        Assert.Empty(handler.Violations);
    }
}
