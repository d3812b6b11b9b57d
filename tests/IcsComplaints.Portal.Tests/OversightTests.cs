// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a GET form
// sent to its own address has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// An ICB's commissioner oversees the providers it commissions: providers compared over months chosen with the
/// keyboard, funnel plots and trends drawn by reporting with the same figures beside them, overdue complaints down
/// to the case, and KO41 returns checked before download; a commissioner of another ICB sees none of it.
/// </summary>
public sealed class OversightTests(PortalSystem system, Browser browser)
{
    private static readonly DateOnly ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);

    // Months that include today's complaints: the default (the last twelve complete months) does not.
    private static readonly DateOnly FirstMonth = ThisMonth.AddMonths(-11);

    private static string Months => $"from={FirstMonth:yyyy-MM}&to={ThisMonth:yyyy-MM}";

    [Fact]
    public async Task A_commissioner_compares_providers_over_months_chosen_with_the_keyboard_and_sees_the_APIs_figures()
    {
        await AcknowledgedComplaintsAsync(("RJ1", "Ann Oversight"), ("RJ1", "Bob Oversight"), ("RJZ", "Cy Oversight"));
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        await Eventually.TrueAsync(async () =>
        {
            var view = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight?{Months}", UriKind.Relative));
            return Acknowledged(view, "RJ1") >= 2 && Acknowledged(view, "RJZ") >= 1;
        }, TimeSpan.FromSeconds(60), "reporting counts the acknowledged complaints");

        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "oversight", keyboardOnly: true);
        await Assertions.Expect(commissioner.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Oversight" })).ToHaveCountAsync(1);
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Oversight" }).ClickAsync());
        await commissioner.SeeAsync("providers");
        await Assertions.Expect(commissioner.Page.Locator("#providers")).ToContainTextAsync("All providers");
        foreach (var provider in new[] { "RJ1", "RJZ", "Y99901" })
        {
            await Assertions.Expect(commissioner.Page.Locator($"#provider-{provider}")).ToBeVisibleAsync();
        }

        // The months typed with the keyboard alone; reporting's own message for a month that is not one.
        await TypeMonthsAsync(commissioner, "13", FirstMonth.Year, ThisMonth);
        await commissioner.PressAsync("Show these months", "providers-wrong-month");
        await Assertions.Expect(commissioner.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("01 to 12");
        await Assertions.Expect(commissioner.Page.Locator("#from-error")).ToBeVisibleAsync();
        await TypeMonthsAsync(commissioner, FirstMonth.Month.ToString(CultureInfo.InvariantCulture), FirstMonth.Year, ThisMonth);
        await commissioner.PressAsync("Show these months", "providers-months");
        var oversight = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight?{Months}", UriKind.Relative));
        foreach (var provider in new[] { "RJ1", "RJZ" })
        {
            var figures = Provider(oversight, provider);
            var row = commissioner.Page.Locator($"#provider-{provider}");
            await Assertions.Expect(row.Locator("[data-measure=received]")).ToHaveTextAsync(figures.GetProperty("received").GetInt32().ToString(CultureInfo.InvariantCulture));
            var ack = figures.GetProperty("acknowledgedInTime");
            await Assertions.Expect(row.Locator("[data-measure=acknowledgedInTime]"))
                .ToContainTextAsync($"({ack.GetProperty("numerator").GetInt32()} of {ack.GetProperty("denominator").GetInt32()})");
        }

        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Funnel plots of the rates" }).ClickAsync());
        await commissioner.SeeAsync("funnel");
        await Assertions.Expect(commissioner.Page.Locator("#chart svg title").First).ToContainTextAsync("Acknowledged within 3 working days");
        await Assertions.Expect(commissioner.Page.Locator("#chart svg desc")).ToContainTextAsync("overall rate");

        await commissioner.OpenAsync("/oversight/trend?measure=acknowledgedInTime", "trend");
        await Assertions.Expect(commissioner.Page.Locator($"#month-{ThisMonth:yyyy-MM}")).ToBeVisibleAsync();
        await commissioner.OpenAsync("/oversight/overdue", "overdue");
        await Assertions.Expect(commissioner.Page.Locator("#overdue-RJ1")).ToBeVisibleAsync();
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.Locator("#overdue-RJ1").GetByRole(AriaRole.Link, new() { Name = "RJ1" }).ClickAsync());
        await commissioner.SeeAsync("overdue-rj1");
        await Assertions.Expect(commissioner.Page.Locator("h1")).ToHaveTextAsync("RJ1");
        var overdueText = await commissioner.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Ann Oversight", overdueText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody told me", overdueText, StringComparison.Ordinal);

        await commissioner.OpenAsync("/oversight/returns", "returns");
        await commissioner.Page.Locator("#organisation").SelectOptionAsync("RJ1");
        var year = ThisMonth.Month >= 4 ? ThisMonth.Year : ThisMonth.Year - 1;
        await commissioner.Page.Locator("#year").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await commissioner.PressAsync("Check the return", "returns-rj1");
        var ko41 = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/ko41?organisation=RJ1&year={year}", UriKind.Relative));
        await Assertions.Expect(commissioner.Page.Locator("#return-heading")).ToContainTextAsync($"{ko41.GetProperty("collection").GetString()} for RJ1");
        await Assertions.Expect(commissioner.Page.Locator(ko41.GetProperty("valid").GetBoolean() ? "#download" : "#failed-checks")).ToBeVisibleAsync();
        Assert.Empty(commissioner.Violations);
        Assert.Empty(commissioner.Overflows);
    }

    [Fact]
    public async Task The_funnel_plot_in_the_page_plots_each_providers_figures_as_the_API_gives_them()
    {
        await AcknowledgedComplaintsAsync(("RJ1", "Dee Funnel"), ("RJZ", "Eve Funnel"));
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        var query = $"fromMonth={FirstMonth.Month}&fromYear={FirstMonth.Year}&toMonth={ThisMonth.Month}&toYear={ThisMonth.Year}&measure=acknowledgedInTime";
        await Eventually.TrueAsync(async () =>
        {
            var view = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight?{Months}", UriKind.Relative));
            return Acknowledged(view, "RJ1") >= 1 && Acknowledged(view, "RJZ") >= 1;
        }, TimeSpan.FromSeconds(60), "reporting counts the acknowledged complaints");

        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "funnel");
        await commissioner.OpenAsync($"/oversight/funnel?{query}", "plotted");
        var funnel = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight/funnel?measure=acknowledgedInTime&{Months}", UriKind.Relative));

        var plotted = new Dictionary<string, (int, int, double)>();
        foreach (var point in await commissioner.Page.Locator("#chart svg g[data-organisation]").AllAsync())
        {
            plotted[(await point.GetAttributeAsync("data-organisation"))!] = (
                int.Parse((await point.GetAttributeAsync("data-numerator"))!, CultureInfo.InvariantCulture),
                int.Parse((await point.GetAttributeAsync("data-denominator"))!, CultureInfo.InvariantCulture),
                double.Parse((await point.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
        }
        var expected = funnel.GetProperty("points").EnumerateArray().Where(p => p.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.GetProperty("organisationCode").GetString()!, p => (p.GetProperty("numerator").GetInt32(), p.GetProperty("denominator").GetInt32(), p.GetProperty("value").GetDouble()));
        Assert.Contains("RJ1", expected.Keys);
        Assert.Equal(expected, plotted);
        // The table beside the chart gives the same counts.
        foreach (var (organisation, (numerator, denominator, _)) in expected)
        {
            await Assertions.Expect(commissioner.Page.Locator($"#funnel-{organisation} [data-numerator]")).ToHaveTextAsync(numerator.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(commissioner.Page.Locator($"#funnel-{organisation} [data-denominator]")).ToHaveTextAsync(denominator.ToString(CultureInfo.InvariantCulture));
        }
        Assert.Empty(commissioner.Violations);
        Assert.Empty(commissioner.Overflows);
    }

    [Fact]
    public async Task A_commissioner_of_another_ICB_sees_none_of_these_providers()
    {
        await AcknowledgedComplaintsAsync(("RJ1", "Fay Elsewhere"));
        var other = await Personas.SignInAsync(system, browser, "commissioner.qop", "oversight-other-icb");
        await other.OpenAsync($"/oversight?fromMonth={FirstMonth.Month}&fromYear={FirstMonth.Year}&toMonth={ThisMonth.Month}&toYear={ThisMonth.Year}", "providers");
        await Assertions.Expect(other.Page.Locator("#provider-R0A")).ToBeVisibleAsync();
        foreach (var page in new[] { "/oversight", "/oversight/funnel", "/oversight/trend", "/oversight/overdue", "/oversight/returns", "/oversight/transfers" })
        {
            await other.OpenAsync(page, page.Trim('/').Replace('/', '-'));
            var text = await other.Page.Locator("main").InnerTextAsync();
            foreach (var provider in new[] { "RJ1", "RJZ", "Y99901" })
            {
                Assert.DoesNotContain(provider, text, StringComparison.Ordinal);
            }
            Assert.Equal(0, await other.Page.Locator("[data-organisation=RJ1], option[value=RJ1]").CountAsync());
        }
        var overdue = await other.Page.GotoAsync("/oversight/overdue/RJ1");
        Assert.Equal(404, overdue!.Status);
        await other.OpenAsync("/oversight/returns?organisation=RJ1", "returns-rj1");
        await Assertions.Expect(other.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(other.Page.Locator("#return-heading")).ToHaveCountAsync(0);
        var download = await other.Page.Context.APIRequest.GetAsync("/oversight/returns/download?organisation=RJ1&year=2025", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, download.Status);
        Assert.Empty(other.Violations);
    }

    [Fact]
    public async Task The_ICBs_quality_lead_oversees_its_providers_too_and_a_providers_handler_has_no_oversight()
    {
        var lead = await Personas.SignInAsync(system, browser, "quality.qkk", "oversight-quality-lead");
        await lead.OpenAsync("/oversight", "providers");
        await Assertions.Expect(lead.Page.Locator("#provider-RJ1")).ToBeVisibleAsync();
        Assert.Empty(lead.Violations);

        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "oversight-handler");
        await Assertions.Expect(handler.Page.GetByRole(AriaRole.Link, new() { Name = "Oversight" })).ToHaveCountAsync(0);
        var refused = await handler.Page.GotoAsync("/oversight");
        Assert.Contains("/access-denied", refused!.Url, StringComparison.Ordinal);
        Assert.Equal(0, await handler.Page.Locator("#providers").CountAsync());
    }

    [Fact]
    public async Task A_commissioner_sees_what_waits_for_consent_and_each_transfer_with_the_ICBs_days_apart_from_the_providers()
    {
        await Personas.RecordComplaintAsync(system, "QKK", "Wes Waiting", new { aboutOrganisationCodes = new[] { "RJ1" } });
        var (reference, _) = await Personas.RecordComplaintAsync(
            system, "QKK", "Tia Transferred", new { aboutOrganisationCodes = new[] { "RJ1" }, shareWithProviderConsent = "Given" });
        using (var icb = await Personas.ApiAsync(system, "handler.qkk"))
        {
            var complaintId = (await icb.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/complaints?reference={reference}", UriKind.Relative)))
                .GetProperty("items")[0].GetProperty("id").GetString();
            using var transfer = await icb.PostAsJsonAsync(
                new Uri($"/api/v1/complaints/{complaintId}/routing", UriKind.Relative), new { decision = "Transfer", toOrganisationCode = "RJ1" });
            Assert.True(transfer.IsSuccessStatusCode, $"transferring: {(int)transfer.StatusCode} {await transfer.Content.ReadAsStringAsync()}");
        }
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        await Eventually.TrueAsync(async () =>
        {
            var figures = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight/transfers?{Months}", UriKind.Relative));
            return figures.GetProperty("awaitingConsentCount").GetInt32() > 0 &&
                figures.GetProperty("transfers").EnumerateArray().Any(t => t.GetProperty("toOrganisationCode").GetString() == "RJ1");
        }, TimeSpan.FromSeconds(30), "reporting learns of the complaint waiting for consent and of the transfer");

        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "oversight-transfers");
        // This month, so that today's transfer is among the months shown (the default is the last twelve complete months).
        await commissioner.OpenAsync($"/oversight?fromMonth={FirstMonth.Month}&fromYear={FirstMonth.Year}&toMonth={ThisMonth.Month}&toYear={ThisMonth.Year}", "providers");
        await commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Transfers to providers, and whose time they took" }).ClickAsync();
        await Assertions.Expect(commissioner.Page.Locator("h1")).ToHaveTextAsync("Transfers to providers");
        await commissioner.SeeAsync("transfers");
        await Assertions.Expect(commissioner.Page.Locator("#awaiting-count")).Not.ToContainTextAsync("0 complaints");
        await Assertions.Expect(commissioner.Page.Locator("#awaiting")).ToBeVisibleAsync();
        await Assertions.Expect(commissioner.Page.Locator("#times-RJ1")).ToContainTextAsync("RJ1");
        await Assertions.Expect(commissioner.Page.Locator("#transfers")).ToContainTextAsync("Still with the provider");
        Assert.Empty(commissioner.Overflows);
        Assert.Empty(commissioner.Violations);
    }

    private async Task AcknowledgedComplaintsAsync(params (string Organisation, string Complainant)[] complaints)
    {
        foreach (var (organisation, complainant) in complaints)
        {
            var (_, caseId) = await Personas.RecordComplaintAsync(system, organisation, complainant);
            using var handler = await Personas.ApiAsync(system, "handler." + organisation.ToLowerInvariant());
            using var acknowledged = await handler.PostAsJsonAsync(
                new Uri($"/api/v1/cases/{caseId}/acknowledgement", UriKind.Relative), new { channel = "Letter", discussionOffered = true });
            Assert.True(acknowledged.IsSuccessStatusCode, $"acknowledging: {(int)acknowledged.StatusCode} {await acknowledged.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task TypeMonthsAsync(Journey journey, string fromMonth, int fromYear, DateOnly to)
    {
        await journey.FillAsync("from-month", fromMonth);
        await journey.FillAsync("from-year", fromYear.ToString(CultureInfo.InvariantCulture));
        await journey.FillAsync("to-month", to.Month.ToString(CultureInfo.InvariantCulture));
        await journey.FillAsync("to-year", to.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static JsonElement Provider(JsonElement oversight, string organisation) =>
        oversight.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("organisationCode").GetString() == organisation);

    private static int Acknowledged(JsonElement oversight, string organisation) =>
        Provider(oversight, organisation).GetProperty("acknowledgedInTime").GetProperty("numerator").GetInt32();
}
