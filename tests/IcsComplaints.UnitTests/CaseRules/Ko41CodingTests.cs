using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="Ko41Coding"/>, the KO41a coding of a case: canonical values, and the rules of the KO41a guidance each named in the test.</summary>
public sealed class Ko41CodingTests
{
    private static Ko41CodingInput Input() => new(
        Subjects: ["Communications", "Clinical treatment"],
        ServiceArea: "Mental health",
        Professions: ["Scientific, therapeutic and technical"],
        ClinicalSubCategories: ["Diagnosis"],
        SiteOdsCode: "RJ121",
        AgeBand: "26-55",
        ComplainantStatus: "Patient");

    private static IReadOnlyDictionary<string, string[]> Errors(Ko41CodingInput? input) =>
        Assert.Throws<RequestValidationException>(() => Ko41Coding.Validate(input)).Errors;

    [Fact]
    public void AFullCoding_IsReturnedInCanonicalForm_WhateverTheCaseAndSpacesOfTheInput()
    {
        var coding = Ko41Coding.Validate(new Ko41CodingInput(
            ["  COMMUNICATIONS ", "clinical treatment", "values and behaviours"],
            " mental HEALTH",
            ["scientific, THERAPEUTIC and technical", " nursing, midwifery and health visiting "],
            ["diagnosis ", "AFTERCARE"],
            " rj121 ",
            "75+",
            "on behalf of the PATIENT"));

        Assert.Equal(["Communications", "Clinical treatment", "Values and behaviours"], coding.Subjects);
        Assert.Equal("Mental health", coding.ServiceArea);
        Assert.Equal(["Scientific, therapeutic and technical", "Nursing, midwifery and health visiting"], coding.Professions);
        Assert.Equal(["Diagnosis", "Aftercare"], coding.ClinicalSubCategories);
        Assert.Equal("RJ121", coding.SiteOdsCode);
        Assert.Equal("75+", coding.AgeBand);
        Assert.Equal("On behalf of the patient", coding.ComplainantStatus);
        Assert.True(Ko41Coding.IsClinical(coding));
    }

