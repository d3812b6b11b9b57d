using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Nhs;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>
/// <see cref="OrganisationSearch"/>: a member of the public finds the organisation to complain to by the words of its
/// name however they write them, or by their postcode, nearest first.
/// </summary>
public sealed class OrganisationSearchTests
{
    private static readonly DirectoryOrganisation Guys = new("RJ1", "Guy's and St Thomas' NHS Foundation Trust", OrganisationKind.NhsTrust, postcode: "SE1 7EH");
    private static readonly DirectoryOrganisation Kings = new("RJZ", "King's College Hospital NHS Foundation Trust", OrganisationKind.NhsTrust, postcode: "SE5 9RS");
    private static readonly DirectoryOrganisation SouthEastLondon = new("QKK", "NHS South East London Integrated Care Board", OrganisationKind.Icb, postcode: "SE1 2TZ");
    private static readonly DirectoryOrganisation Lewisham = new("RJ2", "Lewisham and Greenwich NHS Trust", OrganisationKind.NhsTrust, postcode: "SE13 6LH");
    private static readonly DirectoryOrganisation Oxleas = new("RPG", "Oxleas NHS Foundation Trust", OrganisationKind.NhsTrust, postcode: "DA2 7WG");
    private static readonly DirectoryOrganisation Manchester = new("R0A", "Manchester University NHS Foundation Trust", OrganisationKind.NhsTrust, postcode: "M13 9WL");
    private static readonly DirectoryOrganisation NoPostcode = new("QJK", "NHS Devon Integrated Care Board", OrganisationKind.Icb);

    private static readonly DirectoryOrganisation[] All = [Manchester, Oxleas, Lewisham, Kings, Guys, SouthEastLondon, NoPostcode];

    private static string[] Codes(IEnumerable<DirectoryOrganisation> found) => [.. found.Select(o => o.OdsCode)];

    [Theory]
    [InlineData("Guy's and St Thomas'")]
    [InlineData("guys & saint thomas")]
    [InlineData("GUY’S AND ST. THOMAS’")]
    [InlineData("  st   thomas  ")]
    public void AName_IsFound_HoweverSaintApostrophesAndAmpersandsAreWritten(string query) =>
        Assert.Equal(["RJ1"], Codes(OrganisationSearch.Find(All, query, null)));

    [Fact]
    public void Folding_LowersCase_DropsAccentsAndApostrophes_AndReadsAmpersandAsAnd() =>
        Assert.Equal("st johns and st marys cafe", OrganisationSearch.Fold("Saint John's & St. Mary's Café"));

    [Fact]
    public void Saint_IsOnlyReadAsSt_AsAWholeWord() =>
        Assert.Equal("saintfield st", OrganisationSearch.Fold("Saintfield Saint"));

    [Fact]
    public void NamesStartingWithTheWords_ComeBeforeNamesWithAWordStartingWithThem_ThenNamesContainingThem()
    {
        var kingsway = new DirectoryOrganisation("X1", "Kingsway Surgery", OrganisationKind.GpPractice);
        var parking = new DirectoryOrganisation("X2", "Parking Lane Clinic", OrganisationKind.GpPractice);
        var theKings = new DirectoryOrganisation("X3", "The King's Practice", OrganisationKind.GpPractice);

        Assert.Equal(["RJZ", "X1", "X3", "X2"], Codes(OrganisationSearch.Find([parking, theKings, kingsway, Kings], "king", null)));
    }

    [Fact]
    public void WordsThatAreNotInTheName_FindNothing() =>
        Assert.Empty(OrganisationSearch.Find(All, "Moorfields", null));

    [Fact]
    public void ByPostcode_TheSameDistrictComesFirst_ThenTheSameArea_AndOthersAreLeftOut()
    {
        var found = Codes(OrganisationSearch.Find(All, null, "SE1 9RT"));

        // SE1: Guy's and the ICB (by name); then SE5 and SE13; Dartford (DA), Manchester (M) and no postcode are left out.
        Assert.Equal(["RJ1", "QKK", "RJZ", "RJ2"], found);
    }

    [Fact]
    public void NameAndPostcode_Together_KeepOnlyNearMatches_NearestFirst()
    {
        var found = Codes(OrganisationSearch.Find(All, "foundation trust", "SE5 8AA"));

        Assert.Equal(["RJZ", "RJ1"], found);
    }

    [Theory]
    [InlineData("SE1 7EH", "SE1 2TZ", PostcodeNearness.SameDistrict)]
    [InlineData("se17eh", "SE1 0AA", PostcodeNearness.SameDistrict)]
    [InlineData("SE1 7EH", "SE13 6LH", PostcodeNearness.SameArea)]
    [InlineData("M13 9WL", "M1 3BN", PostcodeNearness.SameArea)]
    [InlineData("M13 9WL", "ME15 6NB", null)]
    [InlineData("S9 4EU", "SE1 7EH", null)]
    [InlineData(null, "SE1 7EH", null)]
    public void Nearness_ComparesDistrictThenArea_NotTheLettersAPostcodeMerelyStartsWith(string? organisation, string searched, PostcodeNearness? expected) =>
        Assert.Equal(expected, OrganisationSearch.Nearness(organisation, searched));

    [Theory]
    [InlineData("SE1 7EH", "SE")]
    [InlineData("m13 9wl", "M")]
    [InlineData("EC1A 1BB", "EC")]
    [InlineData("W1A 0AX", "W")]
    [InlineData("GIR 0AA", "GIR")]
    [InlineData("not a postcode", null)]
    public void APostcodesArea_IsTheLettersOfItsOutwardCode(string postcode, string? area) =>
        Assert.Equal(area, Postcodes.Area(postcode));
}
