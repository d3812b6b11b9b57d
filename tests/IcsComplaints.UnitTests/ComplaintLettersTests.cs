using IcsComplaints.Letters;
using UglyToad.PdfPig;

namespace IcsComplaints.UnitTests;

/// <summary>
/// The letters about a complaint before (or without) a case (ADR 37): the written record of an oral complaint
/// (Reg 13(2)), the request for consent to share (Reg 7(3)) and the notice of a transfer (Reg 6(6), 7(5)), each in HTML,
/// text and a PDF that reads back as its text.
/// </summary>
public sealed class ComplaintLettersTests
{
    private const string Hostile = "<script>alert('x')</script> & <b>bold</b>";

    private static readonly LetterParty Addressee = new("Grace Hopper", ["12 Harbour Street", "Portsmouth", "PO1 2AB"]);

    internal static OralComplaintRecordLetterModel WrittenRecord() => new(
        OrganisationName: "Riverside NHS Foundation Trust",
        Reference: "K3QX-9HF7",
        ReceivedOn: new DateOnly(2026, 12, 1),
        LetterDate: new DateOnly(2026, 12, 2),
        Addressee: Addressee,
        HowMade: "by telephone",
        Description: "My follow-up appointment was cancelled twice.\nNobody called me back.",
        DesiredOutcome: "A new appointment and an apology.",
        TeamContact: "complaints.rj1@nhs.example");

    internal static ConsentRequestLetterModel ConsentRequest() => new(
        OrganisationName: "NHS South East London Integrated Care Board",
        Reference: "K3QX-9HF7",
        ReceivedOn: new DateOnly(2026, 12, 1),
        LetterDate: new DateOnly(2026, 12, 2),
        Addressee: Addressee,
        ProviderNames: ["Riverside NHS Foundation Trust"],
        TeamContact: "complaints.qkk@nhs.example");

    internal static TransferNoticeLetterModel TransferNotice() => new(
        OrganisationName: "NHS South East London Integrated Care Board",
        Reference: "K3QX-9HF7",
        ReceivedOn: new DateOnly(2026, 12, 1),
        LetterDate: new DateOnly(2026, 12, 9),
        Addressee: Addressee,
        NewOrganisationName: "Riverside NHS Foundation Trust",
        TransferredOn: new DateOnly(2026, 12, 8),
        NewTeamContact: "complaints.rj1@nhs.example",
        TeamContact: "complaints.qkk@nhs.example");

