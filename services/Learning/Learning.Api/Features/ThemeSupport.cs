using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Themes;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features;

/// <summary>A provider's part as shown.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Observed">With the problem.</param>
/// <param name="Total">Coded.</param>
public sealed record ContributionView(string OrganisationCode, int Observed, int Total);

/// <summary>A theme as shown. A provider reading a theme shared with it sees other providers' figures only as the system's.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="IcbCode">ICB.</param>
/// <param name="Scope">Scope.</param>
/// <param name="OrganisationCode">The provider, when the reader may know it.</param>
/// <param name="Dimension">Dimension.</param>
/// <param name="Code">Category or subject area.</param>
/// <param name="Month">Month examined.</param>
/// <param name="Observed">With the problem that month.</param>
/// <param name="Total">Coded that month.</param>
/// <param name="Expected">Expected from the baseline.</param>
/// <param name="BaselineShare">Baseline share.</param>
/// <param name="PValue">p-value.</param>
/// <param name="MonthlyObserved">Thirteen months with the problem.</param>
/// <param name="MonthlyTotals">Thirteen months coded.</param>
/// <param name="Contributions">Providers' parts the reader may see.</param>
/// <param name="Rule">The rule, in words.</param>
/// <param name="DetectedOn">Detected.</param>
/// <param name="SharedOn">Shared.</param>
/// <param name="ShareMessage">The learning shared.</param>
/// <param name="SharedWith">Providers shared with (for the ICB).</param>
public sealed record ThemeView(
    Guid Id, string IcbCode, ThemeScope Scope, string? OrganisationCode, ThemeDimension Dimension, string Code, string Month, int Observed, int Total,
    double Expected, double BaselineShare, double PValue, IReadOnlyList<int> MonthlyObserved, IReadOnlyList<int> MonthlyTotals,
    IReadOnlyList<ContributionView> Contributions, string Rule, DateOnly DetectedOn, DateOnly? SharedOn, string? ShareMessage, IReadOnlyList<string> SharedWith);

/// <summary>What the use cases of themes share: who may see one, how it is shown, and months.</summary>
public static class ThemeSupport
{
    /// <summary>The rule, in words, shown with every theme.</summary>
    public static readonly string RuleText =
        $"Share of coded complaints in the month against the share over the 12 months before (smoothed (b + 0.5) / (B + 1)); " +
        $"a theme needs {ThemeRule.MinimumCount}+ complaints, a baseline of {ThemeRule.MinimumBaselineMonths}+ months and {ThemeRule.MinimumBaselineTotal}+ complaints, " +
        $"and a one-sided exact binomial p < {ThemeRule.Alpha.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>The month before this one.</summary>
    public static DateOnly LastCompleteMonth(TimeProvider time) => FirstOfMonth(LondonTime.Today(time)).AddMonths(-1);

    /// <summary>The ICB's overseers see its themes; a provider's staff those shared with it.</summary>
    public static bool MaySee(Caller caller, Theme theme) =>
        (LearningAccess.IsIcbOverseer(caller) && theme.IcbCode == caller.OrganisationCode)
        || (caller.OrganisationCode is { } org && caller.ActsFor(org, LearningAccess.OrganisationReaders) && theme.SharedWith.Contains(org));

    /// <summary>A theme as the caller may see it.</summary>
    public static ThemeView View(Caller caller, Theme t)
    {
        var icb = LearningAccess.IsIcbOverseer(caller) && t.IcbCode == caller.OrganisationCode;
        var own = string.Equals(t.OrganisationCode, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase);
        return new ThemeView(
            t.Id, t.IcbCode, t.Scope, icb || own ? NullIfEmpty(t.OrganisationCode) : null, t.Dimension, t.Code, t.Month, t.Observed, t.Total, t.Expected,
            Math.Round((t.BaselineObserved + 0.5) / (t.BaselineTotal + 1.0), 4), t.PValue, t.MonthlyObserved, t.MonthlyTotals,
            [.. t.Contributions.Where(c => icb || string.Equals(c.OrganisationCode, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase))
                .Select(c => new ContributionView(c.OrganisationCode, c.Observed, c.Total))],
            RuleText, t.DetectedOn, t.SharedOn, t.ShareMessage, icb ? t.SharedWith : []);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>The first day of the day's month.</summary>
    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>A month as themes store it, <c>yyyy-MM</c>.</summary>
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A month given as <c>yyyy-MM</c>; <c>null</c> when none is given.</summary>
    public static DateOnly? ParseMonth(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw new RequestValidationException(field, "Give the month as yyyy-MM.");
        }
        var errors = new ValidationErrors();
        DateRules.Within(month, field, errors, DateRules.FirstCalendarDay, DateRules.LastCalendarDay);
        errors.ThrowIfAny();
        return month;
    }
}
