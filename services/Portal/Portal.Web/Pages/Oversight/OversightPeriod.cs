using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>
/// The months an oversight page covers, as the GET form asks for them (month and year of the first and the last):
/// the last twelve complete months unless chosen. Reporting decides whether they make a period; its messages are
/// shown beside the boxes they are about.
/// </summary>
public sealed class OversightPeriod
{
    public string? FromMonth { get; set; }

    public string? FromYear { get; set; }

    public string? ToMonth { get; set; }

    public string? ToYear { get; set; }

    /// <summary>The first month as reporting reads it (yyyy-MM), or what was typed when it is not one.</summary>
    public string From => Month(FromYear, FromMonth);

    /// <summary>The last month, likewise.</summary>
    public string To => Month(ToYear, ToMonth);

    /// <summary>The query string that keeps these months on a link to another oversight page.</summary>
    public string Query => QueryString.Create("fromMonth", FromMonth ?? "").Add("fromYear", FromYear ?? "")
        .Add("toMonth", ToMonth ?? "").Add("toYear", ToYear ?? "").ToString();

    /// <summary>The months in words: "December 2025 to November 2026".</summary>
    public string InWords => $"{Words(FromYear, FromMonth)} to {Words(ToYear, ToMonth)}";

    /// <summary>Fills in the last twelve complete months where nothing was chosen.</summary>
    public OversightPeriod WithDefaults(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(FromMonth) && string.IsNullOrWhiteSpace(FromYear) && string.IsNullOrWhiteSpace(ToMonth) && string.IsNullOrWhiteSpace(ToYear))
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var (first, last) = (thisMonth.AddMonths(-12), thisMonth.AddMonths(-1));
            (FromMonth, FromYear) = (first.Month.ToString(CultureInfo.InvariantCulture), first.Year.ToString(CultureInfo.InvariantCulture));
            (ToMonth, ToYear) = (last.Month.ToString(CultureInfo.InvariantCulture), last.Year.ToString(CultureInfo.InvariantCulture));
        }
        return this;
    }

    /// <summary>Reporting's messages about the months, beside the boxes: the first month's, the last month's, the period's.</summary>
    public static void AddErrors(FormErrors errors, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.AddFrom(problem, [("from", "from-month"), ("to", "to-month"), ("period", "from-month")]);
    }

    private static string Month(string? year, string? month)
    {
        var m = month?.Trim() ?? "";
        return $"{year?.Trim()}-{(m.Length == 1 && char.IsDigit(m[0]) ? "0" + m : m)}";
    }

    private static string Words(string? year, string? month) =>
        int.TryParse(month, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 && int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y is > 0 and < 10000
            ? new DateOnly(y, m, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : $"{month} {year}";
}

/// <summary>What the period form draws: the months, their errors, where it goes, and what else the page keeps (the rate of a funnel).</summary>
public sealed record PeriodForm(OversightPeriod Period, FormErrors Errors, string Action, IReadOnlyList<(string Name, string Value)> Keep);
