// Over 300 lines on purpose: one letter model, checked section by section in HTML and text.
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using IcsComplaints.Letters;

namespace IcsComplaints.UnitTests;

/// <summary>The acknowledgement letter (Reg 13) makes the offer to discuss and says what the Complaint Standards expect, in both HTML and text.</summary>
public sealed class AcknowledgementLetterTests
{
    private const string Hostile = "<script>alert('x')</script> & <b>bold</b>";

    private const string EncodedHostile = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;";

    private const string OfferToDiscuss = "We would like to talk with you, at a time that suits you, about how we will handle "
        + "your complaint, how long our investigation is likely to take and when you can expect our response.";

    private const string GeneralAdvocacy = "An independent NHS complaints advocacy service can help you make your complaint "
        + "and support you while we look into it, free of charge. Your local council can tell you who provides this "
        + "service in your area.";

    private const string NamedAdvocacy = "Independent NHS complaints advocacy is free and can help you make your complaint "
        + "and support you while we look into it. In your area it is provided by Harbour Advocacy: telephone "
        + "01632 960123, e-mail help@harbour-advocacy.example, website www.harbour-advocacy.example.";

    /// <summary>An acknowledgement with a response date and update frequency agreed and the local advocacy service known.</summary>
    internal static AcknowledgementLetterModel Letter() => new(
        OrganisationName: "Riverside NHS Foundation Trust",
        Reference: "ICS-2026-000123",
        ReceivedOn: new DateOnly(2026, 9, 14),
        LetterDate: new DateOnly(2026, 9, 16),
        Addressee: new LetterParty("Grace Hopper", ["12 Harbour Street", "Portsmouth", "PO1 2AB"]),
        HandlerName: "Mary Seacole",
        HandlerContact: "telephone 01632 960456 or e-mail complaints@riverside.example",
        ResponseDueBy: new DateOnly(2026, 11, 6),
        UpdateEveryWorkingDays: 10,
        Advocacy: new LetterAdvocacy("Harbour Advocacy", "01632 960123", "help@harbour-advocacy.example", "www.harbour-advocacy.example"));

