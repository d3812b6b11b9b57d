using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetAnnualReport;

/// <summary>The Reg 18 annual report data of an organisation the caller may see: published, so under the small-numbers rule (REST and gRPC).</summary>
public sealed class GetAnnualReportHandler(ReportingAccess access, MeasureQueries measures, ReturnQueries returns)
{
    /// <summary>The report for the financial year.</summary>
    public async Task<AnnualReport> HandleAsync(Caller caller, string? organisation, int? year, CancellationToken ct)
    {
        var code = await access.OrganisationAsync(caller, organisation, ct);
        var financialYear = ReportingPeriods.FinancialYear(year);
        var set = (await measures.ComputeAsync([code], financialYear, null, ct)).Single();
        return AnnualReportContent.Of(
            code, financialYear, set, await returns.SubjectsAsync([code], financialYear, ct), await returns.ThemesAsync([code], financialYear, ct),
            await returns.ActionsAsync([code], ct));
    }
}
