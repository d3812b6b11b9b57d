using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features.GetOverdue;

/// <summary>What is overdue now at each of the caller's ICB's providers: the ICB's operational oversight, in exact counts.</summary>
public sealed class GetOverdueHandler(ReportingAccess access, OversightQueries oversight, TimeProvider time)
{
    /// <summary>One summary per provider, in code order.</summary>
    public async Task<IReadOnlyList<OverdueSummary>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var (_, providers) = await access.OverseeAsync(caller, ct);
        var today = LondonTime.Today(time);
        var (open, missed) = await oversight.OpenAsync(providers, ct);
        return [.. providers.Order(StringComparer.Ordinal).Select(org => OverdueSummary.Of(org, today, open, missed))];
    }

    /// <summary>
    /// The overdue complaints at one of the caller's ICB's providers: its operational oversight, case by case, with
    /// no personal data; a provider the ICB does not commission is not found.
    /// </summary>
    public async Task<IReadOnlyList<OverdueCase>> CasesAsync(Caller caller, string organisation, CancellationToken ct)
    {
        var (_, providers) = await access.OverseeAsync(caller, ct);
        var code = providers.FirstOrDefault(p => string.Equals(p, organisation, StringComparison.OrdinalIgnoreCase)) ?? throw new RequestNotFoundException();
        var (open, missed) = await oversight.OpenAsync([code], ct);
        return OverdueSummary.CasesOf(code, LondonTime.Today(time), open, missed);
    }
}
