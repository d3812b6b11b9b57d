using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>A reporting period: whole days from <see cref="From"/> to <see cref="To"/>, inclusive (read and made by <see cref="ReportingPeriods"/>).</summary>
/// <param name="Label">As asked: <c>2026-11</c>, <c>2026-Q3</c>, <c>2026</c> or the financial year <c>2026/27</c>.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public sealed record ReportingPeriod(string Label, DateOnly From, DateOnly To)
{
    /// <summary>True when the day falls in the period.</summary>
    public bool Contains(DateOnly? day) => day is { } d && d >= From && d <= To;

    /// <summary>The first day of the period's first month: the months of survey answers and themes are counted from it.</summary>
    public DateOnly FirstMonth => new(From.Year, From.Month, 1);
}
