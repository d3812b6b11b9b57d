using IcsComplaints.TestKit;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// The services the end-to-end system does not run, correspondence and the portal, make no outbound call that nobody
/// configured either: correspondence reaches only its SMTP server, intake's gRPC, the identity service (through the
/// gateway) and its database and broker, the portal only the gateway, all on loopback here; and no library they use
/// reports home. The same checks run over every other service here too.
/// </summary>
public sealed class NoCallsHomeTests(PortalSystem system, Browser browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void EveryServiceBus_HasMassTransitUsageTelemetryTurnedOff()
    {
        var buses = NoCallsHome.AssertUsageTelemetryOff(system.Hosts());

        Assert.Equal(["intake", "advocacy-referral", "case", "learning", "reporting", "correspondence"], buses);
    }

    [Fact]
    public async Task AComplaintsLetterSentAndItsCaseReadInThePortal_CallOnlyTheHostsTheirSettingsName()
    {
        // A complaint made by telephone is owed its written record: correspondence takes a token from identity, reads
        // the complainant's contact and statement from intake and sends the letter by SMTP.
        var email = $"outbound.{Guid.NewGuid():N}@example.org";
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Outbound Person", new
        {
            channel = "Phone",
            complainant = new { name = "Outbound Person", email, contactPreference = "Email" },
        });
        await Eventually.TrueAsync(
            async () => (await system.Mail.MessagesAsync()).Any(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase)), Patience, "the written record is e-mailed");

        // The portal signs the handler in and shows the case with what was sent, through the gateway.
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "no-calls-home");
        await handler.OpenAsync($"/staff/cases/{caseId}", "case");
        Assert.Contains(reference, await handler.Page.ContentAsync(), StringComparison.Ordinal);

        NoCallsHome.AssertOnlyConfiguredHostsCalled(system.OutboundCalls, system.ConfiguredHosts);
    }
}
