using IcsComplaints.Intake.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Data;

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
