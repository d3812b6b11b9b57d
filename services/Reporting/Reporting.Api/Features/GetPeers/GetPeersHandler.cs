using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetPeers;

/// <summary>The caller's organisation among its peers (organisations of the same type in the directory), anonymously.</summary>
public sealed class GetPeersHandler(ReportingAccess access, Commissioning commissioning, PeerQueries peers, TimeProvider time)
{
    /// <summary>The comparison for each rate in the period.</summary>
    public async Task<IReadOnlyList<PeerRate>> HandleAsync(Caller caller, string? period, CancellationToken ct)
    {
        var code = await access.OrganisationAsync(caller, null, ct);
        var parsed = ReportingPeriods.Parse(period);
        var type = await commissioning.TypeOfAsync(code, ct);
        var orgs = type is null ? [code] : (await commissioning.OfTypeAsync(type, ct)).Append(code).Distinct().ToList();
        return PeerComparison.Compare(code, await peers.CountsAsync(orgs, parsed, LondonTime.Today(time), ct));
    }
}
