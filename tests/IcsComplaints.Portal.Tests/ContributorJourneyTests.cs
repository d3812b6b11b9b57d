using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// Reg 9: a GP practice asked to contribute to a joint complaint led by a trust finds what it owes and by when, writes
/// its part, and its responsible person signs it off, all in the browser; the trust's case then carries it.
/// </summary>
public sealed class ContributorJourneyTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_contributing_practice_writes_its_part_of_a_joint_complaint_and_its_responsible_person_signs_it_off()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Nia Jointly", new { aboutOrganisationCodes = new[] { "Y99901" } });

        var handler = await Personas.SignInAsync(system, browser, "handler.y99901", "contributor", keyboardOnly: true);
        await Eventually.TrueAsync(async () =>
        {
            await handler.OpenAsync("/staff/contributions", "inbox");
            return await handler.Page.Locator("#contributions").CountAsync() > 0 && (await handler.Page.Locator("#contributions").InnerTextAsync()).Contains(reference, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the practice's inbox lists the complaint");
        await Assertions.Expect(handler.Page.Locator("#contributions")).ToContainTextAsync("Not started");

        await handler.Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await handler.SeeAsync("part");
        await Assertions.Expect(handler.Page.Locator("h1")).ToHaveTextAsync("Your part of the response");
        await handler.PressAsync("Save your part", "part-empty");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await handler.FillAsync("text", "The practice was not asked to follow up the scan; we have now added such requests to our task list.");
        await handler.PressAsync("Save your part", "part-saved");
        await Assertions.Expect(handler.Page.Locator("#saved")).ToBeVisibleAsync();

        // The handler may not sign off: the case service says so, and the page shows its words.
        await handler.OpenAsync($"/staff/contributions/{caseId}/sign-off", "sign-off-handler");
        await handler.PressAsync("Sign off", "sign-off-refused");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();

        var responsible = await Personas.SignInAsync(system, browser, "responsible.y99901", "contributor-responsible");
        await responsible.OpenAsync($"/staff/contributions/{caseId}/sign-off", "sign-off");
        await Assertions.Expect(responsible.Page.Locator("#text")).ToContainTextAsync("task list");
        await responsible.PressAsync("Sign off", "signed-off");
        await Assertions.Expect(responsible.Page.Locator("#signed-text")).ToContainTextAsync("task list");
        await responsible.OpenAsync("/staff/contributions", "inbox-signed-off");
        await Assertions.Expect(responsible.Page.Locator("#contributions")).ToContainTextAsync("Signed off");

        using var lead = await Personas.ApiAsync(system, "handler.rj1");
        var detail = await lead.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases/{caseId}/detail", UriKind.Relative));
        var part = detail.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("organisationCode").GetString() == "Y99901");
        Assert.Contains("task list", part.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(part.TryGetProperty("signedOffOn", out var on) && on.ValueKind == JsonValueKind.String);
        Assert.Empty(handler.Violations);
        Assert.Empty(responsible.Violations);
    }
}
