using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// Complaints the ICB received and passed to its providers: those waiting for the complainant's consent, the transfers
/// of the months chosen and what became of each, and whose time each took — the ICB's (waiting for consent, triage)
/// apart from the provider's, so a provider is not charged with the ICB's delay.
/// </summary>
public sealed class TransfersModel(ReportingApis apis, TimeProvider time) : MonthsPage(time)
{
    public TransfersView? Transfers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ReadPeriod();
        var transfers = await apis.TransfersAsync(Period.From, Period.To, ct);
        if (transfers.Refused)
        {
            return Forbid();
        }
        if (transfers.Problem is { } problem)
        {
            ShowRefusal(problem);
        }
        Transfers = transfers.Value;
        return Page();
    }

    /// <summary>A median number of working days, or a dash when there is none yet.</summary>
    public static string Days(double? median) => median is { } m ? m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>What became of a transferred complaint, in words.</summary>
    public static string Outcome(TransferMadeView t) => t.Outcome switch
    {
        null => "Still with the provider",
        "Upheld" => "Upheld",
        "PartiallyUpheld" => "Partly upheld",
        "NotUpheld" => "Not upheld",
        var other => other,
    };
}
