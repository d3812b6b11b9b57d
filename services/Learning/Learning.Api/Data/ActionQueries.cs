using IcsComplaints.Learning.Domain.Actions;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>A completed action's public summary, with the day it was completed.</summary>
/// <param name="ClosedOn">Completed on.</param>
/// <param name="YouSaid">What people told us.</param>
/// <param name="WeDid">What we did.</param>
public sealed record PublishedSummary(DateOnly ClosedOn, string YouSaid, string WeDid);

/// <summary>Lists of learning actions, read only.</summary>
public sealed class ActionQueries(LearningDbContext db)
{
    /// <summary>An organisation's actions, filtered as asked, most urgent first.</summary>
    public Task<List<LearningAction>> OfOrganisationAsync(
        string organisationCode, ActionStatus? status, DateOnly? overdueOn, Guid? caseId, Guid? themeId, int max, CancellationToken ct)
    {
        var query = db.Actions.AsNoTracking().Where(a => a.OrganisationCode == organisationCode);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (overdueOn is { } today)
        {
            query = query.Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.Proposed) && a.DueOn < today);
        }
        if (caseId is { } c)
        {
            query = query.Where(a => a.CaseId == c);
        }
        if (themeId is { } t)
        {
            query = query.Where(a => a.ThemeId == t);
        }
        return query.OrderBy(a => a.Status).ThenBy(a => a.DueOn).Take(max).ToListAsync(ct);
    }

    /// <summary>The public summaries of an organisation's completed actions, newest first.</summary>
    public async Task<List<PublishedSummary>> PublishedSummariesAsync(string organisationCode, int max, CancellationToken ct)
    {
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.OrganisationCode == organisationCode && a.Status == ActionStatus.Completed && a.YouSaid != null && a.WeDid != null)
            .OrderByDescending(a => a.ClosedOn).Take(max)
            .Select(a => new { a.ClosedOn, a.YouSaid, a.WeDid })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PublishedSummary(r.ClosedOn!.Value, r.YouSaid!, r.WeDid!))];
    }
}
