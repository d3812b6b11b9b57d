using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>A provider on a funnel plot.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Numerator">Meeting the measure.</param>
/// <param name="Denominator">Applicable.</param>
/// <param name="Value">The provider's rate.</param>
/// <param name="Lower95">Lower 95% control limit at its volume.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Lower998">Lower 99.8% limit.</param>
/// <param name="Upper998">Upper 99.8% limit.</param>
/// <param name="Position">
/// Within, AboveWarning (95%), AboveAlarm (99.8%), BelowWarning, BelowAlarm; TooFew when fewer than
/// <see cref="FunnelLimits.MinimumCases"/> cases (or no overall rate) to judge by; Withheld in a funnel for publication
/// when the small-numbers rule withholds the provider's rate (then nothing of the point is given, limits included:
/// they depend on its volume).
/// </param>
/// <param name="Suppressed">Withheld under the small-numbers rule (funnels for publication only).</param>
public sealed record FunnelPoint(
    string OrganisationCode, int? Numerator, int? Denominator, double? Value, double? Lower95, double? Upper95, double? Lower998, double? Upper998, string Position,
    bool Suppressed = false);

/// <summary>A fair comparison of providers on one rate.</summary>
/// <param name="Measure">The rate measure.</param>
/// <param name="Period">Period.</param>
/// <param name="Target">The ICB's overall rate across its providers: the funnel's centre (withheld, for publication, when it rests on small numbers).</param>
/// <param name="Points">Each provider.</param>
/// <param name="Suppressed">Prepared for publication: small numbers, and whatever would reveal them, withheld.</param>
public sealed record Funnel(string Measure, string Period, double? Target, IReadOnlyList<FunnelPoint> Points, bool Suppressed = false);
