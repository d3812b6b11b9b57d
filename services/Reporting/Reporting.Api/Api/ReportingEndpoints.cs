using IcsComplaints.Directory;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Features.GetAnnualReport;
using IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;
using IcsComplaints.Reporting.Api.Features.GetBoardReport;
using IcsComplaints.Reporting.Api.Features.GetFunnel;
using IcsComplaints.Reporting.Api.Features.GetKo41Return;
using IcsComplaints.Reporting.Api.Features.GetMeasures;
using IcsComplaints.Reporting.Api.Features.GetOverdue;
using IcsComplaints.Reporting.Api.Features.GetOversight;
using IcsComplaints.Reporting.Api.Features.GetPeers;
using IcsComplaints.Reporting.Api.Features.GetTransfers;
using IcsComplaints.Reporting.Api.Features.GetTrend;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Reporting.Api.Api;

/// <summary>The REST API: <c>/api/v1/reporting</c>, with funnel and trend charts as SVG.</summary>
public static class ReportingEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reporting").WithTags("Reporting");
        group.MapGet("/definitions", Ok<IReadOnlyList<MeasureDefinition>> (Caller caller) => TypedResults.Ok(MeasureDefinitions.All));
        // Figures are exact for the organisation's own staff and for its ICB's oversight; ?publication=true prepares
        // the same output for publication or for sharing beyond the commissioner, under the small-numbers rule.
        group.MapGet("/measures", async Task<Ok<MeasuresView>> (
            string? organisation, string? period, string? publication, Caller caller, GetMeasuresHandler measures, CancellationToken ct) =>
            TypedResults.Ok(await measures.HandleAsync(caller, organisation, period, ForPublication(publication), ct)));
        // An ICB's views take a period, or a run of whole months from one month to another (the last twelve, say).
        group.MapGet("/oversight", async Task<Ok<OversightView>> (
            string? period, string? from, string? to, string? publication, Caller caller, GetOversightHandler oversight, CancellationToken ct) =>
            TypedResults.Ok(await oversight.HandleAsync(caller, PeriodOf(period, from, to), ForPublication(publication), ct)));
        group.MapGet("/oversight/funnel", async Task<Ok<Funnel>> (
            string? measure, string? period, string? from, string? to, string? publication, Caller caller, GetFunnelHandler funnel, CancellationToken ct) =>
            TypedResults.Ok(await funnel.HandleAsync(caller, measure, PeriodOf(period, from, to), ForPublication(publication), ct)));
        group.MapGet("/oversight/funnel.svg", async Task<ContentHttpResult> (
            string? measure, string? period, string? from, string? to, string? publication, Caller caller, GetFunnelHandler funnel, CancellationToken ct) =>
            TypedResults.Content(
                Charts.Funnel(await funnel.HandleAsync(caller, measure, PeriodOf(period, from, to), ForPublication(publication), ct)), "image/svg+xml"));
        group.MapGet("/oversight/overdue", async Task<Ok<ItemList<OverdueSummary>>> (Caller caller, GetOverdueHandler overdue, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<OverdueSummary>(await overdue.HandleAsync(caller, ct))));
        group.MapGet("/oversight/overdue/{organisation}", async Task<Ok<ItemList<OverdueCase>>> (
            string organisation, Caller caller, GetOverdueHandler overdue, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<OverdueCase>(await overdue.CasesAsync(caller, organisation, ct))));
        // Whose time it was: the ICB's days on a complaint it transferred, apart from the provider's (Reg 7(5)).
        group.MapGet("/oversight/transfers", async Task<Ok<TransfersView>> (
            string? from, string? to, Caller caller, GetTransfersHandler transfers, CancellationToken ct) =>
            TypedResults.Ok(await transfers.HandleAsync(caller, from, to, ct)))
            .RejectUnknownQueryParameters();
        group.MapGet("/trend", async Task<Ok<ItemList<TrendPoint>>> (
            string? organisation, string? measure, int? months, string? publication, Caller caller, GetTrendHandler trend, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<TrendPoint>(await trend.HandleAsync(caller, organisation, measure, months, ForPublication(publication), ct))));
        group.MapGet("/trend.svg", async Task<ContentHttpResult> (
            string? organisation, string? measure, int? months, string? publication, Caller caller, GetTrendHandler trend, CancellationToken ct) =>
        {
            var points = await trend.HandleAsync(caller, organisation, measure, months, ForPublication(publication), ct);
            var key = measure ?? GetTrendHandler.Received;
            var whose = organisation ?? (Commissioning.IsIcbOverseer(caller) ? $"all providers of {caller.OrganisationCode}" : caller.OrganisationCode);
            return TypedResults.Content(Charts.Trend($"{Charts.NameOf(key)}: {whose}", points, key != GetTrendHandler.Received), "image/svg+xml");
        });
        group.MapGet("/peers", async Task<Ok<ItemList<PeerRate>>> (string? period, Caller caller, GetPeersHandler peers, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<PeerRate>(await peers.HandleAsync(caller, period, ct))));
        group.MapGet("/ko41", async Task<Ok<Ko41Return>> (string? organisation, int? year, Caller caller, GetKo41ReturnHandler returns, CancellationToken ct) =>
            TypedResults.Ok(await returns.HandleAsync(caller, organisation, year, ct)));
        group.MapGet("/ko41.csv", async Task<Results<FileContentHttpResult, Conflict<Ko41Return>>> (
            string? organisation, int? year, Caller caller, GetKo41ReturnHandler returns, CancellationToken ct) =>
        {
            var built = await returns.HandleAsync(caller, organisation, year, ct);
            // A return that fails the collection's checks is not exported: the checks say what to fix.
            return built.Valid
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(built.ToCsv()), "text/csv", built.FileName)
                : TypedResults.Conflict(built);
        });
        group.MapGet("/annual-report", async Task<Ok<AnnualReport>> (
            string? organisation, int? year, Caller caller, GetAnnualReportHandler reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.HandleAsync(caller, organisation, year, ct)));
        // The same report as a document a board can be given (Reg 18).
        group.MapGet("/annual-report.pdf", async Task<FileContentHttpResult> (
            string? organisation, string? year, Caller caller, GetAnnualReportPdfHandler documents, CancellationToken ct) =>
        {
            var file = await documents.HandleAsync(caller, organisation, year, ct);
            return TypedResults.File(file.Content, "application/pdf", file.FileName);
        })
            .RejectUnknownQueryParameters();
        // A quarter's or a year's report for a board's papers, of one organisation or of an ICB's whole system; published, so small numbers are withheld.
        group.MapGet("/board-report", async Task<Ok<BoardReport>> (
            string? organisation, string? scope, string? period, Caller caller, GetBoardReportHandler reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.HandleAsync(caller, organisation, scope, period, ct)))
            .RejectUnknownQueryParameters();
        group.MapGet("/board-report.pdf", async Task<FileContentHttpResult> (
            string? organisation, string? scope, string? period, Caller caller, GetBoardReportPdfHandler documents, CancellationToken ct) =>
        {
            var file = await documents.HandleAsync(caller, organisation, scope, period, ct);
            return TypedResults.File(file.Content, "application/pdf", file.FileName);
        })
            .RejectUnknownQueryParameters();
    }

    /// <summary>
    /// The period asked for: <c>?period=</c> as it is, or <c>?from=</c> and <c>?to=</c> (months) as one run of months,
    /// each end's error named by its own field.
    /// </summary>
    public static string? PeriodOf(string? period, string? from, string? to)
    {
        if (from is null && to is null)
        {
            return period;
        }
        return period is null
            ? ReportingPeriods.Months(from, to).Label
            : throw new RequestValidationException("period", "Give a period, or the months from and to, not both.");
    }

    /// <summary>Whether <c>?publication=</c> asks for the output prepared for publication: absent or false for exact figures.</summary>
    public static bool ForPublication(string? publication) =>
        string.IsNullOrEmpty(publication) ? false
        : bool.TryParse(publication, out var value) ? value
        : throw new RequestValidationException("publication", "Give true (prepared for publication) or false (exact figures).");
}
