using System.Globalization;
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.Reporting.Domain.Returns;

/// <summary>How the published reports (the annual report, the board report) write a figure and name what it counts.</summary>
public static class ReportWords
{
    /// <summary>What a count withheld under the small-numbers rule reads as.</summary>
    public const string Withheld = "withheld";

    /// <summary>A count: "withheld" when withheld.</summary>
    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? Withheld;

    /// <summary>A share as a percentage with one decimal place: "88.1%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A rate: "37 of 42 (88.1%)", "none" when nothing was counted, "withheld" when withheld.</summary>
    public static string Share(Rate rate) => rate switch
    {
        { Numerator: { } n, Denominator: { } d, Value: { } v } => string.Create(CultureInfo.InvariantCulture, $"{n} of {d} ({Percent(v)})"),
        { Denominator: 0 } => "none",
        _ => Withheld,
    };

    /// <summary>How a complaint was made, in words.</summary>
    public static string Channel(string key) => key switch
    {
        "Online" => "Made online",
        "InPerson" => "Made in person",
        "Pals" => "Made through PALS",
        "Integration" => "Recorded by another system",
        _ => $"Made by {Words(key).ToLowerInvariant()}",
    };

    /// <summary>An API name in words: "PartiallyUpheld" reads "Partially upheld".</summary>
    public static string Words(string key) =>
        string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));
}
