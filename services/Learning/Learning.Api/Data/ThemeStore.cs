using IcsComplaints.Learning.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves themes over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class ThemeStore(LearningDbContext db)
{
    /// <summary>The theme with its providers' contributions, to change; <c>null</c> when there is none.</summary>
    public Task<Theme?> FindAsync(Guid id, CancellationToken ct) => db.Themes.Include(t => t.Contributions).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Adds a theme just detected, saved with the rest.</summary>
    public void Add(Theme theme) => db.Themes.Add(theme);

    /// <summary>Saves every change, with the outbox messages written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>
    /// Saves the themes detected; <c>false</c>, with nothing saved, when the scheduled scan (or another replica)
    /// recorded the same themes a moment ago: they exist once, as intended.
    /// </summary>
    public async Task<bool> SaveDetectedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
