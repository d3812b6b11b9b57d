using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Features.ListActions;

/// <summary>Lists an organisation's learning actions, overdue ones flagged.</summary>
public sealed class ListActionsHandler(LearningDbContext db, Commissioning commissioning, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Actions of an organisation the caller may see (their own, or an ICB's provider), most urgent first.</summary>
    public async Task<IReadOnlyList<ActionView>> HandleAsync(Caller caller, string? organisationCode, ActionStatus? status, bool overdueOnly, Guid? caseId, CancellationToken ct)
    {
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var today = Today;
        var query = db.Actions.AsNoTracking().Where(a => a.OrganisationCode == organisation);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (overdueOnly)
        {
            query = query.Where(a => a.Status == ActionStatus.Open && a.DueOn < today);
        }
        if (caseId is { } c)
        {
            query = query.Where(a => a.CaseId == c);
        }
        var actions = await query.OrderBy(a => a.Status).ThenBy(a => a.DueOn).Take(500).ToListAsync(ct);
        return [.. actions.Select(a => ActionSupport.View(a, today))];
    }
}
