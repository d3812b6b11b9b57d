using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Reads the advocacy directory: public reference data.</summary>
public sealed class AdvocacyDirectoryQueries(AdvocacyDbContext db)
{
    /// <summary>The services covering the area's postcode district or its local authority.</summary>
    public async Task<IReadOnlyList<AdvocacyProvider>> CoveringAsync(AdvocacyArea area, CancellationToken ct)
    {
        var district = area.District;
        var authority = area.Authority;
        return await db.AdvocacyProviders.AsNoTracking()
            .Where(p => (district != null && p.PostcodeDistricts.Contains(district)) || (authority != null && p.LocalAuthorityCodes.Contains(authority)))
            .ToListAsync(ct);
    }

    /// <summary>Every service, by code.</summary>
    public async Task<IReadOnlyList<AdvocacyProvider>> ListAsync(CancellationToken ct) =>
        await db.AdvocacyProviders.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);

    /// <summary>The service with the code as stored, or <c>null</c>.</summary>
    public Task<AdvocacyProvider?> FindAsync(string code, CancellationToken ct) => db.AdvocacyProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
}
