using IcsComplaints.Learning.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="Agreement"/>: how far two HCAT coders agree, by Cohen's kappa and its weighted form.</summary>
public sealed class AgreementTests
{
    [Fact]
    public void Kappa_OfTheTextbookTwoByTwoTable_IsPointFour()
    {
        // 50 items: both yes 20, first yes second no 5, first no second yes 10, both no 15 → po 0.7, pe 0.5, kappa 0.4.
        var pairs = Enumerable.Repeat((1, 1), 20).Concat(Enumerable.Repeat((1, 0), 5)).Concat(Enumerable.Repeat((0, 1), 10)).Concat(Enumerable.Repeat((0, 0), 15)).ToList();

        var result = Agreement.Of(pairs, levels: 2);

        Assert.Equal((50, 0.7, 0.5, 0.4), (result.Pairs, result.ObservedAgreement, result.ExpectedAgreement, result.Kappa));
        Assert.Equal("fair", Agreement.Describe(result.Kappa));
    }

    [Fact]
    public void WeightedKappa_CountsANearMissAsPartAgreement()
    {
        // Hand-computed: po 0.75, pe 0.3125 → kappa 0.6364; weighted disagreement 0.0625 against 0.3125 expected → 0.8.
        var result = Agreement.Of([(0, 0), (1, 1), (2, 2), (0, 1)], levels: 3);

        Assert.Equal(0.6364, result.Kappa);
        Assert.Equal(0.8, result.WeightedKappa);
    }

    [Fact]
    public void Kappa_IsOne_ForPerfectAgreement_AndUndefined_WhenBothCodersUseOneLevelOnly()
    {
        Assert.Equal((1.0, 1.0), (Agreement.Of([(0, 0), (2, 2), (3, 3)], 4).Kappa!.Value, Agreement.Of([(0, 0), (2, 2), (3, 3)], 4).WeightedKappa!.Value));
        var constant = Agreement.Of([(0, 0), (0, 0), (0, 0)], 4);
        Assert.Null(constant.Kappa);
        Assert.Null(constant.WeightedKappa);
        Assert.Equal("undefined", Agreement.Describe(constant.Kappa));
        Assert.Null(Agreement.Of([], 4).Kappa);
    }

    [Fact]
    public void Kappa_IsNegative_WhenCodersAgreeLessThanChance()
    {
        var result = Agreement.Of([(0, 1), (1, 0), (0, 1), (1, 0)], 2);

        Assert.Equal(-1.0, result.Kappa);
        Assert.Equal("poor", Agreement.Describe(result.Kappa));
    }
}
