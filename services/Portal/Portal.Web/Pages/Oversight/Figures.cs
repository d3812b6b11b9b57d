using System.Globalization;
using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Pages.Oversight;

/// <summary>How the oversight pages write reporting's figures: a rate with the counts it rests on, a count as it is.</summary>
public static class Figures
{
    /// <summary>The rates a funnel plot and a trend can show, in the order the pages offer them, with their names on the page.</summary>
    public static IReadOnlyList<(string Key, string Name)> Rates { get; } =
    [
        ("acknowledgedInTime", "Acknowledged within 3 working days"),
        ("byAgreedDate", "Responded to by the agreed date"),
        ("upheldOrPartly", "Upheld or partly upheld"),
        ("resolvedEarly", "Resolved at early resolution"),
        ("reopened", "Reopened after the response"),
        ("withAdvocacy", "Supported by an advocate"),
    ];

    /// <summary>The name of a rate, or of the count of complaints received.</summary>
    public static string NameOf(string key) => key == "received" ? "Complaints received" : Rates.FirstOrDefault(r => r.Key == key).Name ?? key;

    /// <summary>"90.0% (9 of 10)"; "none yet" when it applies to no complaint.</summary>
    public static string Rate(RateView? rate) =>
        rate is { Value: { } value, Numerator: { } n, Denominator: { } d }
            ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.0}% ({n} of {d})")
            : rate is { Denominator: 0 } ? "none yet" : "not shown";

    /// <summary>
    /// A survey question's key in words ("updatesBeforeOutcome": "Updates before outcome"), so a column's heading can
    /// wrap: six unbroken keys side by side would push the table wider than the page.
    /// </summary>
    public static string Question(string key) =>
        string.IsNullOrEmpty(key) ? key : char.ToUpperInvariant(key[0]) + string.Concat(key[1..].Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A share as a percentage, "80.0%".</summary>
    public static string Percent(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}%") : "";

    /// <summary>A count, or "not shown" when withheld.</summary>
    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "not shown";

    /// <summary>What reporting calls a funnel position, in words.</summary>
    public static string Position(string position) => position switch
    {
        "AboveAlarm" => "Above the 99.8% limit",
        "AboveWarning" => "Above the 95% limit",
        "BelowAlarm" => "Below the 99.8% limit",
        "BelowWarning" => "Below the 95% limit",
        "Within" => "Within the limits",
        "TooFew" => "Too few to judge",
        _ => "Not shown",
    };
}
