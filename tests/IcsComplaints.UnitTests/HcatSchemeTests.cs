using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="HcatScheme"/>: the HCAT categories, scales and what a coding must give.</summary>
public sealed class HcatSchemeTests
{
    private static Dictionary<string, int> Severities(int communication = 2) =>
        HcatScheme.CategoryKeys.ToDictionary(k => k, k => k == "communication" ? communication : 0);

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
}
