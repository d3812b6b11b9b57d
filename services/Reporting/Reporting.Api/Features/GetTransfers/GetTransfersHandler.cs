using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetTransfers;

/// <summary>
/// The caller's ICB's complaints about its providers: those waiting for the complainant's consent to transfer, the
/// transfers made to its own providers in a run of months and what became of each, and whose time each took. The
/// ICB's operational oversight: exact, with no personal data.
/// </summary>
public sealed class GetTransfersHandler(ReportingAccess access, OversightQueries oversight, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The transfers view for the months from <paramref name="from"/> to <paramref name="to"/> (<c>yyyy-MM</c>).</summary>
    public async Task<TransfersView> HandleAsync(Caller caller, string? from, string? to, CancellationToken ct)
    {
        var (icb, providers) = await access.OverseeAsync(caller, ct);
        var period = ReportingPeriods.Months(from, to);
        var rows = await oversight.TransfersAsync(icb, ct);
        return TransfersView.Of(calendar, icb, period, providers, rows, LondonTime.Today(time));
    }
}
