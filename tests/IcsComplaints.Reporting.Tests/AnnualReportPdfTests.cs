using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// The Reg 18 annual report as a PDF: the same figures as the JSON report, read back from the document as words, and
/// the same refusals. RJ2's financial year 2018/19 is used by no other test.
/// </summary>
public sealed class AnnualReportPdfTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheCommissionersPdf_HasTheReportsTitle_AndEveryFigureOfTheJsonReport_WithheldOnesWrittenWithheld()
    {
        await SeedAsync();
        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        var json = await GetAsync(icb, "/api/v1/reporting/annual-report?organisation=RJ2&year=2018");
        // Twenty received, twelve of them upheld or partly; every one about communications, two also about access.
        Assert.True(json.TryGetProperty("received", out var r) && r.GetInt32() == 20 && json.TryGetProperty("decidedWellFounded", out var d) && d.GetInt32() == 12, json.GetRawText());

        using var response = await icb.GetAsync(new Uri("/api/v1/reporting/annual-report.pdf?organisation=RJ2&year=2018", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("annual-complaints-report-RJ2-2018-19.pdf", response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Complaints annual report 2018/19: ", pdf.Information.Title, StringComparison.Ordinal);
        Assert.EndsWith("(RJ2)", pdf.Information.Title, StringComparison.Ordinal);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Complaints annual report 2018/19", words, StringComparison.Ordinal);
        Assert.Contains("Financial year 1 April 2018 to 31 March 2019", words, StringComparison.Ordinal);
        foreach (var (label, figure) in new[]
        {
            ("Complaints received", Figure(json, "received")),
            ("Decided to be well-founded (upheld or partly upheld)", Figure(json, "decidedWellFounded")),
            ("Referred to the Ombudsman", Figure(json, "referredToOmbudsman")),
            ("Raised in the year", Figure(json, "actionsRaised")),
            ("Completed in the year", Figure(json, "actionsCompleted")),
        })
        {
            Assert.Contains($"{label} {figure}", words, StringComparison.Ordinal);
        }
        var subjects = json.GetProperty("subjectMatter").EnumerateObject().ToList();
        Assert.Equal(["Communications", "Access"], subjects.Select(s => s.Name));
        Assert.All(subjects, s => Assert.Contains($"{s.Name} {Figure(json.GetProperty("subjectMatter"), s.Name)}", words, StringComparison.Ordinal));
        // Two about access is a small number: withheld in the JSON, and so in the document.
        Assert.True(json.GetProperty("suppressed").GetBoolean());
        Assert.Contains("Access withheld", words, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", words, StringComparison.Ordinal);

        // The same document over gRPC, for an integrating system.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var overGrpc = await client.GetAnnualReportPdfAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest { OrganisationCode = "RJ2", Year = 2018 }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal("annual-complaints-report-RJ2-2018-19.pdf", overGrpc.FileName);
        using var fromGrpc = PdfDocument.Open(overGrpc.Pdf.ToByteArray());
        Assert.Equal(words, string.Join(" ", fromGrpc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact]
    public async Task AnotherIcbsCommissioner_GetsNotFound_AndABadYearOrOrganisationGetsAFieldError()
    {
        using var otherIcb = system.Http(await system.TokenAsync("commissioner.qop"));
        using var notTheirs = await otherIcb.GetAsync(new Uri("/api/v1/reporting/annual-report.pdf?organisation=RJ2&year=2018", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.NotEqual("application/pdf", notTheirs.Content.Headers.ContentType?.MediaType);

        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        foreach (var (query, field) in new[]
        {
            ("organisation=RJ2&year=2018%2F19", "year"), ("organisation=RJ2&year=1999", "year"), ("organisation=RJ2", "year"),
            ("organisation=not%20a%20code&year=2018", "organisation"), ("organisation=RJ2&year=2018&format=a3", "format"),
        })
        {
            using var refused = await icb.GetAsync(new Uri($"/api/v1/reporting/annual-report.pdf?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var headers = GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"));
        var noYear = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetAnnualReportPdfAsync(new IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest { OrganisationCode = "RJ2" }, headers));
        Assert.Equal(StatusCode.InvalidArgument, noYear.StatusCode);
        Assert.Equal("year", Assert.Single(noYear.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        var notTheirsOverGrpc = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAnnualReportPdfAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest { OrganisationCode = "RJ2", Year = 2018 }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qop"))));
        Assert.Equal(StatusCode.NotFound, notTheirsOverGrpc.StatusCode);
    }

    private static string Figure(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "withheld";

    private async Task SeedAsync()
    {
        if (await system.InReportingDb(db => db.Cases.CountAsync(c => c.OrganisationCode == "RJ2" && c.ReceivedOn >= new DateOnly(2018, 4, 1) && c.ReceivedOn < new DateOnly(2019, 4, 1))) > 0)
        {
            return;
        }
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 20; i++)
        {
            await ReportingTests.CaseAsync(bus, "RJ2", new DateOnly(2018, 5, 1).AddDays(i), ComplaintChannel.Online, ackInTime: true,
                response: (false, 20, true, i < 6 ? "Upheld" : i < 12 ? "PartiallyUpheld" : "NotUpheld"),
                coding: (i < 2 ? ["Access", "Communications"] : ["Communications"], null));
        }
        await Eventually.TrueAsync(async () => await system.InReportingDb(async db =>
            await db.Cases.CountAsync(c => c.OrganisationCode == "RJ2" && c.ReceivedOn >= new DateOnly(2018, 5, 1) && c.ReceivedOn < new DateOnly(2018, 6, 1)
                && c.Channel != null && c.AcknowledgedOn != null && c.ResponseSentOn != null && c.AgeBand != null) == 20),
            Patience, "reporting has consumed RJ2's 2018/19");
    }
}
