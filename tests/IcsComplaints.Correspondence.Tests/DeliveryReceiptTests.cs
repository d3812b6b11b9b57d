using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// GOV.UK Notify's delivery receipts (ADR 39), posted as Notify posts them: recorded on the message they name by our
/// reference when they carry the token set in Notify, refused without it, shown to the case's staff when the person
/// did not get the message, recorded once however often they come, and refused field by field when malformed.
/// </summary>
public sealed class DeliveryReceiptTests(CorrespondenceSystem system)
{
    private const string Receipts = "/api/v1/correspondence/notify/receipts";
    // Notify names the recipient in each receipt: an address seen nowhere else, so any trace of it came from a receipt.
    private static readonly string RecipientAddress = $"receipt-{Guid.NewGuid():N}@example.com";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset CompletedAt = new(2026, 12, 7, 9, 30, 15, TimeSpan.Zero);

    private IBus Bus => system.Service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task ADeliveredReceipt_WithTheTokenSetInNotify_MarksTheMessageDelivered_WithoutKeepingTheAddress()
    {
        var (_, message) = await SentMessageAsync();
        var notificationId = Guid.NewGuid();

        using var response = await PostAsync(Receipt(notificationId, message.Id.ToString(), "delivered"), CorrespondenceSystem.NotifyCallbackToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await StoredAsync(message.Id);
        Assert.Equal((DeliveryOutcome.Delivered, CompletedAt, notificationId), (stored.Delivery, stored.DeliveryAt, stored.ChannelNotificationId));
        Assert.Equal(MessageStatus.Sent, stored.Status);
        // Notify sends the recipient's address with every receipt: it is never bound, so never logged or traced.
        Assert.DoesNotContain(system.Capture.Logs, l => l.Contains(RecipientAddress, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(system.Capture.SpanTexts, s => s.Contains(RecipientAddress, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AReceiptWithAWrongOrNoToken_IsRefused_AndChangesNothing()
    {
        var (_, message) = await SentMessageAsync();
        var receipt = Receipt(Guid.NewGuid(), message.Id.ToString(), "permanent-failure");

        foreach (var token in new string?[] { null, "", CorrespondenceSystem.NotifyCallbackToken + "x", CorrespondenceSystem.NotifyCallbackToken[..^1], "not-the-token-at-all-but-long-enough-1234" })
        {
            using var response = await PostAsync(receipt, token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"token '{token}': {response.StatusCode}");
        }
        // Refused before the body is read: a stranger learns nothing, not even whether the body would have been valid.
        using var malformed = await PostAsync("{\"id\": 5}", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);

        var stored = await StoredAsync(message.Id);
        Assert.Equal((DeliveryOutcome.None, (DateTimeOffset?)null, (Guid?)null), (stored.Delivery, stored.DeliveryAt, stored.ChannelNotificationId));
    }

    [Fact]
    public async Task APermanentFailure_ShowsInTheCasesMessageList_SoItsHandlerSeesThePersonDidNotGetIt()
    {
        var (caseId, message) = await SentMessageAsync();

        using var response = await PostAsync(Receipt(Guid.NewGuid(), message.Id.ToString(), "permanent-failure"), CorrespondenceSystem.NotifyCallbackToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var http = system.Http(await system.TokenAsync("handler.rj1"));
        var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/correspondence/cases/{caseId}/messages", UriKind.Relative));
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ("Sent", "PermanentFailure", true, CompletedAt),
            (listed.GetProperty("status").GetString(), listed.GetProperty("delivery").GetString(), listed.GetProperty("deliveryFailed").GetBoolean(),
                listed.GetProperty("deliveryAt").GetDateTimeOffset()));
        Assert.DoesNotContain("@", listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameReceiptTwice_IsRecordedOnce_AndALateReceiptNeverUndoesAFinalOne()
    {
        var (_, message) = await SentMessageAsync();
        var notificationId = Guid.NewGuid();
        var delivered = Receipt(notificationId, message.Id.ToString(), "delivered");

        using (var first = await PostAsync(delivered, CorrespondenceSystem.NotifyCallbackToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }
        var once = await StoredAsync(message.Id);
        using (var again = await PostAsync(delivered, CorrespondenceSystem.NotifyCallbackToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }
        // A retried earlier state, and a different final one, arriving after the final outcome.
        using (var late = await PostAsync(Receipt(notificationId, message.Id.ToString(), "temporary-failure", completedAt: CompletedAt.AddHours(1)), CorrespondenceSystem.NotifyCallbackToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        }

        var stored = await StoredAsync(message.Id);
        Assert.Equal((once.Delivery, once.DeliveryAt, once.ChannelNotificationId), (stored.Delivery, stored.DeliveryAt, stored.ChannelNotificationId));
        Assert.Equal(DeliveryOutcome.Delivered, stored.Delivery);
    }

    [Fact]
    public async Task AReceiptForAReferenceThatIsNotOurs_IsAcknowledged_SoNotifyDoesNotRetryIt_AndChangesNothing()
    {
        using var unknown = await PostAsync(Receipt(Guid.NewGuid(), Guid.NewGuid().ToString(), "delivered"), CorrespondenceSystem.NotifyCallbackToken);
        using var sentFromNotifysPages = await PostAsync(Receipt(Guid.NewGuid(), null, "delivered"), CorrespondenceSystem.NotifyCallbackToken);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (unknown.StatusCode, sentFromNotifysPages.StatusCode));
    }

    [Fact]
    public async Task AMalformedReceipt_IsRefusedWithAnErrorForEachField()
    {
        var (_, message) = await SentMessageAsync();

        using var bad = await PostAsync(
            $$"""{"id": "not-a-uuid", "reference": "{{message.Id}}", "to": "{{RecipientAddress}}", "status": "lost-in-the-post", "created_at": "yesterday", "notification_type": "email"}""",
            CorrespondenceSystem.NotifyCallbackToken);
        using var wrongType = await PostAsync(
            $$"""{"id": "{{Guid.NewGuid()}}", "reference": "{{message.Id}}", "status": "delivered", "completed_at": 5}""", CorrespondenceSystem.NotifyCallbackToken);
        using var notJson = await PostAsync("delivered", CorrespondenceSystem.NotifyCallbackToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["created_at", "id", "status"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("completed_at", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(DeliveryOutcome.None, (await StoredAsync(message.Id)).Delivery);
    }

    private Task<HttpResponseMessage> PostAsync(string json, string? token)
    {
        var http = system.Http();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Receipts, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return SendAndDisposeAsync(http, request);
    }

    private static async Task<HttpResponseMessage> SendAndDisposeAsync(HttpClient http, HttpRequestMessage request)
    {
        using (http)
        using (request)
        {
            var response = await http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    // As Notify sends it, the recipient's address included.
    private static string Receipt(Guid notificationId, string? reference, string status, DateTimeOffset? completedAt = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = notificationId.ToString(),
        ["reference"] = reference,
        ["to"] = RecipientAddress,
        ["status"] = status,
        ["created_at"] = "2026-12-07T09:30:00.000000Z",
        ["completed_at"] = (completedAt ?? CompletedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["sent_at"] = "2026-12-07T09:30:01.000000Z",
        ["notification_type"] = "email",
        ["template_id"] = Guid.NewGuid().ToString(),
        ["template_version"] = 1,
    });

    private Task<SentMessage> StoredAsync(Guid id) => system.InDb(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>A case of RJ1 and the complaints team's warning about it, sent.</summary>
    private async Task<(Guid CaseId, SentMessage Message)> SentMessageAsync()
    {
        var caseId = Guid.NewGuid();
        var reference = "T" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        await OwnQueues.SendAsync(Bus, "correspondence", new CaseOpened
        {
            CaseId = caseId,
            ComplaintId = Guid.NewGuid(),
            Reference = reference,
            OrganisationCode = "RJ1",
            ReceivedOn = new DateOnly(2026, 11, 2),
            AcknowledgementDueBy = new DateOnly(2026, 11, 5),
            OpenedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.TrueAsync(() => system.InDb(db => db.Cases.AnyAsync(c => c.CaseId == caseId)), Patience, "the case is known");
        await OwnQueues.SendAsync(Bus, "correspondence", new CaseDeadlineApproaching
        {
            CaseId = caseId, ComplaintId = Guid.NewGuid(), OrganisationCode = "RJ1", Deadline = "Response", DueOn = new DateOnly(2026, 12, 18), WorkingDaysLeft = 3,
        });
        SentMessage? sent = null;
        await Eventually.TrueAsync(async () =>
        {
            sent = await system.InDb(db => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.CaseId == caseId && m.Status == MessageStatus.Sent));
            return sent is not null;
        }, Patience, "the warning is sent");
        return (caseId, sent!);
    }
}
