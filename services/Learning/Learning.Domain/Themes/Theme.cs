using IcsComplaints.Learning.Domain.Rules;

namespace IcsComplaints.Learning.Domain.Themes;

/// <summary>What a theme is about.</summary>
public enum ThemeDimension
{
    /// <summary>An HCAT problem category (severity 1 or more in the complaint's first coding).</summary>
    HcatCategory = 1,

    /// <summary>A KO41 subject area of the case's coding.</summary>
    SubjectArea = 2,
}

/// <summary>Whose complaints a theme counts.</summary>
public enum ThemeScope
{
    /// <summary>One provider's.</summary>
    Provider = 1,

    /// <summary>All the ICB's providers together.</summary>
    System = 2,
}

/// <summary>A problem that rose above its baseline, with the evidence the rule saw, and what the ICB shared.</summary>
public sealed class Theme
{
    private readonly List<ThemeContribution> _contributions = [];

    private Theme()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>ODS code of the ICB.</summary>
    public string IcbCode { get; private set; } = "";

    /// <summary>Scope.</summary>
    public ThemeScope Scope { get; private set; }

    /// <summary>The provider of a provider theme; empty for a system theme.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Dimension.</summary>
    public ThemeDimension Dimension { get; private set; }

    /// <summary>Category key or subject area.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The month examined, <c>yyyy-MM</c>.</summary>
    public string Month { get; private set; } = "";

    /// <summary>Complaints with the problem that month.</summary>
    public int Observed { get; private set; }

    /// <summary>Complaints coded that month.</summary>
    public int Total { get; private set; }

    /// <summary>Complaints with the problem over the baseline year.</summary>
    public int BaselineObserved { get; private set; }

    /// <summary>Complaints coded over the baseline year.</summary>
    public int BaselineTotal { get; private set; }

    /// <summary>Expected that month from the baseline share.</summary>
    public double Expected { get; private set; }

    /// <summary>One-sided binomial p-value.</summary>
    public double PValue { get; private set; }

    // The three lists below stay List<T> because EF Core maps them as primitive collections (array columns) and
    // translates Contains on them; they are only ever replaced here, never changed in place from outside.

    /// <summary>Complaints with the problem in each of the thirteen months, oldest first (the last is the month examined).</summary>
    public List<int> MonthlyObserved { get; private set; } = [];

    /// <summary>Complaints coded in each of the thirteen months.</summary>
    public List<int> MonthlyTotals { get; private set; } = [];

    /// <summary>For a system theme: each provider's share of the month.</summary>
    public IReadOnlyList<ThemeContribution> Contributions => _contributions;

    /// <summary>The day detected.</summary>
    public DateOnly DetectedOn { get; private set; }

    /// <summary>The day first shared.</summary>
    public DateOnly? SharedOn { get; private set; }

    /// <summary>The learning the ICB shared.</summary>
    public string? ShareMessage { get; private set; }

    /// <summary>The providers it was shared with.</summary>
    public List<string> SharedWith { get; private set; } = [];

    /// <summary>A theme the rule found in a month, with the counts it saw (<see cref="ThemeRule"/>).</summary>
    public static Theme Detect(
        string icbCode, ThemeScope scope, string organisationCode, ThemeDimension dimension, string code, string month,
        ThemeCounts counts, ThemeAssessment assessment, IEnumerable<int> monthlyObserved, IEnumerable<int> monthlyTotals, DateOnly detectedOn)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(assessment);
        return new Theme
        {
            Id = Guid.CreateVersion7(), IcbCode = icbCode, Scope = scope, OrganisationCode = organisationCode, Dimension = dimension, Code = code, Month = month,
            Observed = counts.Observed, Total = counts.Total, BaselineObserved = counts.BaselineObserved, BaselineTotal = counts.BaselineTotal,
            Expected = assessment.Expected, PValue = assessment.PValue, MonthlyObserved = [.. monthlyObserved], MonthlyTotals = [.. monthlyTotals],
            DetectedOn = detectedOn,
        };
    }

    /// <summary>One provider's part of a system theme's month.</summary>
    public void AddContribution(string organisationCode, int observed, int total)
    {
        if (Scope != ThemeScope.System)
        {
            throw new InvalidOperationException("Only a system theme counts providers' parts.");
        }
        _contributions.Add(new ThemeContribution(Id, organisationCode, observed, total));
    }

    /// <summary>
    /// The ICB shares its learning with providers: the message replaces the last one, the providers add to those
    /// already told, and the day first shared stays. Returns the providers told now for the first time.
    /// </summary>
    public IReadOnlyList<string> Share(string message, IEnumerable<string> providers, DateOnly on)
    {
        var added = providers.Except(SharedWith, StringComparer.OrdinalIgnoreCase).ToList();
        ShareMessage = message;
        SharedOn ??= on;
        SharedWith = [.. SharedWith.Concat(added).Order(StringComparer.Ordinal)];
        return added;
    }
}
