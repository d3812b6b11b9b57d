using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// An advocate answers referrals in the browser: accepts one and sees the client's name and contact details as the
/// consent allows, until the consent is revoked and the page says access has ended; declines another with a reason.
/// </summary>
public sealed class AdvocateCasesTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task An_advocate_accepts_a_referral_sees_the_client_s_details_and_after_consent_is_revoked_is_told_access_ended()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Ada Vocate");
        var (referralId, grantId) = await ReferAsync(caseId);

        var advocate = await Personas.SignInAsync(system, browser, "advocate.adv01", "advocate", keyboardOnly: true);
        await advocate.OpenAsync("/advocate", "referrals");
        await Assertions.Expect(advocate.Page.Locator("#referrals")).ToContainTextAsync(reference);
        await advocate.OpenAsync($"/advocate/referrals/{referralId}/accept", "accept");
        await advocate.FillAsync("advocateName", "");
        await advocate.Page.Keyboard.PressAsync("Backspace");
        await advocate.PressAsync("Accept referral", "accept-no-name");
        await Assertions.Expect(advocate.Page.Locator("#advocateName-error")).ToBeVisibleAsync();
        await advocate.FillAsync("advocateName", "Alex Advocate");
        await advocate.PressAsync("Accept referral", "client");

        Assert.EndsWith($"/advocate/clients/{caseId}", advocate.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(advocate.Page.Locator("h1")).ToHaveTextAsync($"Complaint {reference}");
        await Assertions.Expect(advocate.Page.Locator("#complainant")).ToContainTextAsync("Ada Vocate");
        await Assertions.Expect(advocate.Page.Locator("#complainant")).ToContainTextAsync("client@example.org");
        await Assertions.Expect(advocate.Page.Locator("#complainant")).ToContainTextAsync("02079460000");
        await Assertions.Expect(advocate.Page.Locator("#complainant")).ToContainTextAsync("SE1 7EH");
        await Assertions.Expect(advocate.Page.Locator("#progress")).ToContainTextAsync("Received");
        await advocate.OpenAsync("/advocate/clients", "clients");
        await Assertions.Expect(advocate.Page.Locator("#clients")).ToContainTextAsync(reference);
        await Assertions.Expect(advocate.Page.Locator("#clients")).ToContainTextAsync("Alex Advocate");

        using (var handler = await Personas.ApiAsync(system, "handler.rj1"))
        using (var revoked = await handler.PostAsync(new Uri($"/api/v1/advocacy/grants/{grantId}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }
        await advocate.OpenAsync($"/advocate/clients/{caseId}", "access-ended");
        await Assertions.Expect(advocate.Page.Locator("h1")).ToHaveTextAsync("Access ended");
        await Assertions.Expect(advocate.Page.Locator("#access-ended")).ToContainTextAsync(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync(reference);
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync("Ada Vocate");
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync("client@example.org");
        Assert.Empty(advocate.Violations);
    }

    [Fact]
    public async Task An_advocate_declines_a_referral_saying_why_and_it_leaves_the_inbox()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Dee Clined");
        var (referralId, _) = await ReferAsync(caseId);

        var advocate = await Personas.SignInAsync(system, browser, "advocate.adv01", "advocate-decline");
        await advocate.OpenAsync("/advocate", "referrals");
        await advocate.Page.Locator("tr", new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = "Decline" }).ClickAsync();
        await advocate.SeeAsync("decline");
        await advocate.PressAsync("Decline referral", "decline-no-reason");
        await Assertions.Expect(advocate.Page.Locator("#reason-error")).ToBeVisibleAsync();
        await advocate.FillAsync("reason", "Our service has no advocate free for six weeks.");
        await advocate.PressAsync("Decline referral", "declined");
        Assert.EndsWith("/advocate", advocate.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync(reference);
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync("Ada Vocate");
        await Assertions.Expect(advocate.Page.Locator("main")).Not.ToContainTextAsync("client@example.org");

        using var handler = await Personas.ApiAsync(system, "handler.rj1");
        var referral = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referralId);
        Assert.Equal("Declined", referral.GetProperty("status").GetString());
        Assert.Equal("Our service has no advocate free for six weeks.", referral.GetProperty("declineReason").GetString());
        Assert.Empty(advocate.Violations);
    }

    private async Task<(Guid ReferralId, Guid GrantId)> ReferAsync(Guid caseId)
    {
        var referral = await Personas.ReferAsync(system, caseId);
        return (referral.GetProperty("id").GetGuid(), referral.GetProperty("grant").GetProperty("id").GetGuid());
    }
}
