using IcsComplaints.Intake.Contracts;

namespace IcsComplaints.UnitTests;

public sealed class ComplaintReferenceTests
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    [Fact]
    public void New_GivesEightCharactersInTwoGroups_ThatReadBackUnchanged()
    {
        for (var i = 0; i < 1000; i++)
        {
            var reference = ComplaintReference.New();

            Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", reference);
            Assert.Equal(reference, ComplaintReference.Normalise(reference));
        }
    }

    [Fact]
    public void Normalise_AcceptsWhatPeopleType_LowerCaseSpacesAndNoHyphen()
    {
        var reference = ComplaintReference.New();
        var typed = " " + reference.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant() + " ";

        Assert.Equal(reference, ComplaintReference.Normalise(typed));
        Assert.Equal(reference, ComplaintReference.Normalise(reference.Replace("-", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Normalise_RejectsEverySingleMistypedCharacter()
    {
        for (var i = 0; i < 50; i++)
        {
            var compact = ComplaintReference.New().Replace("-", "", StringComparison.Ordinal);
            for (var position = 0; position < compact.Length; position++)
            {
                foreach (var other in Alphabet.Where(c => c != compact[position]))
                {
                    var mistyped = compact[..position] + other + compact[(position + 1)..];

                    Assert.Null(ComplaintReference.Normalise(mistyped));
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFG")]
    [InlineData("ABCD-EFGHJ")]
    [InlineData("ABC0-EFGH")]
    [InlineData("ABCO-EFGH")]
    [InlineData("ABC1-EFGH")]
    [InlineData("ABCI-EFGH")]
    [InlineData("'; DROP TABLE cases; --")]
    public void Normalise_RejectsMalformedInput(string input)
    {
        Assert.Null(ComplaintReference.Normalise(input));
    }
}
