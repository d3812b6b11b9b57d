using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ListThemes;

/// <summary>Lists the themes the caller may see: their ICB's, or those shared with their organisation.</summary>
public sealed class ListThemesHandler(ThemeQueries themes)
{
    /// <summary>Themes the caller may see: their ICB's, or those shared with their organisation.</summary>
    public async Task<IReadOnlyList<ThemeView>> HandleAsync(Caller caller, string? month, CancellationToken ct)
    {
        var organisation = caller.OrganisationCode;
        var icb = LearningAccess.IsIcbOverseer(caller);
        if (!icb && (organisation is null || !caller.ActsFor(organisation, LearningAccess.OrganisationReaders)))
        {
            throw new RequestForbiddenException("Themes are seen by an ICB's commissioners and quality leads, and by the providers they are shared with.");
        }
        var m = string.IsNullOrWhiteSpace(month) ? null : ThemeSupport.Format(ThemeSupport.ParseMonth(month, "month")!.Value);
        var found = await themes.ListAsync(icb ? organisation : null, icb ? null : organisation, m, 500, ct);
        return [.. found.Select(t => ThemeSupport.View(caller, t))];
    }
}
