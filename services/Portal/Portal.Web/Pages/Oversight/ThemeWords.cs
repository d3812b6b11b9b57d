using System.Globalization;
using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>How the theme pages write the learning service's themes: the problem and the month in words, the figures as the rule uses them.</summary>
public static class ThemeWords
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The problem: an HCAT category by its name in the scheme, or the KO41 subject area as it is.</summary>
    public static string Problem(ThemeView theme, HcatSchemeView? scheme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return theme.Dimension == "HcatCategory"
            ? $"{scheme?.Categories.FirstOrDefault(c => c.Key == theme.Code)?.Name ?? theme.Code} (HCAT category)"
            : $"{theme.Code} (KO41 subject area)";
    }

    /// <summary>A month given as yyyy-MM in words, "November 2026"; as it is when it is not one.</summary>
    public static string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", British)
            : month;

    /// <summary>The months of a theme's series, oldest first, ending with the month examined (yyyy-MM).</summary>
    public static IReadOnlyList<string> SeriesMonths(ThemeView theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var last = DateOnly.ParseExact(theme.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var count = theme.MonthlyObserved.Count;
        return [.. Enumerable.Range(0, count).Select(i => last.AddMonths(i - count + 1).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
    }

    /// <summary>"14 of 20 (3.1 expected)".</summary>
    public static string ObservedAgainstExpected(ThemeView theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return string.Create(CultureInfo.InvariantCulture, $"{theme.Observed} of {theme.Total} ({theme.Expected:0.#} expected)");
    }

    /// <summary>A p-value as people read it: "less than 0.0001" below that, else to four places.</summary>
    public static string PValue(double p) => p < 0.0001 ? "less than 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A share with its counts, "70.0% (14 of 20)"; "none coded" for a month without coded complaints.</summary>
    public static string Share(int observed, int total) =>
        total == 0 ? "none coded" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * observed / total:0.0}% ({observed} of {total})");
}
