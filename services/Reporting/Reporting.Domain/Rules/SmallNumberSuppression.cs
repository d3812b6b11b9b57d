// SmallNumberSuppression: a published count of 1 to 4 is withheld, and so is whatever would reveal it (ISB 1523 Anonymisation Standard for Publishing Health and Social Care Data).
namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The small-numbers rule for outputs meant for publication or shared beyond the commissioner (never for an
/// organisation's own figures or a commissioner's oversight of its own providers, which are exact: see
/// <see cref="Publication"/>): a count from 1 to 4 is withheld, because a handful of complaints about one service can
/// point to the people involved, and so is whatever would let it be worked out (complementary suppression, by
/// <see cref="Suppression.PublicationTable"/>). Zero is shown: it identifies no one.
/// Source: ISB 1523 Anonymisation Standard for Publishing Health and Social Care Data (small numbers, and
/// complementary suppression so that a withheld number cannot be derived from totals and the other figures).
/// </summary>
public static class SmallNumberSuppression
{
    /// <summary>The smallest count shown, other than zero.</summary>
    public const int Threshold = 5;

    /// <summary>True for a count that may not be published: 1 to 4.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>
    /// True when a rate can be published without revealing a small number: its numerator, its denominator and the
    /// rest (denominator − numerator, which the two give away) are each zero or at least <see cref="Threshold"/>.
    /// </summary>
    public static bool IsSafeRate(int numerator, int denominator) => !IsSmall(numerator) && !IsSmall(denominator) && !IsSmall(denominator - numerator);
}
