using System.Globalization;
using IcsComplaints.Charting;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Themes;

namespace IcsComplaints.Learning.Api.Features.GetTheme;

/// <summary>
/// A theme's evidence as a chart (ADR 31): the share of coded complaints with the problem in each of the thirteen
/// months, drawn by the platform's shared renderer, against the baseline share the rule compared the last month with.
/// Drawn from the theme as the caller may see it, so the chart holds nothing its JSON does not.
/// </summary>
public static class ThemeChart
{
    /// <summary>The chart of the theme's monthly series, as SVG.</summary>
    public static string Draw(ThemeView theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var last = DateOnly.ParseExact(theme.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = theme.MonthlyObserved.Count;
        var points = theme.MonthlyObserved.Select((observed, i) =>
        {
            var total = theme.MonthlyTotals[i];
            var month = last.AddMonths(i - count + 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return new SeriesPoint(month, observed, total, total == 0 ? null : (double)observed / total);
        }).ToList();
        var whose = theme.OrganisationCode ?? (theme.Scope == ThemeScope.System ? $"all providers of {theme.IcbCode}" : "a provider");
        return SvgCharts.Trend($"{NameOf(theme)}: share of coded complaints, {whose}", points, rate: true, new ReferenceLine(theme.BaselineShare, "baseline share"));
    }

    /// <summary>The problem in words: an HCAT category's name, or the KO41 subject area as it is.</summary>
    public static string NameOf(ThemeView theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.Dimension == ThemeDimension.HcatCategory
            ? HcatScheme.Categories.FirstOrDefault(c => c.Key == theme.Code)?.Name ?? theme.Code
            : theme.Code;
    }
}
