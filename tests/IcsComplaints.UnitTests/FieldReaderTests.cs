using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The one reader of request fields: enumerations by name, lists of texts, and the shape of an ODS code.</summary>
public sealed class FieldReaderTests
{
    /// <summary>A channel, as a request names it.</summary>
    public enum Channel
    {
        Letter = 1,
        InPerson = 2,
    }

    [Theory]
    [InlineData("Letter", Channel.Letter)]
    [InlineData("letter", Channel.Letter)]
    [InlineData(" in-person ", Channel.InPerson)]
    [InlineData("IN_PERSON", Channel.InPerson)]
    public void AnEnumeration_IsReadByName_InAnyCaseAndWithSeparators(string given, Channel expected)
    {
        var reader = new FieldReader();
        Assert.Equal(expected, reader.Enum<Channel>(given, "channel"));
        Assert.True(reader.Errors.IsEmpty);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("Pigeon")]
    [InlineData("Letter\u0000")]
    public void AnEnumeration_RefusesNumbersAndUnknownNames_ListingTheNames(string given)
    {
        var reader = new FieldReader();
        Assert.Null(reader.Enum<Channel>(given, "channel"));
        var error = Assert.Throws<RequestValidationException>(reader.ThrowIfAny);
        Assert.Equal("Must be one of: Letter, InPerson.", Assert.Single(error.Errors["channel"]));
    }

    [Fact]
    public void AMissingRequiredEnumeration_GetsTheCallersMessage()
    {
        var reader = new FieldReader();
        Assert.Null(reader.Enum<Channel>("  ", "channel", "Say how it was received."));
        Assert.Equal("Say how it was received.", Assert.Single(reader.Errors.Has("channel") ? Assert.Throws<RequestValidationException>(reader.ThrowIfAny).Errors["channel"] : []));
    }

    [Fact]
    public void AListOfTexts_DropsBlankItems_NamesTheBadOneByIndex_AndIsBounded()
    {
        var reader = new FieldReader();
        Assert.Equal(["The wait", "The delay"], reader.Texts(["The wait", " ", null, "The delay"], "issues", 30, 100));
        Assert.True(reader.Errors.IsEmpty);
        reader.Texts(["fine", "bad\u0007"], "issues", 30, 100);
        Assert.True(reader.Has("issues[1]"));
        var tooMany = new FieldReader();
        tooMany.Texts([.. Enumerable.Repeat("x", 31)], "issues", 30, 100);
        Assert.True(tooMany.Has("issues"));
    }

    [Theory]
    [InlineData("rj1", "RJ1")]
    [InlineData(" A81001 ", "A81001")]
    [InlineData("QKK", "QKK")]
    public void AnOdsCode_IsUpperCase_LettersAndDigits(string given, string expected) => Assert.Equal(expected, OdsCode.Normalise(given));

    [Theory]
    [InlineData("R1")]
    [InlineData("RJ1!")]
    [InlineData("R J1")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("RJ\u00001")]
    public void ATextThatIsNotAnOdsCode_IsNotOne(string given) => Assert.Null(OdsCode.Normalise(given));
}
