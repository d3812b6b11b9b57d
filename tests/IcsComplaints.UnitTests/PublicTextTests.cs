using IcsComplaints.Learning.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="PublicText"/>: public text is screened for what could identify someone.</summary>
public sealed class PublicTextTests
{
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
}
