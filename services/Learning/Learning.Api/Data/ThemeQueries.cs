using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.Themes;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>A case received in a detection window, with its first complaint coding if it has one.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="SubjectAreas">Its KO41 subject areas.</param>
/// <param name="Coding">The first (not the independent) complaint coding; <c>null</c> when not coded.</param>
public sealed record CodedCase(string OrganisationCode, DateOnly ReceivedOn, List<string> SubjectAreas, HcatCoding? Coding);

/// <summary>A theme as detection tells one from another: the same key in the same month is the same theme.</summary>
/// <param name="Scope">Provider or system.</param>
/// <param name="OrganisationCode">The provider; empty for the system.</param>
/// <param name="Dimension">Dimension.</param>
/// <param name="Code">Category or subject area.</param>
public sealed record ThemeKey(ThemeScope Scope, string OrganisationCode, ThemeDimension Dimension, string Code);

/// <summary>Themes and the cases behind them, read only.</summary>
public sealed class ThemeQueries(LearningDbContext db)
{
    /// <summary>One theme with its contributions; <c>null</c> when there is none.</summary>
    public Task<Theme?> FindAsync(Guid id, CancellationToken ct) =>
        db.Themes.AsNoTracking().Include(t => t.Contributions).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>An ICB's themes, or those shared with an organisation, newest month and strongest signal first.</summary>
    /// <param name="icbCode">The ICB whose themes to list; <c>null</c> to list by <paramref name="sharedWith"/>.</param>
    /// <param name="sharedWith">The organisation the themes were shared with, when <paramref name="icbCode"/> is <c>null</c>.</param>
    /// <param name="month">Only this month (<c>yyyy-MM</c>), when given.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<List<Theme>> ListAsync(string? icbCode, string? sharedWith, string? month, int max, CancellationToken ct)
    {
        var query = db.Themes.AsNoTracking().Include(t => t.Contributions).AsQueryable();
        query = icbCode is not null ? query.Where(t => t.IcbCode == icbCode) : query.Where(t => t.SharedWith.Contains(sharedWith!));
        if (month is not null)
        {
            query = query.Where(t => t.Month == month);
        }
        return query.OrderByDescending(t => t.Month).ThenBy(t => t.PValue).Take(max).ToListAsync(ct);
    }

    /// <summary>True when the theme was detected by the organisation (as an ICB) or shared with it.</summary>
    public Task<bool> VisibleToAsync(Guid themeId, string organisationCode, CancellationToken ct) =>
        db.Themes.AnyAsync(t => t.Id == themeId && (t.IcbCode == organisationCode || t.SharedWith.Contains(organisationCode)), ct);

    /// <summary>The themes an ICB already has for a month (<c>yyyy-MM</c>), so each is recorded once.</summary>
    public async Task<HashSet<ThemeKey>> KnownAsync(string icbCode, string month, CancellationToken ct)
    {
        var existing = await db.Themes.Where(t => t.IcbCode == icbCode && t.Month == month)
            .Select(t => new { t.Scope, t.OrganisationCode, t.Dimension, t.Code }).ToListAsync(ct);
        return [.. existing.Select(t => new ThemeKey(t.Scope, t.OrganisationCode, t.Dimension, t.Code))];
    }

    /// <summary>The providers' cases received from <paramref name="start"/> to before <paramref name="end"/>, each with its first complaint coding.</summary>
    public async Task<List<CodedCase>> CodedCasesAsync(IReadOnlyCollection<string> providers, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var rows = await (
            from c in db.Cases.AsNoTracking()
            where providers.Contains(c.OrganisationCode) && c.ReceivedOn >= start && c.ReceivedOn < end
            join x in db.Codings.AsNoTracking().Where(x => x.Subject == CodingSubject.Complaint && !x.Independent) on c.CaseId equals x.CaseId into coded
            from x in coded.DefaultIfEmpty()
            select new { c.OrganisationCode, c.ReceivedOn, c.SubjectAreas, Coding = x })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CodedCase(r.OrganisationCode, r.ReceivedOn, r.SubjectAreas, r.Coding))];
    }
}
