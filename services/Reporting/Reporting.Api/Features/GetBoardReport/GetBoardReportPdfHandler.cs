using IcsComplaints.Platform.Security;

namespace IcsComplaints.Reporting.Api.Features.GetBoardReport;

/// <summary>
/// The board report as a PDF for the board's papers: the same report, with the same access and refusals, as
/// <see cref="GetBoardReportHandler"/> gives as data, named as intake's organisation directory names the organisation.
/// </summary>
public sealed class GetBoardReportPdfHandler(GetBoardReportHandler reports, OrganisationNames names)
{
    /// <summary>The document.</summary>
    public async Task<ReportFile> HandleAsync(Caller caller, string? organisation, string? scope, string? period, CancellationToken ct)
    {
        var report = await reports.HandleAsync(caller, organisation, scope, period, ct);
        var label = await names.LabelAsync(report.Scope, ct);
        var whose = report.WholeSystem ? $"{label} and the providers it commissions" : label;
        // The period was accepted, so it is digits, "-Q" and "/": safe in a file name once the slash is a dash.
        var file = $"complaints-board-report-{report.Scope}{(report.WholeSystem ? "-ics" : "")}-{report.Period.Replace('/', '-')}.pdf";
        return new ReportFile(BoardReportPdf.Render(report, whose), file);
    }
}
