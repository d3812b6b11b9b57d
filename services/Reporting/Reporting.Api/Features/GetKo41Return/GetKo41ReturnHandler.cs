using IcsComplaints.Directory;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetKo41Return;

/// <summary>The KO41a or KO41b return of an organisation the caller may see, for a financial year, with the collection's checks (REST, CSV and gRPC).</summary>
public sealed class GetKo41ReturnHandler(ReportingAccess access, Commissioning commissioning, ReturnQueries returns)
{
    /// <summary>The return; exact, as NHS England collects it.</summary>
    public async Task<Ko41Return> HandleAsync(Caller caller, string? organisation, int? year, CancellationToken ct)
    {
        var code = await access.OrganisationAsync(caller, organisation, ct);
        var collection = Ko41Counting.CollectionFor(await commissioning.TypeOfAsync(code, ct));
        var financialYear = ReportingPeriods.FinancialYear(year);
        return Ko41Counting.Count(code, collection, financialYear, await returns.Ko41CasesAsync(code, financialYear, ct));
    }
}
