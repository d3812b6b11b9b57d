using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The one rule for stored text: what a person may type, and what is refused before it reaches PostgreSQL.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("My father waited nine hours.", "plain text")]
    [InlineData("Line one\nLine two\r\n\tindented", "tabs and line breaks")]
    [InlineData("Siân Ó Dónaill – 😀", "accents, a dash and an emoji (a surrogate pair)")]
    public void OrdinaryText_IsAcceptedTrimmed(string value, string because)
    {
        var errors = new ValidationErrors();
        Assert.Equal(value.Trim(), TextRules.Read("  " + value + " ", "description", errors, 500));
        Assert.True(errors.IsEmpty, because);
    }

    [Theory]
    [InlineData("bad\u0000nul", "NUL, which PostgreSQL refuses")]
    [InlineData("bell\u0007", "a C0 control")]
    [InlineData("esc\u001b[31m", "an escape sequence")]
    [InlineData("del\u007f", "DEL")]
    [InlineData("c1\u0085", "a C1 control (next line)")]
    [InlineData("c1\u009b", "a C1 control (CSI)")]
    [InlineData("non\uffffchar", "a non-character")]
    public void ControlCharactersAndBrokenText_AreRefused(string value, string because)
    {
        var errors = new ValidationErrors();
        Assert.Null(TextRules.Read(value, "description", errors, 500));
        Assert.True(errors.Has("description"), because);
    }

    [Fact]
    public void UnpairedSurrogates_AreRefused()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate (metadata is UTF-8).
        foreach (var value in new[] { "broken" + (char)0xD800, (char)0xDC00 + "broken", "a" + (char)0xDC00 + (char)0xD800 + "b" })
        {
            var errors = new ValidationErrors();
            Assert.Null(TextRules.Read(value, "description", errors, 500));
            Assert.True(errors.Has("description"));
        }
    }

    [Theory]
    [InlineData("\u200b\u200b", "zero-width spaces")]
    [InlineData("\u200d\u2060\ufeff", "a joiner, a word joiner and a byte-order mark")]
    [InlineData("\u00a0\u3000 ", "no-break and ideographic spaces")]
    [InlineData("\u3164\u2800", "a Hangul filler and a blank Braille pattern")]
    [InlineData("\u202e\u200e", "direction marks")]
    public void InvisibleOnlyText_DoesNotCountAsGiven(string value, string because)
    {
        var errors = new ValidationErrors();
        Assert.Null(TextRules.Read(value, "name", errors, 200, required: "Give a name."));
        Assert.True(errors.Has("name"), because);
        Assert.True(TextRules.IsInvisible(value), because);
    }

    [Fact]
    public void InvisibleOptionalText_IsStoredAsAbsent()
    {
        var errors = new ValidationErrors();
        Assert.Null(TextRules.Read("\u200b", "note", errors, 200));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void TextLongerThanItsColumn_IsRefusedWithTheLimit()
    {
        var errors = new ValidationErrors();
        Assert.Null(TextRules.Read(new string('a', 201), "advocateSubjectId", errors, 200));
        Assert.Contains("At most 200 characters", Assert.Single(TextRules.Problem(new string('a', 201), 200) is { } p ? [p] : Array.Empty<string>()), StringComparison.Ordinal);
        Assert.Equal(new string('a', 200), TextRules.Read(new string('a', 200), "advocateSubjectId", new ValidationErrors(), 200));
    }

    [Theory]
    [InlineData("Ada\nLovelace")]
    [InlineData("Ada\tLovelace")]
    public void SingleLineFields_RefuseTabsAndLineBreaks(string value)
    {
        var errors = new ValidationErrors();
        Assert.Null(TextRules.Read(value, "name", errors, 200, singleLine: true));
        Assert.True(errors.Has("name"));
    }
}
