namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>One month of a trend.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="Numerator">Numerator (or the count for a count measure).</param>
/// <param name="Denominator">Denominator (null for a count).</param>
/// <param name="Value">Rate or count.</param>
/// <param name="Suppressed">Withheld under the small-numbers rule (trends for publication only).</param>
public sealed record TrendPoint(string Month, int? Numerator, int? Denominator, double? Value, bool Suppressed = false);
