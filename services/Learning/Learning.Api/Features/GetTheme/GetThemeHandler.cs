using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.GetTheme;

/// <summary>One theme the caller may see.</summary>
public sealed class GetThemeHandler(ThemeQueries themes)
{
    /// <summary>One theme the caller may see.</summary>
    public async Task<ThemeView> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var theme = await themes.FindAsync(id, ct);
        if (theme is null || !ThemeSupport.MaySee(caller, theme))
        {
            throw new RequestNotFoundException();
        }
        return ThemeSupport.View(caller, theme);
    }
}
