using IcsComplaints.Intake.Domain.Concerns;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>Adds and reads informal concerns.</summary>
public sealed class ConcernStore(IntakeDbContext db)
{
    /// <summary>Adds a concern to the unit of work.</summary>
    public void Add(InformalConcern concern) => db.InformalConcerns.Add(concern);

    /// <summary>Writes it, with the outbox, in one transaction.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>An organisation's concern, tracked for a change; none when it is another organisation's.</summary>
    public Task<InformalConcern?> FindAsync(string organisation, Guid id, CancellationToken ct) =>
        db.InformalConcerns.SingleOrDefaultAsync(c => c.Id == id && c.OrganisationCode == organisation, ct);

    /// <summary>An organisation's open concerns, the soonest follow-up first (only open ones have a follow-up day).</summary>
    public async Task<IReadOnlyList<InformalConcern>> ListOpenAsync(string organisation, int max, CancellationToken ct) =>
        await db.InformalConcerns.AsNoTracking()
            .Where(c => c.OrganisationCode == organisation && c.FollowUpOn != null)
            .OrderBy(c => c.FollowUpOn).ThenBy(c => c.Id)
            .Take(max)
            .ToListAsync(ct);

    /// <summary>An organisation's concerns raised in a period, newest first.</summary>
    public async Task<IReadOnlyList<InformalConcern>> ListAsync(string organisation, DateOnly? from, DateOnly? to, int max, CancellationToken ct) =>
        await db.InformalConcerns.AsNoTracking()
            .Where(c => c.OrganisationCode == organisation && (from == null || c.ReceivedOn >= from) && (to == null || c.ReceivedOn <= to))
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Take(max)
            .ToListAsync(ct);
}
