using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetOversight;

/// <summary>An ICB's view of its providers.</summary>
/// <param name="IcbCode">The ICB.</param>
/// <param name="Period">Period.</param>
/// <param name="Providers">Each provider.</param>
/// <param name="AllProviders">All of them together.</param>
/// <param name="Suppressed">True when prepared for publication: small numbers, and whatever would reveal them, withheld across the whole table.</param>
public sealed record OversightView(string IcbCode, string Period, IReadOnlyList<MeasureSet> Providers, MeasureSet AllProviders, bool Suppressed = false);

/// <summary>
/// The caller's ICB's providers side by side and all of them together: exact, because overseeing the providers it
/// commissions is the ICB's own business; or, for publication, protected together as one table (REST and gRPC).
/// </summary>
public sealed class GetOversightHandler(ReportingAccess access, MeasureQueries measures)
{
    /// <summary>The oversight table for the period.</summary>
    public async Task<OversightView> HandleAsync(Caller caller, string? period, bool publication, CancellationToken ct)
    {
        var (icb, providers) = await access.OverseeAsync(caller, ct);
        var parsed = ReportingPeriods.Parse(period);
        var sets = await measures.ComputeAsync(providers, parsed, icb, ct);
        IReadOnlyList<MeasureSet> each = [.. sets.Where(s => s.OrganisationCode != icb)];
        var all = sets.Single(s => s.OrganisationCode == icb);
        var published = Publication.IsForPublication(ReportingOutput.Oversight, publication);
        if (published)
        {
            (each, all) = Publication.Oversight(each, all);
        }
        return new OversightView(icb, parsed.Label, each, all, published);
    }
}
