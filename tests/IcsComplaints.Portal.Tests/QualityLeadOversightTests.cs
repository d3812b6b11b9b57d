// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a GET form
// sent to its own address has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// An ICB's quality lead and commissioner learn across the providers they commission: themes found by learning's
/// rule with their evidence (learning's chart with the same figures as a table), shared with providers who never see
/// a complaint, the learning actions providers raise from them, the providers' self-assessments side by side, and
/// each provider's 12-month trend; a commissioner of another ICB sees none of it.
/// </summary>
public sealed class QualityLeadOversightTests(PortalSystem system, Browser browser)
{
    private static readonly DateOnly LastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);

    private static string Month => LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_quality_lead_at_the_ICB_finds_a_theme_sees_its_evidence_as_the_API_gives_it_and_shares_it_with_the_keyboard()
    {
        await CodedHistoryAsync();
        var lead = await Personas.SignInAsync(system, browser, "quality.qkk", "icb-themes", keyboardOnly: true);
        await lead.OpenAsync("/oversight", "providers");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Themes across providers" }).ClickAsync());
        await lead.SeeAsync("themes-before");
        await lead.PressAsync($"Look for themes in {LastMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", "themes");

        using var api = await Personas.ApiAsync(system, "quality.qkk");
        var theme = await Rj1CommunicationThemeAsync(api);
        var id = theme.GetProperty("id").GetGuid();
        var row = lead.Page.Locator($"#theme-{id}");
        await Assertions.Expect(row).ToContainTextAsync("Communication (HCAT category)");
        await Assertions.Expect(row).ToContainTextAsync("(RJ1)");
        await Assertions.Expect(row).ToContainTextAsync("Not shared");
        await lead.Page.RunAndWaitForNavigationAsync(() => row.GetByRole(AriaRole.Link).ClickAsync());
        await lead.SeeAsync("theme");

        // The evidence: the month's count against the expected, and the 13 months plotted as the API gives them.
        var observed = theme.GetProperty("monthlyObserved").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var totals = theme.GetProperty("monthlyTotals").EnumerateArray().Select(e => e.GetInt32()).ToList();
        await Assertions.Expect(lead.Page.Locator("#observed")).ToContainTextAsync($"{theme.GetProperty("observed").GetInt32()} of {theme.GetProperty("total").GetInt32()}");
        await Assertions.Expect(lead.Page.Locator("#rule")).ToContainTextAsync("binomial");
        await Assertions.Expect(lead.Page.Locator("#chart svg desc")).ToContainTextAsync("baseline share");
        var months = Enumerable.Range(0, 13).Select(i => LastMonth.AddMonths(i - 12).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var plotted = new Dictionary<string, (int, int)>();
        foreach (var point in await lead.Page.Locator("#chart svg circle[data-month]").AllAsync())
        {
            plotted[(await point.GetAttributeAsync("data-month"))!] = (
                int.Parse((await point.GetAttributeAsync("data-numerator"))!, CultureInfo.InvariantCulture),
                int.Parse((await point.GetAttributeAsync("data-denominator"))!, CultureInfo.InvariantCulture));
        }
        Assert.Equal(months.Select((m, i) => (m, i)).Where(x => totals[x.i] > 0).ToDictionary(x => x.m, x => (observed[x.i], totals[x.i])), plotted);
        for (var i = 0; i < 13; i++)
        {
            var cell = lead.Page.Locator($"#month-{months[i]} td");
            Assert.Equal((observed[i], totals[i]), (
                int.Parse((await cell.GetAttributeAsync("data-observed"))!, CultureInfo.InvariantCulture),
                int.Parse((await cell.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture)));
        }
        await Assertions.Expect(lead.Page.Locator("#no-actions")).ToBeVisibleAsync();

        // The share form with the keyboard alone: learning refuses a message that identifies someone, against the field.
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Share this theme with providers" }).ClickAsync());
        await lead.SeeAsync("share");
        await lead.FillAsync("message", "Ring Dr Jones on 020 7946 0001.");
        await lead.PressAsync("Share the theme", "share-refused");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("must not identify anyone");
        await Assertions.Expect(lead.Page.Locator("#message-error")).ToBeVisibleAsync();
        const string Learning = "Cancellation letters arrive late; phone patients when a clinic is cancelled.";
        await lead.FillAsync("message", Learning);
        foreach (var provider in new[] { "RJ1", "RJZ" })
        {
            var box = lead.Page.Locator($"input[name=OrganisationCodes][value={provider}]");
            if (!await box.IsCheckedAsync())
            {
                await lead.ChooseAsync(await lead.Page.Locator($"label[for={await box.GetAttributeAsync("id")}]").InnerTextAsync());
            }
        }
        await lead.PressAsync("Share the theme", "theme-shared");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await Assertions.Expect(lead.Page.Locator("#shared")).ToContainTextAsync($"Shared on {today}");
        await Assertions.Expect(lead.Page.Locator("#shared")).ToContainTextAsync("(RJ1)");
        await Assertions.Expect(lead.Page.Locator("#shared")).ToContainTextAsync("(RJZ)");
        await Assertions.Expect(lead.Page.Locator("#share-message")).ToHaveTextAsync(Learning);

        // The provider it was shared with learns from it without a complaint: counts and the message, no case or reference.
        using var rjz = await Personas.ApiAsync(system, "quality.rjz");
        var atRjz = await rjz.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/learning/themes/{id}", UriKind.Relative));
        Assert.Equal(Learning, atRjz.GetProperty("shareMessage").GetString());
        Assert.False(atRjz.TryGetProperty("organisationCode", out var whose) && whose.ValueKind == JsonValueKind.String, "RJZ is not told whose theme it is");
        Assert.Empty(atRjz.GetProperty("contributions").EnumerateArray());
        AssertNoComplaintIn(atRjz);
        using var rj1 = await Personas.ApiAsync(system, "handler.rj1");
        AssertNoComplaintIn(await rj1.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/learning/themes?month={Month}", UriKind.Relative)));

        // RJ1 acts on it; the ICB's theme page shows what it will change.
        using (var raised = await rj1.PostAsJsonAsync(new Uri("/api/v1/learning/actions", UriKind.Relative),
            new { themeId = id, whatWillChange = "Phone patients about cancelled clinics.", owner = "Outpatients manager", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2) }))
        {
            Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        }
        await lead.OpenAsync($"/oversight/themes/{id}", "theme-acted-on");
        await Assertions.Expect(lead.Page.Locator("#actions")).ToContainTextAsync("Phone patients about cancelled clinics.");
        Assert.Empty(lead.Violations);
        Assert.Empty(lead.Overflows);
    }

    [Fact]
    public async Task The_ICB_sees_each_providers_submitted_self_assessment_side_by_side_and_who_has_not_submitted()
    {
        var year = DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
        using (var rjz = await Personas.ApiAsync(system, "responsible.rjz"))
        {
            var framework = await rjz.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/learning/standards", UriKind.Relative));
            var expectations = framework.GetProperty("sections").EnumerateArray()
                .SelectMany(s => s.GetProperty("expectations").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)).ToList();
            using var rated = await rjz.PutAsJsonAsync(new Uri($"/api/v1/learning/self-assessments/{year}", UriKind.Relative), new
            {
                ratings = expectations.Select(e => new { expectationId = e, level = e.StartsWith('4') ? 4 : 2, evidence = "Board review.", improvementActions = "Plan agreed." }),
            });
            Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
            using var submitted = await rjz.PostAsync(new Uri($"/api/v1/learning/self-assessments/{year}/submission", UriKind.Relative), null);
            Assert.True(submitted.IsSuccessStatusCode || submitted.StatusCode == HttpStatusCode.Conflict, await submitted.Content.ReadAsStringAsync());
        }

        var lead = await Personas.SignInAsync(system, browser, "quality.qkk", "icb-self-assessments");
        await lead.OpenAsync("/oversight", "providers");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Self-assessments against the Standards" }).ClickAsync());
        await lead.SeeAsync("self-assessments");
        await Assertions.Expect(lead.Page.Locator("#section-1 td[data-organisation=RJZ]")).ToHaveTextAsync("2.0");
        await Assertions.Expect(lead.Page.Locator("#section-4 td[data-organisation=RJZ]")).ToHaveTextAsync("4.0");
        Assert.Equal("2", await lead.Page.Locator("#expectation-1-1 td[data-organisation=RJZ]").GetAttributeAsync("data-level"));
        await Assertions.Expect(lead.Page.Locator("#not-submitted-Y99901")).ToContainTextAsync("not started");
        await Assertions.Expect(lead.Page.Locator("#peer-rule")).ToContainTextAsync("fewer than 3 peers");
        Assert.Empty(lead.Violations);
        Assert.Empty(lead.Overflows);
    }

    [Fact]
    public async Task A_commissioner_chooses_a_providers_trend_from_its_row_and_the_measure_from_the_list()
    {
        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "provider-trend");
        await commissioner.OpenAsync("/oversight", "providers");
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.Locator("#provider-RJZ").GetByRole(AriaRole.Link).ClickAsync());
        await commissioner.SeeAsync("trend-rjz");
        await Assertions.Expect(commissioner.Page.Locator("#chart svg > title")).ToContainTextAsync("Complaints received: RJZ");
        await commissioner.Page.Locator("#measure").SelectOptionAsync("acknowledgedInTime");
        await commissioner.PressAsync("Show the trend", "trend-rjz-acknowledged");
        await Assertions.Expect(commissioner.Page.Locator("#chart svg > title")).ToContainTextAsync("Acknowledged within 3 working days: RJZ");
        await Assertions.Expect(commissioner.Page.Locator("#organisation")).ToHaveValueAsync("RJZ");
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        var trend = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/reporting/trend?organisation=RJZ&measure=acknowledgedInTime", UriKind.Relative));
        Assert.Equal(
            trend.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("month").GetString()!).ToList(),
            await commissioner.Page.Locator("#trend-figures tbody th").AllInnerTextsAsync());
        Assert.Empty(commissioner.Violations);
        Assert.Empty(commissioner.Overflows);
    }

    [Fact]
    public async Task A_commissioner_of_another_ICB_sees_none_of_these_providers_themes_or_self_assessments()
    {
        await CodedHistoryAsync();
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        using (var detected = await api.PostAsJsonAsync(new Uri("/api/v1/learning/themes/detection", UriKind.Relative), new { month = Month }))
        {
            Assert.True(detected.IsSuccessStatusCode, await detected.Content.ReadAsStringAsync());
        }
        var id = (await Rj1CommunicationThemeAsync(api)).GetProperty("id").GetGuid();

        var other = await Personas.SignInAsync(system, browser, "commissioner.qop", "other-icb-learning");
        foreach (var page in new[] { $"/oversight/themes?month={Month}", "/oversight/self-assessments", "/oversight/trend" })
        {
            await other.OpenAsync(page, page.Split('?')[0].Trim('/').Replace('/', '-'));
            var text = await other.Page.Locator("main").InnerTextAsync();
            foreach (var provider in new[] { "RJ1", "RJZ", "Y99901" })
            {
                Assert.DoesNotContain(provider, text, StringComparison.Ordinal);
            }
            Assert.Equal(0, await other.Page.Locator($"#theme-{id}, [data-organisation=RJ1], option[value=RJ1]").CountAsync());
        }
        foreach (var page in new[] { $"/oversight/themes/{id}", $"/oversight/themes/{id}/share", "/oversight/trend?organisation=RJ1" })
        {
            Assert.Equal(404, (await other.Page.GotoAsync(page))!.Status);
        }
        Assert.Empty(other.Violations);
    }

    // The synthetic year of coded complaints `./ics up` gives RJ1 and RJZ (learning's demo-history command): about
    // twenty a month each, with communication problems at RJ1 rising sharply last month. Added once.
    private async Task CodedHistoryAsync()
    {
        var command = system.Learning.Services.GetServices<IServiceCommand>().Single(c => c.Name == "demo-history");
        Assert.Equal(0, await command.RunAsync(["RJ1", "RJZ"], system.Learning.Services));
    }

    private static async Task<JsonElement> Rj1CommunicationThemeAsync(HttpClient api)
    {
        var themes = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/learning/themes?month={Month}", UriKind.Relative));
        return themes.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("scope").GetString() == "Provider"
            && t.GetProperty("organisationCode").GetString() == "RJ1" && t.GetProperty("code").GetString() == "communication");
    }

    // A theme is counts: no case, no complaint reference (synthetic ones start DEMO-), no complainant.
    private static void AssertNoComplaintIn(JsonElement json)
    {
        var text = json.GetRawText();
        Assert.DoesNotContain("DEMO-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"caseId\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"reference\"", text, StringComparison.Ordinal);
    }
}