    private static string Unwrapped(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void AssertInOrder(string document, params string[] markers)
    {
        var from = 0;
        foreach (var marker in markers)
        {
            var at = document.IndexOf(marker, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{marker}' is missing or out of order.");
            from = at + marker.Length;
        }
    }

    private static bool IsLayout(string word) => word.All(c => c is '=' or '-') || word == "•";

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(word => !IsLayout(word))];

    private static List<string> PdfWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text).Where(word => !IsLayout(word))];
    }

    [Fact]
    public void TheWrittenRecord_QuotesWhatTheComplainantToldUs_AndSaysHowToCorrectIt()
    {
        AssertInOrder(Unwrapped(OralComplaintRecordLetter.Text(WrittenRecord())),
            "Riverside NHS Foundation Trust Grace Hopper 12 Harbour Street Portsmouth PO1 2AB",
            "2 December 2026",
            "Our reference: K3QX-9HF7",
            "Our written record of your complaint",
            "Dear Grace Hopper,",
            "You made your complaint to us by telephone on 1 December 2026.",
            "This letter is that written record.",
            "What you told us",
            "My follow-up appointment was cancelled twice.",
            "Nobody called me back.",
            "What you would like to happen",
            "A new appointment and an apology.",
            "If our record is wrong or incomplete",
            "Contact our complaints team at complaints.rj1@nhs.example, or reply to this letter, quoting your reference K3QX-9HF7.",
            "We will correct our record",
            "What happens next",
            "Making a complaint will not affect your care.",
            "Yours sincerely",
            "The complaints team Riverside NHS Foundation Trust");
    }

    [Fact]
    public void TheWrittenRecord_KeepsTheComplainantsParagraphs_AndLeavesOutAWishNotRecorded()
    {
        var letter = WrittenRecord() with { DesiredOutcome = null, TeamContact = null };

        var html = OralComplaintRecordLetter.Html(letter);

        Assert.Contains("<p>My follow-up appointment was cancelled twice.</p>\n<p>Nobody called me back.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("What you would like to happen", html, StringComparison.Ordinal);
        Assert.Contains("Reply to this letter, quoting your reference K3QX-9HF7.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheComplainantSaid_IsPrintedAsText_NeverAsMarkup()
    {
        var html = OralComplaintRecordLetter.Html(WrittenRecord() with { Description = Hostile, DesiredOutcome = Hostile });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConsentRequest_AsksForConsent_AndSaysWhatHappensEitherWay()
    {
        AssertInOrder(Unwrapped(ConsentRequestLetter.Text(ConsentRequest())),
            "NHS South East London Integrated Care Board",
            "Our reference: K3QX-9HF7",
            "May we share your complaint?",
            "which we received on 1 December 2026. It is about care from Riverside NHS Foundation Trust.",
            "We need your agreement",
            "whether you agree to us sharing your complaint with Riverside NHS Foundation Trust, including your name and what you told us. We will not share it unless you agree.",
            "If you agree",
            "or whether Riverside NHS Foundation Trust should look into it and reply to you directly.",
            "it counts as received on 1 December 2026",
            "If you do not agree",
            "We will look into your complaint ourselves, and we will not tell Riverside NHS Foundation Trust who complained.",
            "How to tell us",
            "contact our complaints team at complaints.qkk@nhs.example",
            "Until we hear from you, we will not share your complaint.",
            "The complaints team NHS South East London Integrated Care Board");
    }

    [Theory]
    [InlineData(new string[0], "the provider your complaint is about")]
    [InlineData(new[] { "Riverside" }, "Riverside")]
    [InlineData(new[] { "Riverside", "Lakeside" }, "Riverside and Lakeside")]
    [InlineData(new[] { "Riverside", "Lakeside", "Hill Surgery" }, "Riverside, Lakeside and Hill Surgery")]
    public void SeveralProviders_AreNamedAsOnePhrase(string[] names, string phrase)
    {
        Assert.Equal(phrase, ConsentRequestLetter.Providers(names));
    }

    [Fact]
    public void TheTransferNotice_NamesWhoHandlesItNow_ThatTheOriginalDateStands_AndHowToReachThem()
    {
        AssertInOrder(Unwrapped(TransferNoticeLetter.Text(TransferNotice())),
            "NHS South East London Integrated Care Board",
            "9 December 2026",
            "Our reference: K3QX-9HF7",
            "Your complaint has been passed to Riverside NHS Foundation Trust",
            "On 8 December 2026 we sent your complaint, with your agreement, to Riverside NHS Foundation Trust",
            "Your complaint keeps its date",
            "treat your complaint as received on 1 December 2026, the day we first received it",
            "How to contact Riverside NHS Foundation Trust",
            "Their complaints team: complaints.rj1@nhs.example. Please quote your reference K3QX-9HF7, which stays the same.",
            "contact our complaints team at complaints.qkk@nhs.example.",
            "The complaints team NHS South East London Integrated Care Board");
    }

    [Fact]
    public void TheTransferNotice_WithoutTheNewTeamsAddress_StillSaysWhoToContact()
    {
        var text = Unwrapped(TransferNoticeLetter.Text(TransferNotice() with { NewTeamContact = null }));

        Assert.Contains("Please contact the complaints team at Riverside NHS Foundation Trust, quoting your reference K3QX-9HF7, which stays the same.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterFormat.Standard)]
    [InlineData(LetterFormat.LargePrint)]
    public void EachLettersPdf_ReadsBackWordForWord_AsItsText(LetterFormat format)
    {
        Assert.Equal(Words(OralComplaintRecordLetter.Text(WrittenRecord())), PdfWords(OralComplaintRecordLetter.Pdf(WrittenRecord(), format)));
        Assert.Equal(Words(ConsentRequestLetter.Text(ConsentRequest())), PdfWords(ConsentRequestLetter.Pdf(ConsentRequest(), format)));
        Assert.Equal(Words(TransferNoticeLetter.Text(TransferNotice())), PdfWords(TransferNoticeLetter.Pdf(TransferNotice(), format)));
    }
}
