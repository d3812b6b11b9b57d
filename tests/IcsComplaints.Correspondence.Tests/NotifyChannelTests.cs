extern alias correspondence;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CorrespondenceServices = correspondence::IcsComplaints.Correspondence.Api.CorrespondenceServiceCollectionExtensions;
using IMailChannel = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.IMailChannel;
using MailAttachment = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.MailAttachment;
using NotifyCallbackOptions = correspondence::IcsComplaints.Correspondence.Api.Features.RecordDelivery.NotifyCallbackOptions;
using NotifyCallbackToken = correspondence::IcsComplaints.Correspondence.Api.Features.RecordDelivery.NotifyCallbackToken;
using NotifyChannel = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.NotifyChannel;
using NotifyOptions = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.NotifyOptions;
using OutgoingEmail = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.OutgoingEmail;
using SmtpChannel = correspondence::IcsComplaints.Correspondence.Api.Features.SendMessages.SmtpChannel;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// GOV.UK Notify chosen by configuration alone, against a stand-in for Notify's API that checks what the real one
/// checks: the request signed with the service's secret, naming the service, with the template and the message's reference.
/// </summary>
public sealed class NotifyChannelTests : IAsyncLifetime
{
    private const string ServiceId = "5b1c9f8e-1111-4222-8333-2f0e2a6f7a11";
    private const string Secret = "0d6a1b2c-4444-4555-8666-9e0f1a2b3c4d";
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private static readonly string ApiKey = $"local_fake-{ServiceId}-{Secret}";

    private readonly List<JsonObject> _received = [];
    private WebApplication _notify = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _notify = builder.Build();
        _notify.MapPost("/v2/notifications/email", async (HttpRequest request) =>
        {
            if (!SignedByTheService(request.Headers.Authorization.ToString()))
            {
                return Results.Json(new { status_code = 403, errors = new[] { new { error = "AuthError", message = "Invalid token: signature" } } }, statusCode: 403);
            }
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            lock (_received)
            {
                _received.Add(body);
            }
            return Results.Json(new
            {
                id = Guid.NewGuid(),
                reference = body["reference"]?.GetValue<string>(),
                content = new { body = "", subject = "", from_email = "complaints@notifications.service.gov.uk" },
                uri = "https://api.notifications.service.gov.uk/v2/notifications/1",
                template = new { id = TemplateId, version = 1, uri = "https://api.notifications.service.gov.uk/v2/templates/1" },
            }, statusCode: 201);
        });
        await _notify.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _notify.DisposeAsync();

