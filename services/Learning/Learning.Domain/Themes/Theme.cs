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
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>ODS code of the ICB.</summary>
    public required string IcbCode { get; init; }

    /// <summary>Scope.</summary>
    public ThemeScope Scope { get; init; }

    /// <summary>The provider of a provider theme; empty for a system theme.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Dimension.</summary>
    public ThemeDimension Dimension { get; init; }

    /// <summary>Category key or subject area.</summary>
    public required string Code { get; init; }

    /// <summary>The month examined, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Complaints with the problem that month.</summary>
    public int Observed { get; init; }

    /// <summary>Complaints coded that month.</summary>
    public int Total { get; init; }

    /// <summary>Complaints with the problem over the baseline year.</summary>
    public int BaselineObserved { get; init; }

    /// <summary>Complaints coded over the baseline year.</summary>
    public int BaselineTotal { get; init; }

    /// <summary>Expected that month from the baseline share.</summary>
    public double Expected { get; init; }

    /// <summary>One-sided binomial p-value.</summary>
    public double PValue { get; init; }

    /// <summary>Complaints with the problem in each of the thirteen months, oldest first (the last is the month examined).</summary>
    public List<int> MonthlyObserved { get; init; } = [];

    /// <summary>Complaints coded in each of the thirteen months.</summary>
    public List<int> MonthlyTotals { get; init; } = [];

    /// <summary>For a system theme: each provider's share of the month.</summary>
    public List<ThemeContribution> Contributions { get; init; } = [];

    /// <summary>The day detected.</summary>
    public DateOnly DetectedOn { get; init; }

    /// <summary>The day first shared.</summary>
    public DateOnly? SharedOn { get; set; }

    /// <summary>The learning the ICB shared.</summary>
    public string? ShareMessage { get; set; }

    /// <summary>The providers it was shared with.</summary>
    public List<string> SharedWith { get; set; } = [];
}
