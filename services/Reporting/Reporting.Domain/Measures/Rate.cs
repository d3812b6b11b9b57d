namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>A proportion with its parts.</summary>
/// <param name="Numerator">Those meeting the measure; <c>null</c> when withheld.</param>
/// <param name="Denominator">Those it applies to; <c>null</c> when withheld.</param>
/// <param name="Value">Numerator ÷ denominator, 4 decimals; <c>null</c> when nothing applies or either part is withheld.</param>
/// <param name="Suppressed">A part is withheld under the small-numbers rule (outputs for publication only).</param>
public sealed record Rate(int? Numerator, int? Denominator, double? Value, bool Suppressed = false)
{
    /// <summary>A rate from counts.</summary>
    public static Rate Of(int numerator, int denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round((double)numerator / denominator, 4));
}
