using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Features.GetTheme;

/// <summary>One theme the caller may see.</summary>
public sealed class GetThemeHandler(LearningDbContext db)
{
    /// <summary>One theme the caller may see.</summary>
    public async Task<ThemeView> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking().Include(t => t.Contributions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (theme is null || !ThemeSupport.MaySee(caller, theme))
        {
            throw new RequestNotFoundException();
        }
        return ThemeSupport.View(caller, theme);
    }
}
