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
/// An ICB's commissioner reads the Reg 18 annual report of a provider it commissions: the organisation and year
/// chosen, the report's figures as reporting publishes them, and the same report downloaded as a PDF; a commissioner of
/// another ICB gets none of it.
/// </summary>
public sealed class AnnualReportTests(PortalSystem system, Browser browser)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    // The financial year today falls in, by its first calendar year: the complaints recorded here are in it.
    private static readonly int Year = Today.Month >= 4 ? Today.Year : Today.Year - 1;

    private static string Period => $"{Year}/{(Year + 1) % 100:00}";

    [Fact]
    public async Task A_commissioner_reads_a_providers_annual_report_with_the_APIs_figures_and_downloads_it_as_a_PDF()
    {
        // Five, so that the year's count at RJ1 is not a small number the published report withholds.
        for (var i = 0; i < 5; i++)
        {
            await Personas.RecordComplaintAsync(system, "RJ1", $"Ada Annual {i}");
        }
        using var api = await Personas.ApiAsync(system, "commissioner.qkk");
        await Eventually.TrueAsync(async () =>
        {
            var report = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/annual-report?organisation=RJ1&year={Year}", UriKind.Relative));
            return report.TryGetProperty("received", out var received) && received.GetInt32() >= 5;
        }, TimeSpan.FromSeconds(60), "reporting counts the year's complaints at RJ1");

        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "annual-report");
        await commissioner.OpenAsync("/oversight", "oversight");
        await commissioner.Page.RunAndWaitForNavigationAsync(() =>
            commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Annual complaints reports (regulation 18)" }).ClickAsync());
        await commissioner.SeeAsync("choose");
        await Assertions.Expect(commissioner.Page.Locator("#organisation option[value=QKK]")).ToHaveCountAsync(1);
        await commissioner.Page.Locator("#organisation").SelectOptionAsync("RJ1");
        await commissioner.Page.Locator("#year").SelectOptionAsync(Year.ToString(CultureInfo.InvariantCulture));
        await commissioner.PressAsync("Show the report", "rj1");

        await Assertions.Expect(commissioner.Page.Locator("h1")).ToHaveTextAsync($"Complaints annual report {Period}");
        await Assertions.Expect(commissioner.Page.Locator(".nhsuk-caption-l")).ToContainTextAsync("(RJ1)");
        var json = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/annual-report?organisation=RJ1&year={Year}", UriKind.Relative));
        var expected = new List<(string Figure, string Value)>
        {
            ("received", Figure(json, "received")), ("decidedWellFounded", Figure(json, "decidedWellFounded")), ("referredToOmbudsman", Figure(json, "referredToOmbudsman")),
            ("actionsRaised", Figure(json, "actionsRaised")), ("actionsCompleted", Figure(json, "actionsCompleted")), ("actionsPublished", Figure(json, "actionsPublished")),
            ("backstopBreaches", Figure(json.GetProperty("measures"), "backstopBreaches")),
        };
        expected.AddRange(json.GetProperty("subjectMatter").EnumerateObject().Select(s => ($"subject-{s.Name}", Figure(json.GetProperty("subjectMatter"), s.Name))));
        expected.AddRange(json.GetProperty("measures").GetProperty("receivedByChannel").EnumerateObject()
            .Select(c => ($"channel-{c.Name}", Figure(json.GetProperty("measures").GetProperty("receivedByChannel"), c.Name))));
        Assert.NotEqual("withheld", expected[0].Value);
        foreach (var (figure, value) in expected)
        {
            await Assertions.Expect(commissioner.Page.Locator($"tr[data-figure='{figure.Replace("'", "\\'", StringComparison.Ordinal)}'] td")).ToHaveTextAsync(value);
        }
        foreach (var section in new[] { "received", "well-founded", "ombudsman", "subjects", "themes", "actions" })
        {
            await Assertions.Expect(commissioner.Page.Locator($"#{section}-heading")).ToBeVisibleAsync();
        }

        var download = await commissioner.Page.RunAndWaitForDownloadAsync(() => commissioner.Page.Locator("#download").ClickAsync());
        Assert.Equal($"annual-complaints-report-RJ1-{Period.Replace('/', '-')}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Empty(commissioner.Violations);
        Assert.Empty(commissioner.Overflows);
    }

    [Fact]
    public async Task A_wrong_year_is_shown_beside_its_field_and_another_ICBs_commissioner_gets_none_of_the_providers_report()
    {
        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "annual-report-wrong-year");
        await commissioner.OpenAsync("/oversight/annual-report?organisation=RJ1&year=1999", "wrong-year");
        await Assertions.Expect(commissioner.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("financial year");
        await Assertions.Expect(commissioner.Page.Locator("#year-error")).ToBeVisibleAsync();
        await Assertions.Expect(commissioner.Page.Locator("#download")).ToHaveCountAsync(0);
        Assert.Empty(commissioner.Violations);

        var other = await Personas.SignInAsync(system, browser, "commissioner.qop", "annual-report-other-icb");
        await other.OpenAsync("/oversight/annual-report", "choose");
        Assert.Equal(0, await other.Page.Locator("option[value=RJ1]").CountAsync());
        await other.OpenAsync($"/oversight/annual-report?organisation=RJ1&year={Year}", "rj1");
        await Assertions.Expect(other.Page.Locator("#organisation-error")).ToBeVisibleAsync();
        Assert.DoesNotContain("Complaints annual report", await other.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var pdf = await other.Page.Context.APIRequest.GetAsync($"/oversight/annual-report/download?organisation=RJ1&year={Year}", new() { MaxRedirects = 0 });
        Assert.Equal(404, pdf.Status);
        Assert.Empty(other.Violations);
    }

    private static string Figure(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32().ToString(CultureInfo.InvariantCulture) : "withheld";
}
