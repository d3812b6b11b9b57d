using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Features.ListThemes;

/// <summary>Lists the themes the caller may see: their ICB's, or those shared with their organisation.</summary>
public sealed class ListThemesHandler(LearningDbContext db)
{
    /// <summary>Themes the caller may see: their ICB's, or those shared with their organisation.</summary>
    public async Task<IReadOnlyList<ThemeView>> HandleAsync(Caller caller, string? month, CancellationToken ct)
    {
        var query = db.Themes.AsNoTracking().Include(t => t.Contributions).AsQueryable();
        var organisation = caller.OrganisationCode;
        if (LearningAccess.IsIcbOverseer(caller))
        {
            query = query.Where(t => t.IcbCode == organisation);
        }
        else if (organisation is not null && caller.ActsFor(organisation, LearningAccess.OrganisationReaders))
        {
            query = query.Where(t => t.SharedWith.Contains(organisation));
        }
        else
        {
            throw new RequestForbiddenException("Themes are seen by an ICB's commissioners and quality leads, and by the providers they are shared with.");
        }
        if (!string.IsNullOrWhiteSpace(month))
        {
            var m = ThemeSupport.Format(ThemeSupport.ParseMonth(month, "month")!.Value);
            query = query.Where(t => t.Month == m);
        }
        var themes = await query.OrderByDescending(t => t.Month).ThenBy(t => t.PValue).Take(500).ToListAsync(ct);
        return [.. themes.Select(t => ThemeSupport.View(caller, t))];
    }
}
