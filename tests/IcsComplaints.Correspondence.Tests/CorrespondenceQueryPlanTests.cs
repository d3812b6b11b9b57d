extern alias correspondence;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static IcsComplaints.TestKit.CaseApiSteps;
using CorrespondenceDbContext = correspondence::IcsComplaints.Correspondence.Api.Data.CorrespondenceDbContext;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// What correspondence asks its database for every complaint costs the same with ten messages or ten million: each
/// statement it really sends while intake's and case's events queue letters and notices, the dispatcher claims them
/// from the send queue and sends them through the mail catcher, a receipt is recorded, and staff and the complainant
/// list what was sent, is planned with its own values, and no table that grows with complaints is read in full.
/// </summary>
public sealed class CorrespondenceQueryPlanTests(CorrespondenceSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LetterSteps Letters { get; } = new(system);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task QueueingSendingAndListingAComplaintsLetters_NeverReadsAGrowingTableInFull()
    {
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        using var anonymous = system.Intake.Http();
        var (online, oral, toIcb) = (LetterSteps.NewAddress(), LetterSteps.NewAddress(), LetterSteps.NewAddress());
        using var sent = SentSql.Record();

        // A complaint made online opens a case at case, which is acknowledged: the complainant's acknowledgement, with
        // its letter as a PDF, and the team's deadline notice are queued, claimed and sent.
        var submitted = await ApiCalls.PostAsync(anonymous, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Pam Plan", email = online, contactPreference = "Email" },
            description = "My clinic letter never came.",
        }, HttpStatusCode.Created);
        var reference = submitted.GetProperty("reference").GetString()!;
        var caseId = await CaseIdAsync(handler, reference);
        await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(Today), channel = "Letter", discussionOffered = true });
        await OwnQueues.SendAsync(system.Service.Services.GetRequiredService<IBus>(), "correspondence", new CaseDeadlineApproaching
        {
            CaseId = caseId, ComplaintId = submitted.GetProperty("id").GetGuid(), OrganisationCode = "RJ1", Deadline = "Response", DueOn = Today.AddDays(5), WorkingDaysLeft = 3,
        });
        await Letters.MailToAsync(online, expected: 1);
        await Letters.MailAboutAsync(reference, expected: 2);

        // A complaint made by telephone is sent its written record before any case.
        await ApiCalls.PostAsync(handler, "/api/v1/complaints", new
        {
            organisationCode = "RJ1", channel = "Phone", receivedOn = Iso(Today),
            complainant = new { name = "Oli Plan", email = oral }, description = "Nobody answered the ward telephone.",
        }, HttpStatusCode.Created);
        await Letters.MailToAsync(oral, expected: 1);

        // A complaint to the ICB about a provider asks for consent, and its transfer tells the complainant who has it now.
        var icbComplaint = await ApiCalls.PostAsync(icb, "/api/v1/complaints", new
        {
            organisationCode = "QKK", aboutOrganisationCodes = new[] { "RJ1" }, channel = "Letter", receivedOn = Iso(Today),
            complainant = new { name = "Ida Plan", email = toIcb, contactPreference = "Email" }, description = "The hospital lost my referral.",
        }, HttpStatusCode.Created);
        await Letters.MailToAsync(toIcb, expected: 1);
        var icbComplaintId = icbComplaint.GetProperty("id").GetGuid();
        await ApiCalls.PostAsync(icb, $"/api/v1/complaints/{icbComplaintId}/consent", new { given = true });
        await ApiCalls.PostAsync(icb, $"/api/v1/complaints/{icbComplaintId}/routing", new { decision = "Transfer", toOrganisationCode = "RJ1" });
        await Letters.MailToAsync(toIcb, expected: 2);

        // The case's staff list what was sent and open a letter's copy; a receipt is recorded on it; the complainant
        // lists what was sent to them.
        MessageView acknowledgement = null!;
        await Eventually.TrueAsync(async () =>
        {
            var listed = await ListAsync(caseId);
            acknowledgement = listed.FirstOrDefault(m => m.Template == MessageTemplates.Acknowledgement && m.Status == nameof(MessageStatus.Sent))!;
            return acknowledgement is not null && listed.Count(m => m.Status == nameof(MessageStatus.Sent)) == 2;
        }, Patience, "both messages about the case are recorded as sent");
        using (var staff = system.Http(await system.TokenAsync("handler.rj1")))
        using (var copy = await staff.GetAsync(new Uri($"/api/v1/correspondence/cases/{caseId}/messages/{acknowledgement.Id}/copy", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        }
        using (var receipt = await ReceiptAsync(acknowledgement.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, receipt.StatusCode);
        }
        using (var complainant = system.Http())
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/correspondence/sent-to-me?reference={reference}", UriKind.Relative)))
        {
            request.Headers.Add("X-Complaint-Secret", submitted.GetProperty("statusSecret").GetString());
            using var response = await complainant.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var statements = sent.Of<CorrespondenceDbContext>();
        await QueryPlans.AssertNoneReadInFullAsync(statements);
        // The dispatcher's claim of the next message due, its costliest statement, run as it polls, finds the messages
        // still owed by their status in the index of status and due time: a search of that index by due time alone, or
        // an index scan in another order, would not be a sequential scan, yet would walk every message ever sent.
        var claim = statements.First(s => s.Sql.Contains("FOR UPDATE SKIP LOCKED", StringComparison.Ordinal) && s.Sql.Contains("correspondence.messages", StringComparison.Ordinal));
        var plan = await QueryPlans.PlanAsync(claim);
        Assert.True(
            plan.Any(scan => scan.Index?.Split(" + ").Contains("ix_messages_status_next_attempt_at") == true && scan.IndexCondition?.Contains("status", StringComparison.Ordinal) == true),
            $"{claim.Sql}\n  plan: {string.Join("; ", plan)}");
    }

    private async Task<List<MessageView>> ListAsync(Guid caseId)
    {
        using var staff = system.Http(await system.TokenAsync("handler.rj1"));
        var page = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative));
        return [.. page.GetProperty("items").EnumerateArray().Select(m => new MessageView(
            m.GetProperty("id").GetGuid(), m.GetProperty("template").GetString()!, m.GetProperty("status").GetString()!))];
    }

    // A delivery receipt as GOV.UK Notify posts it (ADR 39), naming the message by our reference.
    private async Task<HttpResponseMessage> ReceiptAsync(Guid messageId)
    {
        using var http = system.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/correspondence/notify/receipts", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["id"] = Guid.NewGuid().ToString(), ["reference"] = messageId.ToString(), ["to"] = "someone@example.com", ["status"] = "delivered",
                ["created_at"] = "2026-12-07T09:30:00.000000Z", ["completed_at"] = "2026-12-07T09:30:02.000000Z", ["sent_at"] = "2026-12-07T09:30:01.000000Z",
                ["notification_type"] = "email", ["template_id"] = Guid.NewGuid().ToString(), ["template_version"] = 1,
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CorrespondenceSystem.NotifyCallbackToken);
        return await http.SendAsync(request);
    }

    private sealed record MessageView(Guid Id, string Template, string Status);
}
