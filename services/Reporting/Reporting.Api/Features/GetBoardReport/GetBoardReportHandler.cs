using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features.GetBoardReport;

/// <summary>
/// The quarterly or annual board report of an organisation the caller may see, or, for an ICB's overseers, of its
/// whole ICS (the ICB and every provider it commissions together). Board papers are published: every figure is
/// prepared for publication.
/// </summary>
public sealed class GetBoardReportHandler(ReportingAccess access, MeasureQueries measures, ReturnQueries returns)
{
    /// <summary>The scope that reports on an ICB with every provider it commissions.</summary>
    public const string WholeSystem = "ics";

    /// <summary>The report for <paramref name="period"/> (2026-Q3 or 2026/27).</summary>
    public async Task<BoardReport> HandleAsync(Caller caller, string? organisation, string? scope, string? period, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var whole = string.Equals(scope?.Trim(), WholeSystem, StringComparison.OrdinalIgnoreCase);
        if (!whole && !string.IsNullOrWhiteSpace(scope))
        {
            errors.Add("scope", $"Leave the scope out for one organisation, or give \"{WholeSystem}\" for the ICB with every provider it commissions.");
        }
        else if (whole && !string.IsNullOrWhiteSpace(organisation))
        {
            errors.Add("organisation", "The whole ICS is your ICB's: leave the organisation out.");
        }
        errors.ThrowIfAny();
        var (now, before) = BoardReportContent.Periods(period);
        IReadOnlyCollection<string> organisations;
        string label;
        if (whole)
        {
            var (icb, providers) = await access.OverseeAsync(caller, ct);
            (label, organisations) = (icb, [.. providers.Append(icb).Distinct(StringComparer.Ordinal)]);
        }
        else
        {
            label = await access.OrganisationAsync(caller, organisation, ct);
            organisations = [label];
        }
        return BoardReportContent.Of(
            label, whole, now, before, await PublishedAsync(organisations, now, whole ? label : null, ct), await PublishedAsync(organisations, before, whole ? label : null, ct),
            await returns.SubjectsAsync(organisations, now, ct), await returns.ThemesAsync(organisations, now, ct), await returns.ActionsAsync(organisations, ct));
    }

    // One organisation's measures, or all of them together (the last set when together is named), for publication.
    private async Task<MeasureSet> PublishedAsync(IReadOnlyCollection<string> organisations, ReportingPeriod period, string? together, CancellationToken ct) =>
        Publication.Measures((await measures.ComputeAsync(organisations, period, together, ct))[^1]);
}
