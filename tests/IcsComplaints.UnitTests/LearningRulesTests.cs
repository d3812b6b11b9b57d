using IcsComplaints.Learning.Api.Actions;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Learning.Api.Standards;
using IcsComplaints.Learning.Api.Themes;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The rules of the learning service: agreement statistics, the theme rule, HCAT coding, public text, self-assessment.</summary>
public sealed class LearningRulesTests
{
    private static Dictionary<string, int> Severities(int communication = 2) =>
        HcatScheme.CategoryKeys.ToDictionary(k => k, k => k == "communication" ? communication : 0);

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

    [Fact]
    public void BinomialUpperTail_MatchesExactValues()
    {
        Assert.Equal(0.005921145564, ThemeRule.UpperTail(8, 20, 0.15), 1e-10);
        Assert.Equal(0.6513215599, ThemeRule.UpperTail(1, 10, 0.1), 1e-10);
        Assert.Equal(1, ThemeRule.UpperTail(0, 10, 0.3));
        Assert.Equal(0, ThemeRule.UpperTail(11, 10, 0.3));
    }

    [Fact]
    public void ThemeRule_SignalsARiseFarAboveTheBaselineShare()
    {
        // 36 of 240 over the year (15%); 14 of 20 this month: p = 5.2e-8.
        var assessment = ThemeRule.Assess(new ThemeCounts(Observed: 14, Total: 20, BaselineObserved: 36, BaselineTotal: 240, BaselineMonthsWithData: 12));

        Assert.True(assessment.Signal, assessment.Reason);
        Assert.Equal(5.1991541845e-8, assessment.PValue, 1e-15);
        Assert.Equal(3.03, assessment.Expected);
    }

    [Theory]
    [InlineData(5, 20, 36, 240, 12, "within what the baseline predicts")] // p = 0.175: ordinary variation
    [InlineData(30, 200, 36, 240, 12, "within what the baseline predicts")] // a busier month, the same share: no theme
    [InlineData(4, 5, 0, 240, 12, "fewer than 5")] // never seen before, but only four complaints
    [InlineData(14, 20, 3, 25, 12, "Baseline too short")] // 25 complaints over the year
    [InlineData(14, 20, 36, 240, 5, "Baseline too short")] // five months of data
    public void ThemeRule_KeepsNoiseFromRaisingAlarms(int observed, int total, int baselineObserved, int baselineTotal, int months, string why)
    {
        var assessment = ThemeRule.Assess(new ThemeCounts(observed, total, baselineObserved, baselineTotal, months));

        Assert.False(assessment.Signal);
        Assert.Contains(why, assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThemeRule_SignalsAProblemNeverSeenBefore_OnceItReachesTheMinimumCount()
    {
        // Smoothed share 0.5 / 241: five in one month of twenty is far beyond chance.
        Assert.True(ThemeRule.Assess(new ThemeCounts(5, 20, 0, 240, 12)).Signal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ThemeRule.Assess(new ThemeCounts(21, 20, 0, 240, 12)));
    }

    [Fact]
    public void HcatCoding_NeedsEverySeverity_InRange_AndAComplaintNeedsAProblemAndItsHarm()
    {
        HcatScheme.Validate(CodingSubject.Complaint, Severities(), harm: 1, ["Care on the ward"]);
        HcatScheme.Validate(CodingSubject.Response, Severities(communication: 0), harm: null, []);

        var missing = Severities();
        missing.Remove("safety");
        missing["kindness"] = 1;
        var errors = Assert.Throws<RequestValidationException>(() => HcatScheme.Validate(CodingSubject.Complaint, missing, null, ["Lunch"])).Errors;
        Assert.Equal(
            ["harm", "severities.kindness", "severities.safety", "stagesOfCare[0]"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("severities.communication", Assert.Throws<RequestValidationException>(
            () => HcatScheme.Validate(CodingSubject.Complaint, Severities(communication: 4), 0, [])).Errors.Keys);
        Assert.Contains("severities", Assert.Throws<RequestValidationException>(
            () => HcatScheme.Validate(CodingSubject.Complaint, Severities(communication: 0), 0, [])).Errors.Keys);
        Assert.Contains("harm", Assert.Throws<RequestValidationException>(
            () => HcatScheme.Validate(CodingSubject.Complaint, Severities(), 6, [])).Errors.Keys);
    }

    [Fact]
    public void HcatScheme_HasSevenCategoriesUnderThreeDomains_AndSuggestsCategoriesFromSubjectAreas()
    {
        Assert.Equal(7, HcatScheme.Categories.Count);
        Assert.Equal(
            [("Clinical", 2), ("Management", 2), ("Relationships", 3)],
            HcatScheme.Categories.GroupBy(c => c.Domain).Select(g => (g.Key, g.Count())));
        Assert.Equal(["institutionalProcesses", "communication"], HcatScheme.Suggest(["Communications", "Waiting times", "Other"]));
        Assert.Empty(HcatScheme.Suggest([]));
    }

    [Theory]
    [InlineData("Please write to jo.bloggs@example.org", "e-mail address")]
    [InlineData("NHS number 943 476 5919 was wrong", "NHS number")]
    [InlineData("call 020 7946 0999", "telephone number")]
    [InlineData("the patient from SE1 7EH", "postcode")]
    [InlineData("seen on 12/03/2026", "date (it could be a date of birth or of care)")]
    [InlineData("Mrs Smith told us", "name")]
    public void PublicText_FindsWhatCouldIdentifySomeone(string text, string found) => Assert.Equal(found, PublicText.PersonalDataIn(text));

    [Fact]
    public void PublicText_LetsAPlainSummaryThrough() =>
        Assert.Null(PublicText.PersonalDataIn("You told us letters about cancelled appointments came too late; we now phone within 24 hours."));

    [Fact]
    public void StandardsFramework_HasFourSections_UniqueExpectations_AndAnExampleOfEveryLevelInEachSection()
    {
        var framework = StandardsFramework.Current;

        Assert.Equal(["1", "2", "3", "4"], framework.Sections.Select(s => s.Number));
        Assert.Equal(25, framework.AllExpectations.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([1, 2, 3, 4], framework.Levels.Select(l => l.Level));
        Assert.All(framework.Levels, l => Assert.False(string.IsNullOrWhiteSpace(l.Descriptor)));
        Assert.All(framework.Sections, s => Assert.Equal(["1", "2", "3", "4"], s.Examples.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void PeerDistribution_IsSuppressedBelowThreePeers_AndCountsLevelsOtherwise()
    {
        static SelfAssessment Rated(string code, int level) => new()
        {
            OrganisationCode = code, OrganisationType = "provider", Year = 2026,
            Ratings = [.. StandardsFramework.Current.AllExpectations.Select(e => new SelfAssessmentRating { ExpectationId = e.Id, Level = level })],
        };

        var two = SelfAssessments.Distribution([Rated("A", 2), Rated("B", 3)]);
        Assert.True(two.Suppressed);
        Assert.Empty(two.Distribution);

        var three = SelfAssessments.Distribution([Rated("A", 2), Rated("B", 3), Rated("C", 3)]);
        Assert.False(three.Suppressed);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 2, ["4"] = 0 }, three.Distribution["1.1"]);
        Assert.Equal(3.0, three.SectionMedians["4"]);
        Assert.Equal(2.5, SelfAssessments.SectionMeans(new Dictionary<string, int> { ["1.1"] = 2, ["1.2"] = 3 })["1"]);
    }
}
