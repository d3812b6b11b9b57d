using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="AdvocacyAreaLookup"/>: the advocacy service is the one arranged for the complainant's area (s223A).</summary>
public sealed class AdvocacyAreaLookupTests
{
    private static AdvocacyProvider Provider(string code, string[] authorities, string[] districts)
    {
        var provider = AdvocacyProvider.Listed(code);
        provider.Describe(new AdvocacyProviderDetails($"Service {code}", "0300 000 0000", "a@example.org", "https://example.org", "1 High Street", authorities, districts, "test"));
        return provider;
    }

    [Fact]
    public void TheArea_IsThePostcodesDistrict_AndTheAuthorityCodeAsStored()
    {
        Assert.Equal(new AdvocacyArea("SE1", "710"), AdvocacyAreaLookup.Area("se1 7eh", " 710 "));
        Assert.Equal(new AdvocacyArea(null, "E09000022"), AdvocacyAreaLookup.Area(null, "e09000022"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", "")]
    [InlineData("not a postcode", "71-0")]
    public void NoArea_IsNamed_ByNothingOrByTextThatIsNeitherAPostcodeNorACode(string? postcode, string? authority) =>
        Assert.Null(AdvocacyAreaLookup.Area(postcode, authority));

    [Fact]
    public void TheComplainantsDistrict_Decides_BeforeTheirAuthority()
    {
        var byAuthority = Provider("ADV01", ["710"], []);
        var byDistrict = Provider("ADV02", ["999"], ["SE1"]);

        var chosen = AdvocacyAreaLookup.Choose([byAuthority, byDistrict], new AdvocacyArea("SE1", "710"));

        Assert.Same(byDistrict, chosen);
    }

    [Fact]
    public void TheAuthority_Decides_WhenNoServiceCoversTheDistrict_AndTiesGoToTheLowestCode()
    {
        var later = Provider("ADV09", ["710"], []);
        var first = Provider("ADV03", ["710"], []);

        Assert.Same(first, AdvocacyAreaLookup.Choose([later, first], new AdvocacyArea("ZZ9", "710")));
        Assert.Null(AdvocacyAreaLookup.Choose([later, first], new AdvocacyArea("ZZ9", "711")));
    }
}
