using System.Globalization;
using IcsComplaints.Nhs;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Features.GetAnnualReport;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;

/// <summary>
/// The Reg 18 annual report as a PDF for a board: the same report, with the same access and refusals, as
/// <see cref="GetAnnualReportHandler"/> gives as data, named as intake's organisation directory names the organisation.
/// </summary>
public sealed class GetAnnualReportPdfHandler(GetAnnualReportHandler reports, OrganisationNames names)
{
    /// <summary>The document for the financial year starting in <paramref name="year"/> (2025 for 2025/26).</summary>
    public async Task<ReportFile> HandleAsync(Caller caller, string? organisation, string? year, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(organisation) && !OdsCode.IsValid(organisation))
        {
            throw new RequestValidationException("organisation", "Give the organisation's ODS code, such as RJ1, or leave it out for your own.");
        }
        // Checked here as well as by the report, so that "2025/26" or "last" gets the same field error as 1999.
        var first = int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        var period = ReportingPeriods.FinancialYear(first);
        var report = await reports.HandleAsync(caller, organisation, first, ct);
        var pdf = AnnualReportPdf.Render(report, await names.NameOfAsync(report.OrganisationCode, ct));
        return new ReportFile(pdf, $"annual-complaints-report-{report.OrganisationCode}-{period.Label.Replace('/', '-')}.pdf");
    }
}