    [Fact]
    public void Ko41a_ACodingWithoutAClinicalAspect_HasNoSubCategoriesAndNeedNotNameASite()
    {
        var coding = Ko41Coding.Validate(Input() with { Subjects = ["Communications"], ClinicalSubCategories = null, SiteOdsCode = "  " });

        Assert.Empty(coding.ClinicalSubCategories);
        Assert.Null(coding.SiteOdsCode);
        Assert.False(Ko41Coding.IsClinical(coding));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_UnderItsOwnField()
    {
        var errors = Errors(new Ko41CodingInput(
            ["Communications", "Waiting times", "Gossip"],
            "Cardiology",
            ["Plumbers"],
            ["Diagnosis", "Paperwork"],
            "R-J1",
            "90-99",
            "Neighbour"));

        Assert.Equal(
            ["ageBand", "clinicalSubCategories", "clinicalSubCategories[1]", "complainantStatus", "professions[0]", "serviceArea", "siteOdsCode", "subjects[2]"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoCodingAtAll_ReportsEveryRequiredField()
    {
        var errors = Errors(null);

        Assert.Equal(["ageBand", "complainantStatus", "professions", "serviceArea", "subjects"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EmptyListsAndBlankValues_AreMissing_NotUnknown()
    {
        var errors = Errors(new Ko41CodingInput([], " ", [], [], null, "", null));

        Assert.Equal(["ageBand", "complainantStatus", "professions", "serviceArea", "subjects"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Other", Assert.Single(errors["subjects"]), StringComparison.Ordinal);
        Assert.Contains("Unknown", Assert.Single(errors["ageBand"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Ko41a_ClinicalSubCategories_AreRefusedWithoutAClinicalAspect()
    {
        var errors = Errors(Input() with { Subjects = ["Communications"] });

        var message = Assert.Single(Assert.Single(errors).Value);
        Assert.Equal("clinicalSubCategories", Assert.Single(errors).Key);
        Assert.Contains("KO41a", message, StringComparison.Ordinal);
        Assert.Contains("\"Clinical treatment\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ko41a_AClinicalAspect_NeedsAtLeastOneSubCategory()
    {
        foreach (var none in new IReadOnlyList<string>?[] { null, [] })
        {
            var errors = Errors(Input() with { ClinicalSubCategories = none });

            Assert.Equal("clinicalSubCategories", Assert.Single(errors).Key);
            Assert.Contains("KO41a", Assert.Single(errors["clinicalSubCategories"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ko41a_EachAspectIsRecordedOnce_SoDuplicatesAreRefused_WhateverTheirCase()
    {
        var errors = Errors(Input() with
        {
            Subjects = ["Communications", "Clinical treatment", " communications"],
            Professions = ["Medical", "MEDICAL"],
            ClinicalSubCategories = ["Diagnosis", "diagnosis"],
        });

        Assert.Equal(["clinicalSubCategories[1]", "professions[1]", "subjects[2]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("\"Communications\" is already listed", Assert.Single(errors["subjects[2]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Ko41a_SeveralAspectsMayBeRecorded_UpToTenSubjectAreas()
    {
        var ten = Ko41Coding.SubjectAreas.Where(s => s != Ko41Coding.ClinicalTreatment).Take(Ko41Coding.MaxSubjects).ToList();
        var valid = Ko41Coding.Validate(Input() with { Subjects = ten, ClinicalSubCategories = null });
        Assert.Equal(10, valid.Subjects.Count);

        var errors = Errors(Input() with { Subjects = [.. ten, "Nonsense"], ClinicalSubCategories = null });

        Assert.Equal(["subjects", "subjects[10]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("at most 10", Assert.Single(errors["subjects"]), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownValue_NamesTheAllowedOnes()
    {
        var errors = Errors(Input() with { ServiceArea = "Cardiology", Subjects = ["Clinical treatment", "Gossip"], AgeBand = "Teenager" });

        var serviceArea = Assert.Single(errors["serviceArea"]);
        Assert.Contains("\"Cardiology\"", serviceArea, StringComparison.Ordinal);
        Assert.All(Ko41Coding.ServiceAreas, area => Assert.Contains(area, serviceArea, StringComparison.Ordinal));
        Assert.All(Ko41Coding.SubjectAreas, subject => Assert.Contains(subject, Assert.Single(errors["subjects[1]"]), StringComparison.Ordinal));
        Assert.All(Ko41Coding.AgeBands, band => Assert.Contains(band, Assert.Single(errors["ageBand"]), StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyEntryInAList_IsReportedAtItsPosition()
    {
        var errors = Errors(Input() with { Professions = ["Medical", " "] });

        Assert.Equal("professions[1]", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData("RJ")]
    [InlineData("RJ1234567X")]
    [InlineData("RJ1 21")]
    [InlineData("RJ1-21")]
    public void Ko41a_TheSite_IsOneOdsCodeOf3To9LettersAndDigits(string site)
    {
        var errors = Errors(Input() with { SiteOdsCode = site });

        Assert.Equal("siteOdsCode", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(new[] { true }, CaseOutcome.Upheld)]
    [InlineData(new[] { true, true }, CaseOutcome.Upheld)]
    [InlineData(new[] { true, false }, CaseOutcome.PartiallyUpheld)]
    [InlineData(new[] { false, false }, CaseOutcome.NotUpheld)]
    public void TheOutcome_IsUpheldPartiallyUpheldOrNotUpheld_ByTheFindings(bool[] upheld, CaseOutcome expected)
    {
        Assert.Equal(expected, Ko41Coding.OutcomeOf([.. upheld.Select(u => new ResponseFinding("x", "y", "z", u))]));
    }

    [Fact]
    public void Closing_NeedsKo41Coding_AndReopeningClearsTheOutcome()
    {
        var c = Drafted();
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        c.SendFinalResponse(Received.AddDays(2), ContactChannel.Email);

        Assert.Throws<RequestStateException>(() => c.CloseResolved(Received.AddDays(3)));
        c.Code(Ko41Coding.Validate(new Ko41CodingInput(["Waiting times"], "A&E", ["Nursing, midwifery and health visiting"], [], null, "65-74", "On behalf of the patient")));
        c.CloseResolved(Received.AddDays(3));
        Assert.Equal((CaseStage.Closed, CaseClosure.Resolved, CaseOutcome.Upheld), (c.Stage, c.Closure, c.Outcome));

        c.Reopen(Received.AddDays(10), "New evidence from the family");
        Assert.Equal((CaseStage.Reopened, (CaseClosure?)null, (CaseOutcome?)null, 1), (c.Stage, c.Closure, c.Outcome, c.ReopenCount));
    }
}
