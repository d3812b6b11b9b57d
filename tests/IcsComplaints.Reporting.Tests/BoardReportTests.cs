using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// The quarterly board report of one provider and of its ICB's whole system, from the events reporting consumed, with
/// each figure beside the quarter before's; the PDF carries the same sentences and figures; other ICBs are refused.
/// 2016 is used by no other test: RJ2 has 20 complaints in its third quarter and 10 in its second, RJZ 6 in the third.
/// </summary>
public sealed class BoardReportTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AProvidersQuarter_IsToldAgainstTheQuarterBefore_AndTheIcsReportAddsEveryProvider_InJsonAndPdfAlike()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));

        var rj2 = await GetAsync(icb, "/api/v1/reporting/board-report?organisation=RJ2&period=2016-Q3");
        Assert.Equal(("RJ2", false, "July to September 2016", "April to June 2016"),
            (rj2.GetProperty("scope").GetString(), rj2.GetProperty("wholeSystem").GetBoolean(), rj2.GetProperty("covers").GetString(), rj2.GetProperty("previousPeriod").GetString()));
        var volumes = Section(rj2, "volumes");
        Assert.Equal("20 complaints were received, up from 10 in April to June 2016.", volumes.GetProperty("narrative")[0].GetString());
        // Every complaint is about communications, so it is named; the eight about access too; none is a small number.
        Assert.Equal("The subjects raised most were communications (20) and access (8).", volumes.GetProperty("narrative")[1].GetString());
        Assert.Equal(("20", "10"), Row(volumes, "Complaints received"));
        // 15 of 20 acknowledged in time this quarter, all 10 before.
        var timeliness = Section(rj2, "timeliness");
        Assert.StartsWith("75.0% of complaints were acknowledged within 3 working days (regulation 13(3)) (15 of 20), against 100.0% in April to June 2016.",
            timeliness.GetProperty("narrative")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(("15 of 20 (75.0%)", "10 of 10 (100.0%)"), Row(timeliness, "Acknowledged within 3 working days"));
        Assert.Equal(("10", "5"), Row(Section(rj2, "outcomes"), "Upheld"));
        Assert.False(rj2.GetProperty("suppressed").GetBoolean());

        // The ICS: the ICB and every provider it commissions together, so RJZ's six are added to RJ2's twenty.
        var ics = await GetAsync(icb, "/api/v1/reporting/board-report?scope=ics&period=2016-Q3");
        Assert.Equal(("QKK", true), (ics.GetProperty("scope").GetString(), ics.GetProperty("wholeSystem").GetBoolean()));
        Assert.Equal(("26", "10"), Row(Section(ics, "volumes"), "Complaints received"));

        // The PDF carries the same sentences and figures, each beside the quarter before's.
        using var response = await icb.GetAsync(new Uri("/api/v1/reporting/board-report.pdf?organisation=RJ2&period=2016-Q3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("complaints-board-report-RJ2-2016-Q3.pdf", response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Complaints report to the board: July to September 2016: ", pdf.Information.Title, StringComparison.Ordinal);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("20 complaints were received, up from 10 in April to June 2016.", words, StringComparison.Ordinal);
        Assert.Contains("Acknowledged within 3 working days 15 of 20 (75.0%) 10 of 10 (100.0%)", words, StringComparison.Ordinal);
        foreach (var section in rj2.GetProperty("sections").EnumerateArray())
        {
            Assert.Contains(section.GetProperty("heading").GetString()!, words, StringComparison.Ordinal);
        }
        using var icsPdf = await icb.GetAsync(new Uri("/api/v1/reporting/board-report.pdf?scope=ics&period=2016-Q3", UriKind.Relative));
        Assert.Equal("complaints-board-report-QKK-ics-2016-Q3.pdf", icsPdf.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task AnotherIcb_GetsNotFound_AProviderCannotAskForTheIcs_AndABadPeriodOrScopeGetsAFieldError()
    {
        using var otherIcb = system.Http(await system.TokenAsync("commissioner.qop"));
        using (var notTheirs = await otherIcb.GetAsync(new Uri("/api/v1/reporting/board-report?organisation=RJ2&period=2016-Q3", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        using (var provider = await system.Http(await system.TokenAsync("quality.rj1")).GetAsync(new Uri("/api/v1/reporting/board-report?scope=ics&period=2016-Q3", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);
        }
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        foreach (var (query, field) in new[]
        {
            ("organisation=RJ2&period=2016-11", "period"), ("organisation=RJ2&period=2016", "period"), ("organisation=RJ2", "period"),
            ("scope=region&period=2016-Q3", "scope"), ("scope=ics&organisation=RJ2&period=2016-Q3", "organisation"),
        })
        {
            using var refused = await icb.GetAsync(new Uri($"/api/v1/reporting/board-report.pdf?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    private static JsonElement Section(JsonElement report, string key) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static (string Current, string Previous) Row(JsonElement section, string label)
    {
        var row = section.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label);
        return (row.GetProperty("current").GetString()!, row.GetProperty("previous").GetString()!);
    }

    private async Task SeedAsync()
    {
        if (await system.InReportingDb(db => db.Cases.CountAsync(c => c.ReceivedOn >= new DateOnly(2016, 4, 1) && c.ReceivedOn < new DateOnly(2016, 10, 1))) > 0)
        {
            return;
        }
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 20; i++)
        {
            await ReportingTests.CaseAsync(bus, "RJ2", new DateOnly(2016, 7, 4).AddDays(i), ComplaintChannel.Online, ackInTime: i >= 5,
                response: (false, 20, true, i < 10 ? "Upheld" : "NotUpheld"), coding: (i < 8 ? ["Access", "Communications"] : ["Communications"], null));
        }
        for (var i = 0; i < 10; i++)
        {
            await ReportingTests.CaseAsync(bus, "RJ2", new DateOnly(2016, 4, 4).AddDays(i), ComplaintChannel.Letter, ackInTime: true,
                response: (false, 20, true, i < 5 ? "Upheld" : "NotUpheld"), coding: (["Communications"], null));
        }
        for (var i = 0; i < 6; i++)
        {
            await ReportingTests.CaseAsync(bus, "RJZ", new DateOnly(2016, 8, 1).AddDays(i), ComplaintChannel.Online, ackInTime: true, response: null, coding: null);
        }
        await Eventually.TrueAsync(async () => await system.InReportingDb(async db =>
            await db.Cases.CountAsync(c => c.ReceivedOn >= new DateOnly(2016, 4, 1) && c.ReceivedOn < new DateOnly(2016, 10, 1) && c.Channel != null && c.AcknowledgedOn != null) == 36
            && await db.Cases.CountAsync(c => c.OrganisationCode == "RJ2" && c.ReceivedOn >= new DateOnly(2016, 4, 1) && c.ResponseSentOn != null && c.AgeBand != null && c.ReceivedOn < new DateOnly(2016, 10, 1)) == 30),
            Patience, "reporting has consumed 2016's complaints");
    }
}
