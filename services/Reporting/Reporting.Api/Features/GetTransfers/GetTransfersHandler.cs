using IcsComplaints.Calendar;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Features.GetTransfers;

/// <summary>
/// The caller's ICB's complaints about its providers: those waiting for the complainant's consent to transfer, the
/// transfers made to its own providers in a run of months and what became of each, and whose time each took. The
/// ICB's operational oversight: exact, with no personal data.
/// </summary>
public sealed class GetTransfersHandler(ReportingAccess access, ReportingDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The transfers view for the months from <paramref name="from"/> to <paramref name="to"/> (<c>yyyy-MM</c>).</summary>
    public async Task<TransfersView> HandleAsync(Caller caller, string? from, string? to, CancellationToken ct)
    {
        var (icb, providers) = await access.OverseeAsync(caller, ct);
        var period = ReportingPeriods.Months(from, to);
        // The provider's case is the one opened at the provider it was transferred to; the ICB's own case (on hold
        // while consent is awaited) identifies a complaint still waiting.
        var rows = await db.Transfers.AsNoTracking()
            .Where(t => t.IcbCode == icb && t.ReceivedOn != null)
            .Select(t => new
            {
                Transfer = t,
                Case = db.Cases.Where(c => c.ComplaintId == t.ComplaintId && c.OrganisationCode == (t.ToOrganisationCode ?? icb)).OrderBy(c => c.ReceivedOn).FirstOrDefault(),
            })
            .Select(x => new TransferRow(
                x.Transfer.ComplaintId, x.Transfer.ReceivedOn!.Value, x.Transfer.ConsentAwaited, x.Transfer.ConsentRecordedOn, x.Transfer.TransferredOn,
                x.Transfer.ToOrganisationCode, x.Transfer.EndedOn,
                x.Case == null ? null : x.Case.CaseId, x.Case == null ? null : x.Case.ResponseSentOn, x.Case == null ? null : x.Case.Outcome,
                x.Case == null ? null : x.Case.ClosedOn, x.Case == null ? null : x.Case.Closure))
            .ToListAsync(ct);
        return TransfersView.Of(calendar, icb, period, providers, rows, LondonTime.Today(time));
    }
}
