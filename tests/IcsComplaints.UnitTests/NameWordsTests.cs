using IcsComplaints.Intake.Api.Features.SearchComplaints;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>How a name is cut into the words a search matches, and how a search's members are checked.</summary>
public sealed class NameWordsTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void AName_IsSearchedWithoutCaseAccentsOrApostrophes_SplitAtSpacesAndHyphens()
    {
        Assert.Equal(["sian", "obrien", "evans"], NameWords.Of("Siân O'Brien-Évans"));
        Assert.Equal(["sian", "obrien", "evans"], NameWords.Of("  SIAN  o’brien   evans "));
    }

    [Fact]
    public void TheComplainantsAndThePatientsNames_GiveOneListOfDistinctWords()
    {
        Assert.Equal(["olu", "adebayo", "grace"], NameWords.Of("Olu Adebayo", "Grace Adebayo"));
        Assert.Empty(NameWords.Of(null, "  ", "-'"));
    }

    [Fact]
    public void AnOverlongWord_IsCut_SoItFitsTheIndexedColumn()
    {
        Assert.Equal(NameWords.MaxWordLength, Assert.Single(NameWords.Of(new string('a', 300))).Length);
    }

    [Fact]
    public void ASearch_ReadsEachMemberIntoTheFormStored()
    {
        var search = SearchComplaintsHandler.Read(
            new SearchComplaintsRequest(Name: "Zoë Smith", NhsNumber: "943 476 5919", DateOfBirth: "1980-02-29"), Today);
        Assert.Equal(["zoe", "smith"], search.NameWords);
        Assert.Equal("9434765919", search.NhsNumber);
        Assert.Equal(new DateOnly(1980, 2, 29), search.DateOfBirth);
        Assert.Equal(["name", "nhsNumber", "dateOfBirth"], search.Fields);
    }

    [Fact]
    public void ASearch_WithBadValues_NamesEachBadMember()
    {
        var error = Assert.Throws<RequestValidationException>(() => SearchComplaintsHandler.Read(
            new SearchComplaintsRequest(Reference: "NOT-AREF", Name: "--", NhsNumber: "9434765918", DateOfBirth: "29/02/1980", State: "Lost", Route: "Nowhere"), Today));
        Assert.Equal(["dateOfBirth", "name", "nhsNumber", "reference", "route", "state"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASearch_WithNothingToSearchBy_IsRefused()
    {
        var error = Assert.Throws<RequestValidationException>(() => SearchComplaintsHandler.Read(new SearchComplaintsRequest(Name: " ", Pending: false), Today));
        Assert.Equal(["body"], error.Errors.Keys);
    }
}