    /// <summary>The same acknowledgement with nothing optional: nothing agreed yet and no handler contact or advocacy service.</summary>
    private static AcknowledgementLetterModel Bare() => Letter() with
    {
        HandlerContact = null,
        ResponseDueBy = null,
        UpdateEveryWorkingDays = null,
        Advocacy = null,
    };

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The text with its wrapping undone, for finding sentences that may span lines.</summary>
    private static string Unwrapped(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Both renderings, the text unwrapped, for checks on wording that must hold in each.</summary>
    private static string[] Both(AcknowledgementLetterModel letter) =>
        [AcknowledgementLetter.Html(letter), Unwrapped(AcknowledgementLetter.Text(letter))];

    /// <summary>Finds each marker after the previous one, so a missing or misplaced section names itself.</summary>
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

    [Fact]
    public void Html_HasEverySection_InOrder()
    {
        AssertInOrder(AcknowledgementLetter.Html(Letter()),
            "<p class=\"letterhead\"><strong>Riverside NHS Foundation Trust</strong></p>",
            "<p class=\"addressee\">Grace Hopper<br />",
            "PO1 2AB",
            "<p class=\"date\">16 September 2026</p>",
            "<p class=\"reference\">Our reference: ICS-2026-000123</p>",
            "<h1>Acknowledgement of your complaint</h1>",
            "Dear Grace Hopper,",
            "<h2>We have received your complaint</h2>",
            "which we received on 14 September 2026.",
            "Our reference for your complaint is ICS-2026-000123. Please quote it",
            "<h2>How we will handle it</h2>",
            OfferToDiscuss,
            "Mary Seacole is handling your complaint.",
            "telephone 01632 960456 or e-mail complaints@riverside.example.",
            "<h2>When you can expect our response</h2>",
            "by 6 November 2026.",
            "<h2>Keeping you informed</h2>",
            "every 10 working days",
            "<h2>Support</h2>",
            NamedAdvocacy,
            "Patient Advice and Liaison Service (PALS)",
            "Making a complaint will not affect your care.",
            "<p class=\"sign-off\">Yours sincerely</p>",
            "<p class=\"signatory\">Mary Seacole<br />\nComplaints team, Riverside NHS Foundation Trust</p>");
    }

    [Fact]
    public void Text_HasEverySection_InOrder()
    {
        AssertInOrder(AcknowledgementLetter.Text(Letter()),
            "Riverside NHS Foundation Trust\n\nGrace Hopper\n12 Harbour Street\nPortsmouth\nPO1 2AB\n",
            "\n16 September 2026\n",
            "\nOur reference: ICS-2026-000123\n",
            "Acknowledgement of your complaint\n=================================",
            "Dear Grace Hopper,",
            "We have received your complaint\n===============================",
            "14 September 2026",
            "ICS-2026-000123",
            "How we will handle it\n=====================",
            "We would like to talk with you",
            "Mary Seacole is handling your complaint.",
            "01632 960456",
            "When you can expect our response\n================================",
            "6 November 2026",
            "Keeping you informed\n====================",
            "every 10 working days",
            "Support\n=======",
            "In your area it is provided by",
            "e-mail help@harbour-advocacy.example",
            "(PALS)",
            "Making a complaint will not affect your care.",
            "Yours sincerely\n\nMary Seacole\nComplaints team, Riverside NHS Foundation Trust\n");
    }

    [Fact]
    public void BothFormats_OfferToDiscussHandlingAndTiming_AsReg13Requires_EvenWithNothingAgreedYet()
    {
        foreach (var letter in new[] { Letter(), Bare() })
        {
            foreach (var document in Both(letter))
            {
                AssertInOrder(document, "How we will handle it", OfferToDiscuss, "When you can expect our response");
            }
        }
    }

    [Theory]
    [InlineData("telephone 01632 960456", "please contact them: telephone 01632 960456.")]
    [InlineData(null, "please contact them by replying to this letter.")]
    public void HandlerContact_IsGivenWhenKnown_OtherwiseTheComplainantIsToldToReply(string? contact, string expected)
    {
        foreach (var document in Both(Letter() with { HandlerContact = contact }))
        {
            Assert.Contains("Mary Seacole is handling your complaint. To arrange a time to talk, or if you have any questions, " + expected, document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ResponseDate_IsStated_WhenAgreed()
    {
        foreach (var document in Both(Letter()))
        {
            Assert.Contains("We expect to send you our response by 6 November 2026.", document, StringComparison.Ordinal);
            Assert.DoesNotContain("When we talk, we will agree with you when you can expect our response.", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ResponseDate_IsToBeAgreedWhenWeTalk_WhenNotYetAgreed()
    {
        foreach (var document in Both(Letter() with { ResponseDueBy = null }))
        {
            AssertInOrder(document, "When you can expect our response", "When we talk, we will agree with you when you can expect our response.");
            Assert.DoesNotContain("We expect to send you our response by", document, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(10, "We will update you on our progress every 10 working days until we send you our response.")]
    [InlineData(5, "We will update you on our progress every 5 working days until we send you our response.")]
    [InlineData(1, "We will update you on our progress every working day until we send you our response.")]
    [InlineData(null, "We will keep you updated on our progress until we send you our response, and we will tell you straight away if anything changes.")]
    public void Updates_StateTheAgreedFrequency_OrPromiseToKeepThemUpdated(int? everyWorkingDays, string expected)
    {
        foreach (var document in Both(Letter() with { UpdateEveryWorkingDays = everyWorkingDays }))
        {
            AssertInOrder(document, "Keeping you informed", expected, "Support");
            Assert.Equal(everyWorkingDays is null, !document.Contains("We will update you on our progress every", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Updates_LessThanOneWorkingDayApart_AreRefused(int everyWorkingDays)
    {
        var letter = Letter() with { UpdateEveryWorkingDays = everyWorkingDays };

        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgementLetter.Text(letter));
        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgementLetter.Html(letter));
    }

    [Fact]
    public void Advocacy_NamesTheLocalServiceWithItsContactDetails_WhenGiven()
    {
        foreach (var document in Both(Letter()))
        {
            AssertInOrder(document, "Support", NamedAdvocacy, "Yours sincerely");
            Assert.DoesNotContain("Your local council can tell you", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Advocacy_SaysTheLocalCouncilCanTellThemWhoProvidesIt_WhenNoServiceIsGiven()
    {
        foreach (var document in Both(Letter() with { Advocacy = null }))
        {
            AssertInOrder(document, "Support", GeneralAdvocacy, "Yours sincerely");
            Assert.DoesNotContain("In your area it is provided by", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Support_MentionsPals_AndReassuresThatCareWillNotBeAffected_EvenWithNothingOptional()
    {
        foreach (var document in Both(Bare()))
        {
            AssertInOrder(document,
                "Support",
                "independent NHS complaints advocacy",
                "Patient Advice and Liaison Service (PALS) can also give you",
                "Making a complaint will not affect your care.",
                "Yours sincerely");
        }
    }

    [Fact]
    public void Html_EncodesEveryPieceOfCallerText()
    {
        var letter = Letter() with
        {
            OrganisationName = Hostile,
            Reference = Hostile,
            Addressee = new LetterParty(Hostile, [Hostile]),
            HandlerName = Hostile,
            HandlerContact = Hostile,
            Advocacy = new LetterAdvocacy(Hostile, Hostile, Hostile, Hostile),
        };

        var html = AcknowledgementLetter.Html(letter);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("& ", html, StringComparison.Ordinal);
        Assert.Contains($"<title>Acknowledgement of complaint {EncodedHostile}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"letterhead\"><strong>{EncodedHostile}</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains($"please contact them: {EncodedHostile}.", html, StringComparison.Ordinal);
        Assert.Contains($"provided by {EncodedHostile}: telephone {EncodedHostile}, e-mail {EncodedHostile}, website {EncodedHostile}.", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signatory\">{EncodedHostile}<br />\nComplaints team, {EncodedHostile}</p>", html, StringComparison.Ordinal);
        // The text version is not markup, so it keeps the caller's words as written.
        Assert.Contains(Hostile, AcknowledgementLetter.Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsAWellFormedSelfContainedDocument_WithOneH1AndAnH2PerSection()
    {
        var html = AcknowledgementLetter.Html(Letter());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\" />", html, StringComparison.Ordinal);
        Assert.Contains("<title>Acknowledgement of complaint ICS-2026-000123</title>", html, StringComparison.Ordinal);
        foreach (var external in new[] { "<script", "<link", "<img", "src=", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        // Written so that an XML parser accepts it, which catches unclosed or misnested elements.
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var body = XDocument.Load(reader).Root!.Element("body")!;
        Assert.Equal(["Acknowledgement of your complaint"], body.Descendants("h1").Select(heading => heading.Value));
        Assert.Equal(
            ["We have received your complaint", "How we will handle it", "When you can expect our response", "Keeping you informed", "Support"],
            body.Descendants("h2").Select(heading => heading.Value));
        Assert.Equal(5, body.Descendants("section").Count());
        Assert.Empty(body.Descendants("h3"));
    }

    [Fact]
    public void Text_WrapsEveryLineAt80Characters_ExceptWordsLongerThanThat()
    {
        var longWord = new string('x', 95);
        var sentence = string.Join(' ', Enumerable.Repeat("Ask for the complaints team at the main reception desk.", 4));
        var letter = Letter() with
        {
            OrganisationName = string.Join(' ', Enumerable.Repeat("Riverside and Harbour Community NHS Trust", 3)),
            Addressee = new LetterParty("Grace Hopper", [string.Join(' ', Enumerable.Repeat("Flat 1, Harbour House", 6))]),
            HandlerContact = sentence + " " + longWord,
            Advocacy = new LetterAdvocacy(sentence, "01632 960123", longWord + "@example.org", "www.harbour-advocacy.example"),
        };

        var lines = Lines(AcknowledgementLetter.Text(letter));

        Assert.All(lines, line => Assert.True(
            line.Length <= 80 || !line.Trim().Contains(' ', StringComparison.Ordinal),
            $"Line of {line.Length} characters: {line}"));
        Assert.Contains(longWord + ".", lines);
        Assert.Contains(lines, line => line.Length > 70);
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Text_HeadingUnderlinesMatchTheHeading()
    {
        var lines = Lines(AcknowledgementLetter.Text(Letter()));

        var underlines = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i].All(c => c == '=') && lines[i - 1].Length > 0)
            {
                Assert.True(lines[i - 1].Length == lines[i].Length, $"Underline does not fit '{lines[i - 1]}'.");
                underlines++;
            }
        }
        // The main heading is underlined (and overlined), and so is each of the five sections.
        Assert.Equal(6, underlines);
    }

    [Fact]
    public void Dates_AreWrittenTheBritishWay_WhateverTheServerCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var text = Unwrapped(AcknowledgementLetter.Text(Letter()));

            Assert.Contains("16 September 2026", text, StringComparison.Ordinal);
            Assert.Contains("which we received on 14 September 2026.", text, StringComparison.Ordinal);
            Assert.Contains("by 6 November 2026.", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
