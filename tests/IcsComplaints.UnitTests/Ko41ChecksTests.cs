using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="Ko41Checks"/>: the collection's validation a return must pass before it is exported.</summary>
public sealed class Ko41ChecksTests
{
    private static readonly DateOnly Received = new(2025, 6, 2);

    [Fact]
    public void ASiteWhoseNewComplaintsAreAllCodedOnce_PassesEveryCheck()
    {
        Ko41Case[] fresh = [Coded(["Communications"]), Coded([Ko41Counting.ClinicalTreatment], ["Diagnosis"])];

        Assert.All(Ko41Checks.OfSite("RJ2", fresh), check => Assert.True(check.Passed, check.Rule));
    }

    [Fact]
    public void AnUncodedComplaint_AndSubCategoriesWithoutClinicalTreatment_FailTheirChecks()
    {
        Ko41Case[] fresh = [Coded(["Communications"], ["Diagnosis"]), new(Received, null, null, null, "RJ2", null, null, null, [], [], [])];

        var failed = Ko41Checks.OfSite("RJ2", fresh).Where(c => !c.Passed).Select(c => c.Rule).ToList();

        Assert.Contains("Every new complaint is coded (KO41 sections 3-8)", failed);
        Assert.Contains("Age of patient adds up to the new complaints", failed);
        Assert.Contains("Clinical sub-categories only for clinical treatment complaints", failed);
    }

    [Theory]
    [InlineData(3, 10, 8, 1, 4, true, true)]
    [InlineData(3, 10, 14, 0, -1, false, true)]
    [InlineData(3, 10, 8, 1, 5, true, false)]
    public void TheYear_ResolvesNoMoreThanItHad_AndItsMovementsBalance(
        int broughtForward, int fresh, int resolved, int closed, int carriedForward, bool resolvedWithin, bool balances)
    {
        var checks = Ko41Checks.OfYear(broughtForward, fresh, resolved, closed, carriedForward).ToList();

        Assert.Equal([resolvedWithin, balances], checks.Select(c => c.Passed));
    }

    private static Ko41Case Coded(IReadOnlyList<string> subjects, IReadOnlyList<string>? clinical = null) =>
        new(Received, null, null, null, "RJ2", "18-64", "Patient", "Acute", subjects, ["Nursing"], clinical ?? []);
}
