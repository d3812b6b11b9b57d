using System.Collections.Frozen;
using IcsComplaints.Intake.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Directory;

/// <summary>
/// The directory as the rules read it: a snapshot held in memory (a few thousand rows at most), refreshed every few
/// minutes, so validating a complaint or an import of 100,000 rows costs no database round trip per row.
/// </summary>
public sealed class OrganisationDirectory(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private DirectorySnapshot? _snapshot;
    private DateTimeOffset _loadedAt;

    /// <summary>The current snapshot.</summary>
    public async Task<DirectorySnapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is { } current && time.GetUtcNow() - _loadedAt < Lifetime)
        {
            return current;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is null || time.GetUtcNow() - _loadedAt >= Lifetime)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
                var relationships = await db.CommissioningRelationships.AsNoTracking().ToListAsync(ct);
                _snapshot = new DirectorySnapshot(organisations, relationships);
                // An empty directory is not kept: it means the seed has not run yet, and will soon.
                _loadedAt = organisations.Count == 0 ? DateTimeOffset.MinValue : time.GetUtcNow();
            }
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the snapshot, so the next read sees changes at once.</summary>
    public void Invalidate() => _snapshot = null;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();
}

/// <summary>An immutable view of the directory.</summary>
public sealed class DirectorySnapshot
{
    private readonly FrozenDictionary<string, DirectoryOrganisation> _byCode;
    private readonly ILookup<string, CommissioningRelationship> _byProvider;
    private readonly ILookup<string, CommissioningRelationship> _byCommissioner;

    /// <summary>Builds the snapshot.</summary>
    public DirectorySnapshot(IEnumerable<DirectoryOrganisation> organisations, IEnumerable<CommissioningRelationship> relationships)
    {
        _byCode = organisations.ToFrozenDictionary(o => o.OdsCode, StringComparer.OrdinalIgnoreCase);
        var all = relationships.ToList();
        _byProvider = all.ToLookup(r => r.ProviderOdsCode, StringComparer.OrdinalIgnoreCase);
        _byCommissioner = all.ToLookup(r => r.CommissionerOdsCode, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every organisation.</summary>
    public IEnumerable<DirectoryOrganisation> Organisations => _byCode.Values;

    /// <summary>The organisation with the code, or <c>null</c>.</summary>
    public DirectoryOrganisation? Find(string? odsCode) =>
        odsCode is not null && _byCode.TryGetValue(odsCode.Trim(), out var organisation) ? organisation : null;

    /// <summary>
    /// The ICBs that commissioned the provider on the day. A trust site takes its trust's commissioners.
    /// </summary>
    public IReadOnlyList<string> CommissionersOf(string providerOdsCode, DateOnly day)
    {
        var provider = Find(providerOdsCode);
        var code = provider?.Kind == OrganisationKind.TrustSite && provider.ParentOdsCode is { } parent ? parent : providerOdsCode;
        return _byProvider[code].Where(r => r.HoldsOn(day)).Select(r => r.CommissionerOdsCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>True when the ICB commissioned the provider on the day.</summary>
    public bool Commissions(string icbOdsCode, string providerOdsCode, DateOnly day) =>
        CommissionersOf(providerOdsCode, day).Contains(icbOdsCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>The providers the ICB commissioned on the day.</summary>
    public IReadOnlyList<string> ProvidersCommissionedBy(string icbOdsCode, DateOnly day) =>
        _byCommissioner[icbOdsCode].Where(r => r.HoldsOn(day)).Select(r => r.ProviderOdsCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The organisation that handles complaints for this one: a site's trust, otherwise itself.</summary>
    public string HandlerOf(string odsCode) =>
        Find(odsCode) is { Kind: OrganisationKind.TrustSite, ParentOdsCode: { } parent } ? parent : odsCode;
}
