using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features.GetFunnel;

/// <summary>
/// A funnel plot of the caller's ICB's providers on one rate (binomial control limits around the ICB's overall rate,
/// which narrow as volume grows, so a small practice is not ranked on noise): exact for the ICB's oversight, or
/// prepared for publication.
/// </summary>
public sealed class GetFunnelHandler(ReportingAccess access, MeasureQueries measures)
{
    /// <summary>The funnel of the rate asked for (acknowledged in time unless another is named) in the period.</summary>
    public async Task<Funnel> HandleAsync(Caller caller, string? measure, string? period, bool publication, CancellationToken ct)
    {
        var (icb, providers) = await access.OverseeAsync(caller, ct);
        var parsed = ReportingPeriods.Parse(period);
        var key = RateKey(measure);
        var sets = await measures.ComputeAsync(providers, parsed, icb, ct);
        return FunnelLimits.Plot(key, parsed.Label, [.. sets.Where(s => s.OrganisationCode != icb)], sets.Single(s => s.OrganisationCode == icb),
            Publication.IsForPublication(ReportingOutput.Funnel, publication));
    }

    private static string RateKey(string? measure) =>
        measure is not null && FunnelLimits.Rates.ContainsKey(measure) ? measure
        : measure is null ? "acknowledgedInTime"
        : throw new RequestValidationException("measure", $"One of: {string.Join(", ", FunnelLimits.Rates.Keys)}.");
}
