using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;

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
}
