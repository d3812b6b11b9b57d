// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// The report to the board: the ICB's commissioner chooses the whole ICS and the last quarter, reads it part by part
/// against the quarter before, with reporting's figures, and downloads it as a PDF; a provider's quality lead gets
/// their own organisation's without choosing; a period that is not a quarter or a financial year is named beside its
/// field; another ICB gets nothing of these providers. Every page reached passes axe.
/// </summary>
public sealed class BoardReportJourneyTests(PortalSystem system, Browser browser)
{
    private static readonly string[] Parts = ["volumes", "timeliness", "outcomes", "themes", "learning", "experience"];

    [Fact]
    public async Task The_commissioner_reads_the_whole_ICS_s_quarter_against_the_one_before_and_downloads_it()
    {
        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "board");
        await commissioner.OpenAsync("/oversight", "oversight");
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Complaints reports to the board" }).ClickAsync());
        await commissioner.SeeAsync("choose");
        Assert.Equal("ics", await commissioner.Page.Locator("#organisation").InputValueAsync());
        var period = await commissioner.Page.Locator("#period").InputValueAsync();
        Assert.Matches(@"^\d{4}-Q[1-4]$", period);
        await commissioner.PressAsync("Show the report", "report");
        await Assertions.Expect(commissioner.Page.Locator("h1")).ToContainTextAsync("Complaints report to the board:");
        await Assertions.Expect(commissioner.Page.Locator(".nhsuk-caption-l")).ToContainTextAsync("every provider it commissions");
        foreach (var part in Parts)
        {
            await Assertions.Expect(commissioner.Page.Locator($"#{part} h2")).ToBeVisibleAsync();
        }

        // The page shows reporting's own figures for the ICS.
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        var json = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/board-report?scope=ics&period={period}", UriKind.Relative));
        var received = json.GetProperty("sections")[0].GetProperty("rows")[0];
        var row = commissioner.Page.Locator("#volumes tr", new() { HasText = "Complaints received" }).First;
        await Assertions.Expect(row.Locator("[data-current]")).ToHaveTextAsync(received.GetProperty("current").GetString()!);
        await Assertions.Expect(row.Locator("[data-previous]")).ToHaveTextAsync(received.GetProperty("previous").GetString()!);
        await Assertions.Expect(commissioner.Page.Locator("#volumes p").First).ToHaveTextAsync(json.GetProperty("sections")[0].GetProperty("narrative")[0].GetString()!);

        var download = await commissioner.Page.RunAndWaitForDownloadAsync(() => commissioner.Page.Locator("#download").ClickAsync());
        Assert.Equal($"complaints-board-report-QKK-ics-{period}.pdf", download.SuggestedFilename);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);
        Assert.Empty(commissioner.Violations);
        Assert.Empty(commissioner.Overflows);
    }

    [Fact]
    public async Task A_provider_gets_its_own_report_a_wrong_period_is_named_and_another_ICB_gets_none_of_the_providers()
    {
        var lead = await Personas.SignInAsync(system, browser, "quality.rj1", "board-provider");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Quality", Exact = true }).First.ClickAsync());
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Report to the board" }).ClickAsync());
        await lead.SeeAsync("choose");
        await Assertions.Expect(lead.Page.Locator("#organisation")).ToHaveCountAsync(0);
        // The seventh period offered is this financial year so far.
        await lead.Page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Index = 6 });
        await lead.PressAsync("Show the report", "report");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-caption-l")).ToContainTextAsync("(RJ1)");
        await Assertions.Expect(lead.Page.Locator("h1")).ToContainTextAsync("1 April");

        await lead.OpenAsync("/staff/board-report?period=2026-11", "wrong-period");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#period']")).ToContainTextAsync("quarter");
        await Assertions.Expect(lead.Page.Locator("#period-error")).ToBeVisibleAsync();
        Assert.Empty(lead.Violations);

        var other = await Personas.SignInAsync(system, browser, "commissioner.qop", "board-other-icb");
        await other.OpenAsync("/staff/board-report", "choose");
        Assert.Equal(0, await other.Page.Locator("option[value=RJ1]").CountAsync());
        await other.OpenAsync("/staff/board-report?organisation=RJ1&period=2026-Q3", "rj1");
        await Assertions.Expect(other.Page.Locator("#organisation-error")).ToBeVisibleAsync();
        var pdf = await other.Page.Context.APIRequest.GetAsync("/staff/board-report/download?organisation=RJ1&period=2026-Q3", new() { MaxRedirects = 0 });
        Assert.Equal(404, pdf.Status);
        Assert.Empty(other.Violations);
    }
}