    [Fact]
    public async Task AnEmail_GoesToNotify_ThroughTheOneTemplate_SignedWithTheServicesKey_AndReferencedByItsMessage()
    {
        var messageId = Guid.NewGuid();

        await Channel(ApiKey).SendAsync(new OutgoingEmail(messageId, "complaints.rj1@nhs.example", "Complaint T1: the response deadline is near", "Body text.\n", null, []), default);

        var sent = Assert.Single(_received);
        Assert.Equal("complaints.rj1@nhs.example", sent["email_address"]!.GetValue<string>());
        Assert.Equal(TemplateId, sent["template_id"]!.GetValue<string>());
        Assert.Equal(messageId.ToString(), sent["reference"]!.GetValue<string>());
        Assert.Equal("Complaint T1: the response deadline is near", sent["personalisation"]!["subject"]!.GetValue<string>());
        Assert.Equal("Body text.\n", sent["personalisation"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKeyWithTheWrongSecret_IsRefusedByNotify_AndTheChannelThrows_SoTheAttemptCountsAsFailed()
    {
        var wrong = $"local_fake-{ServiceId}-{Guid.NewGuid()}";

        await Assert.ThrowsAnyAsync<Exception>(() => Channel(wrong).SendAsync(new OutgoingEmail(Guid.NewGuid(), "complaints.rj1@nhs.example", "S", "B", null, []), default));

        Assert.Empty(_received);
    }

    [Fact]
    public async Task AnAttachment_IsNotSentThroughNotifyYet_RatherThanDroppedSilently()
    {
        var mail = new OutgoingEmail(Guid.NewGuid(), "complaints.rj1@nhs.example", "S", "B", null, [new MailAttachment("letter.pdf", "application/pdf", [1])]);

        await Assert.ThrowsAsync<NotSupportedException>(() => Channel(ApiKey).SendAsync(mail, default));
        Assert.Empty(_received);
    }

    [Fact]
    public void ConfigurationAlone_ChoosesTheChannel_AndNotifyWithoutAKeyIsRefused()
    {
        Assert.IsType<SmtpChannel>(MailChannelFor(new() { }).GetRequiredService<IMailChannel>());
        var notify = MailChannelFor(new()
        {
            ["Correspondence:Channel"] = "Notify", ["Correspondence:Notify:ApiKey"] = ApiKey, ["Correspondence:Notify:EmailTemplateId"] = TemplateId,
        });
        Assert.IsType<NotifyChannel>(notify.GetRequiredService<IMailChannel>());

        var keyless = MailChannelFor(new() { ["Correspondence:Channel"] = "Notify", ["Correspondence:Notify:EmailTemplateId"] = TemplateId });
        Assert.Throws<OptionsValidationException>(() => keyless.GetRequiredService<IOptions<NotifyOptions>>().Value);
        Assert.Throws<InvalidOperationException>(() => MailChannelFor(new() { ["Correspondence:Channel"] = "Carrier pigeon" }));
    }

    [Fact]
    public void NotifyWithACallbackTokenTooShortToBeASecret_IsRefused_ButWithNoneItStartsAndRefusesEveryReceipt()
    {
        Dictionary<string, string?> Notify(string? token) => new()
        {
            ["Correspondence:Channel"] = "Notify", ["Correspondence:Notify:ApiKey"] = ApiKey, ["Correspondence:Notify:EmailTemplateId"] = TemplateId,
            ["Correspondence:Notify:CallbackToken"] = token,
        };

        Assert.Throws<OptionsValidationException>(() => MailChannelFor(Notify("short-token")).GetRequiredService<IOptions<NotifyCallbackOptions>>().Value);
        Assert.Equal("", MailChannelFor(Notify(null)).GetRequiredService<IOptions<NotifyCallbackOptions>>().Value.CallbackToken ?? "");
        Assert.Equal(new string('k', 32), MailChannelFor(Notify(new string('k', 32))).GetRequiredService<IOptions<NotifyCallbackOptions>>().Value.CallbackToken);
    }

    [Fact]
    public void WithNoCallbackTokenSet_OrOneTooShort_EveryReceiptIsRefused_EvenOneThatPresentsIt()
    {
        static bool Admits(string? configured, string header) =>
            new NotifyCallbackToken(Options.Create(new NotifyCallbackOptions { CallbackToken = configured! })).Admits(header);

        Assert.False(Admits("", "Bearer "));
        Assert.False(Admits(null, "Bearer "));
        Assert.False(Admits("short-token", "Bearer short-token"));
        Assert.True(Admits(new string('k', 32), "Bearer " + new string('k', 32)));
        Assert.False(Admits(new string('k', 32), new string('k', 32)));
    }

    private NotifyChannel Channel(string apiKey) => new(Options.Create(new NotifyOptions
    {
        BaseUrl = _notify.Urls.Single(), ApiKey = apiKey, EmailTemplateId = TemplateId,
    }));

    private static ServiceProvider MailChannelFor(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        CorrespondenceServices.AddMailChannel(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    // Notify's check: an HS256 JWT whose issuer is the service id, signed with the key's secret.
    private static bool SignedByTheService(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        var payload = JsonNode.Parse(Base64Url(parts[1]))!;
        return CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2])) && payload["iss"]?.GetValue<string>() == ServiceId;
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
