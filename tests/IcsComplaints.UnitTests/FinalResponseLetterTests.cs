// Over 300 lines on purpose: one letter model, checked section by section against what the Ombudsman looks for.
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using IcsComplaints.Letters;

namespace IcsComplaints.UnitTests;

/// <summary>The final response letter (Reg 14) carries every section the Ombudsman looks for, in both HTML and text.</summary>
public sealed class FinalResponseLetterTests
{
    /// <summary>A partly upheld complaint with every optional section filled in and a delegate signing.</summary>
    internal static FinalResponseLetterModel Letter() => new(
        OrganisationName: "Riverside NHS Foundation Trust",
        Reference: "ICS-2026-000123",
        ReceivedOn: new DateOnly(2026, 9, 14),
        LetterDate: new DateOnly(2026, 11, 28),
        Addressee: new LetterParty("Grace Hopper", ["12 Harbour Street", "Portsmouth", "PO1 2AB"]),
        ComplaintSummary: "You complained that your discharge letter was never sent to your GP.",
        OutcomesSought: "You wanted an explanation and for this not to happen to anyone else.",
        Investigation: "We read your records and spoke to the ward staff.",
        Findings:
        [
            new LetterFinding("The discharge letter", "The letter was written but not sent.", "The ward's post log has no entry for it.", Upheld: true),
            new LetterFinding("Waiting for medication", "You waited two hours for medication.", "This is within the ward's usual time.", Upheld: false),
            new LetterFinding("Being told about the delay", "Nobody told you why you were waiting.", "Staff agreed they did not explain.", Upheld: true),
        ],
        Outcome: LetterOutcome.PartlyUpheld,
        Apology: "We are sorry that your letter was not sent.",
        Changes: [new LetterChange("The ward will check every discharge letter is sent", new DateOnly(2027, 2, 28))],
        Remedy: "We have sent your discharge letter to your GP today.",
        Contributions: [new LetterContribution("Harbour Community Pharmacy", "We had no record of a prescription.")],
        SignatoryName: "Ada Lovelace",
        SignatoryTitle: "Deputy Chief Executive",
        OnBehalfOf: "Charles Babbage, Chief Executive");

    /// <summary>The same complaint with nothing optional: no apology, changes, remedy, contributions or delegate.</summary>
    private static FinalResponseLetterModel Bare() => Letter() with
    {
        Outcome = LetterOutcome.NotUpheld,
        Apology = null,
        Changes = [],
        Remedy = null,
        Contributions = [],
        OnBehalfOf = null,
    };

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The text with its wrapping undone, for finding sentences that may span lines.</summary>
    private static string Unwrapped(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

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
    public void Html_HasEverySectionTheOmbudsmanLooksFor_InOrder()
    {
        AssertInOrder(FinalResponseLetter.Html(Letter()),
            "<p class=\"addressee\">Grace Hopper<br />",
            "PO1 2AB",
            "28 November 2026",
            "Our reference: ICS-2026-000123",
            "<h1>Final response to your complaint</h1>",
            "<h2>Your complaint</h2>",
            "14 September 2026",
            "You complained that your discharge letter",
            "<h3>What you told us you wanted to achieve</h3>",
            "You wanted an explanation",
            "<h2>How we looked into your complaint</h2>",
            "We read your records",
            "<h2>What we found</h2>",
            "<h3>The discharge letter</h3>",
            "The letter was written but not sent.",
            "Why we reached this view:",
            "The ward&#39;s post log",
            "We have upheld this point.",
            "<h3>Waiting for medication</h3>",
            "We have not upheld this point.",
            "<h3>Being told about the delay</h3>",
            "<h2>Our decision</h2>",
            "We have partly upheld your complaint",
            "<h2>Our apology</h2>",
            "We are sorry that your letter was not sent.",
            "<h2>What we will change</h2>",
            "<li>The ward will check every discharge letter is sent by 28 February 2027.</li>",
            "<h2>Putting things right</h2>",
            "We have sent your discharge letter to your GP today.",
            "<h3>From Harbour Community Pharmacy</h3>",
            "We had no record of a prescription.",
            "This is our final response to your complaint.",
            "<h2>If you are not satisfied</h2>",
            "Parliamentary and Health Service Ombudsman",
            "free",
            "12 months",
            "good reason",
            "0345 015 4033",
            "www.ombudsman.org.uk",
            "independent NHS complaints advocacy service",
            "Yours sincerely",
            "Ada Lovelace",
            "Deputy Chief Executive",
            "for and on behalf of Charles Babbage, Chief Executive");
    }

    [Fact]
    public void Text_HasEverySectionTheOmbudsmanLooksFor_InOrder()
    {
        AssertInOrder(FinalResponseLetter.Text(Letter()),
            "Riverside NHS Foundation Trust\n\nGrace Hopper\n12 Harbour Street\nPortsmouth\nPO1 2AB\n",
            "\n28 November 2026\n",
            "Our reference: ICS-2026-000123",
            "Final response to your complaint\n================================",
            "Dear Grace Hopper,",
            "Your complaint\n==============",
            "14 September 2026",
            "You complained that your discharge letter",
            "What you told us you wanted to achieve\n--------------------------------------",
            "You wanted an explanation",
            "How we looked into your complaint\n=================================",
            "We read your records",
            "What we found\n=============",
            "The discharge letter\n--------------------",
            "The letter was written but not sent.",
            "Why we reached this view:",
            "The ward's post log",
            "We have upheld this point.",
            "Waiting for medication\n----------------------",
            "We have not upheld this point.",
            "Being told about the delay\n--------------------------",
            "Our decision\n============",
            "We have partly upheld your complaint",
            "Our apology\n===========",
            "We are sorry that your letter was not sent.",
            "What we will change\n===================",
            "\n- The ward will check every discharge letter is sent by 28 February 2027.\n",
            "Putting things right\n====================",
            "We have sent your discharge letter to your GP today.",
            "From Harbour Community Pharmacy\n-------------------------------",
            "We had no record of a prescription.",
            "\nThis is our final response to your complaint.\n",
            "If you are not satisfied\n========================",
            "Parliamentary and\nHealth Service Ombudsman",
            "free",
            "12 months",
            "good reason",
            "- Telephone: 0345 015 4033\n",
            "- Website: www.ombudsman.org.uk\n",
            "independent NHS complaints advocacy",
            "Yours sincerely\n\nAda Lovelace\nDeputy Chief Executive\nfor and on behalf of Charles Babbage, Chief Executive\n");
    }

    [Fact]
    public void BothFormats_SayItIsTheFinalResponse_AndHowToReachTheOmbudsman_EvenWithNothingOptional()
    {
        // Reg 14(2)(d): the right to go to the Ombudsman is never optional.
        foreach (var document in new[] { FinalResponseLetter.Html(Bare()), FinalResponseLetter.Text(Bare()) })
        {
            AssertInOrder(document,
                "What we found",
                "Our decision",
                "This is our final response to your complaint.",
                "If you are not satisfied",
                "0345 015 4033",
                "www.ombudsman.org.uk",
                "Yours sincerely");
        }
    }

    [Fact]
    public void Html_LinksTheOmbudsmanTelephoneAndWebsite()
    {
        var html = FinalResponseLetter.Html(Letter());

        Assert.Contains("<a href=\"tel:+443450154033\">0345 015 4033</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.ombudsman.org.uk\">www.ombudsman.org.uk</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { true, false, true }, "we upheld 2 of the 3 points you raised.")]
    [InlineData(new[] { false, true, false, false }, "we upheld 1 of the 4 points you raised.")]
    [InlineData(new[] { true, true, true, true, false }, "we upheld 4 of the 5 points you raised.")]
    public void PartlyUpheld_CountsTheUpheldFindings(bool[] upheld, string expected)
    {
        var letter = Letter() with
        {
            Findings = [.. upheld.Select((point, i) => new LetterFinding($"Point {i}", "Conclusion.", "Reasons.", point))],
        };

        Assert.Contains("We have partly upheld your complaint: " + expected, Unwrapped(FinalResponseLetter.Text(letter)), StringComparison.Ordinal);
        Assert.Contains("We have partly upheld your complaint: " + expected, FinalResponseLetter.Html(letter), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterOutcome.Upheld, "We have upheld your complaint: we found evidence that supports it.")]
    [InlineData(LetterOutcome.NotUpheld, "We have not upheld your complaint: we found no evidence that supports any part of it.")]
    public void Decision_UsesTheKo41Definition(LetterOutcome outcome, string expected)
    {
        var letter = Letter() with { Outcome = outcome };

        Assert.Contains(expected, Unwrapped(FinalResponseLetter.Text(letter)), StringComparison.Ordinal);
        Assert.Contains(expected, FinalResponseLetter.Html(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOutcome_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FinalResponseLetter.Text(Letter() with { Outcome = (LetterOutcome)9 }));
    }

    [Fact]
    public void OptionalSections_AreOmitted_WhenThereIsNothingToSay()
    {
        string[] absent =
        [
            "Our apology", "What we will change", "Putting things right", "Responses from the other organisations",
            "From Harbour Community Pharmacy", "for and on behalf of",
        ];

        foreach (var document in new[] { FinalResponseLetter.Html(Bare()), FinalResponseLetter.Text(Bare()) })
        {
            Assert.All(absent, heading => Assert.DoesNotContain(heading, document, StringComparison.Ordinal));
            Assert.DoesNotContain("<ul>", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_EncodesEveryPieceOfCallerText()
    {
        const string Hostile = "<script>alert('x')</script> & <b>bold</b>";
        var letter = Letter() with
        {
            OrganisationName = Hostile,
            Reference = Hostile,
            Addressee = new LetterParty(Hostile, [Hostile]),
            ComplaintSummary = Hostile,
            OutcomesSought = Hostile,
            Investigation = Hostile,
            Findings = [new LetterFinding(Hostile, Hostile, Hostile, true), new LetterFinding("Other", "x", "y", false)],
            Apology = Hostile,
            Changes = [new LetterChange(Hostile, new DateOnly(2027, 1, 1))],
            Remedy = Hostile,
            Contributions = [new LetterContribution(Hostile, Hostile)],
            SignatoryName = Hostile,
            SignatoryTitle = Hostile,
            OnBehalfOf = Hostile,
        };

        var html = FinalResponseLetter.Html(letter);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("& ", html, StringComparison.Ordinal);
        Assert.Contains("<title>Final response to complaint &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</h3>", html, StringComparison.Ordinal);
        // The text version is not markup, so it keeps the caller's words as written.
        Assert.Contains("<script>alert('x')</script> & <b>bold</b>", FinalResponseLetter.Text(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsAWellFormedSelfContainedDocument_WithOneH1AndAnH2PerSection()
    {
        var html = FinalResponseLetter.Html(Letter());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\" />", html, StringComparison.Ordinal);
        Assert.Contains("<title>Final response to complaint ICS-2026-000123</title>", html, StringComparison.Ordinal);
        foreach (var external in new[] { "<script", "<link", "<img", "src=", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        // Written so that an XML parser accepts it, which catches unclosed or misnested elements.
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var body = XDocument.Load(reader).Root!.Element("body")!;
        Assert.Single(body.Descendants("h1"));
        Assert.Equal(
            [
                "Your complaint", "How we looked into your complaint", "What we found", "Our decision", "Our apology",
                "What we will change", "Putting things right", "Responses from the other organisations involved",
                "If you are not satisfied",
            ],
            body.Descendants("h2").Select(heading => heading.Value));
        Assert.Equal(5, body.Descendants("h3").Count());
        Assert.Equal(2, body.Descendants("ul").Count());
    }

    [Fact]
    public void Html_TurnsLineBreaksInCallerTextIntoParagraphs()
    {
        var letter = Letter() with { Investigation = "First we read your records.\r\n\r\nThen we spoke to staff.\nFinally we asked a doctor." };

        Assert.Contains(
            "<p>First we read your records.</p>\n<p>Then we spoke to staff.</p>\n<p>Finally we asked a doctor.</p>",
            FinalResponseLetter.Html(letter),
            StringComparison.Ordinal);
        Assert.Contains(
            "First we read your records.\n\nThen we spoke to staff.\n\nFinally we asked a doctor.",
            FinalResponseLetter.Text(letter),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WrapsEveryLineAt80Characters_ExceptWordsLongerThanThat()
    {
        var longWord = new string('x', 95);
        var paragraph = string.Join(' ', Enumerable.Repeat("The ward staff did not explain why the medication was delayed.", 8));
        var letter = Letter() with
        {
            Addressee = new LetterParty("Grace Hopper", [string.Join(' ', Enumerable.Repeat("Flat 1, Harbour House", 6))]),
            ComplaintSummary = paragraph + " " + longWord + " " + paragraph,
            Findings = [new LetterFinding(paragraph, paragraph, paragraph, true), new LetterFinding("Short", "x", "y", false)],
            Changes = [new LetterChange(paragraph, new DateOnly(2027, 3, 1)), new LetterChange(longWord, new DateOnly(2027, 3, 1))],
            Contributions = [new LetterContribution(paragraph, paragraph)],
            OnBehalfOf = paragraph,
        };

        var lines = Lines(FinalResponseLetter.Text(letter));

        Assert.All(lines, line => Assert.True(
            line.Length <= 80 || !line.Trim().TrimStart('-').Trim().Contains(' ', StringComparison.Ordinal),
            $"Line of {line.Length} characters: {line}"));
        Assert.Contains(longWord, lines);
        Assert.Contains("- " + longWord, lines);
        Assert.Contains(lines, line => line.Length > 70);
        // Continuation lines of a list item are indented under its text.
        var item = Array.FindIndex(lines, line => line.StartsWith("- The ward staff", StringComparison.Ordinal));
        Assert.Matches("^  [^ -]", lines[item + 1]);
    }

    [Fact]
    public void Text_HeadingUnderlinesMatchTheHeading_AndNothingIsLeftTrailing()
    {
        var lines = Lines(FinalResponseLetter.Text(Letter()));

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && lines[i].All(c => c is '=' or '-') && lines[i - 1].Length > 0)
            {
                Assert.True(lines[i - 1].Length == lines[i].Length, $"Underline does not fit '{lines[i - 1]}'.");
            }
        }
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
    }

    [Theory]
    [InlineData("Charles Babbage, Chief Executive", true)]
    [InlineData(null, false)]
    public void DelegateSignOff_AppearsOnlyWhenSomeoneSignsOnBehalfOfTheResponsiblePerson(string? onBehalfOf, bool shown)
    {
        var letter = Letter() with { OnBehalfOf = onBehalfOf };
        var text = FinalResponseLetter.Text(letter);
        var html = FinalResponseLetter.Html(letter);

        Assert.Equal(shown, text.Contains("Deputy Chief Executive\nfor and on behalf of Charles Babbage, Chief Executive\n", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("Deputy Chief Executive<br />\nfor and on behalf of Charles Babbage, Chief Executive</p>", StringComparison.Ordinal));
        Assert.Equal(shown, text.Contains("for and on behalf of", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("for and on behalf of", StringComparison.Ordinal));
        Assert.EndsWith("Ada Lovelace\nDeputy Chief Executive\n" + (shown ? "for and on behalf of Charles Babbage, Chief Executive\n" : ""), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advocacy_NamesTheLocalServiceWithItsContactDetails_WhenGiven()
    {
        var letter = Letter() with
        {
            Advocacy = new LetterAdvocacy("Harbour Advocacy", "01632 960123", "help@harbour-advocacy.example", "www.harbour-advocacy.example"),
        };
        const string Expected = "Independent NHS complaints advocacy is free and can help you take your complaint to the "
            + "Ombudsman. In your area it is provided by Harbour Advocacy: telephone 01632 960123, e-mail help@harbour-advocacy.example, "
            + "website www.harbour-advocacy.example.";

        foreach (var document in new[] { FinalResponseLetter.Html(letter), Unwrapped(FinalResponseLetter.Text(letter)) })
        {
            AssertInOrder(document, "If you are not satisfied", "www.ombudsman.org.uk", Expected, "Yours sincerely");
            Assert.DoesNotContain("Your local council can tell you", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Advocacy_KeepsTheGeneralSentence_WhenNoServiceIsGiven()
    {
        const string Expected = "An independent NHS complaints advocacy service can help you take your complaint to the "
            + "Ombudsman, free of charge. Your local council can tell you who provides this service in your area.";

        foreach (var document in new[] { FinalResponseLetter.Html(Letter()), Unwrapped(FinalResponseLetter.Text(Letter())) })
        {
            AssertInOrder(document, "If you are not satisfied", "www.ombudsman.org.uk", Expected, "Yours sincerely");
            Assert.DoesNotContain("In your area it is provided by", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Advocacy_DetailsAreHtmlEncoded()
    {
        const string Hostile = "<script>alert('x')</script> & <b>bold</b>";
        var letter = Letter() with { Advocacy = new LetterAdvocacy(Hostile, Hostile, Hostile, Hostile) };

        var html = FinalResponseLetter.Html(letter);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("provided by &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;: telephone", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_AreWrittenTheBritishWay_WhateverTheServerCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var text = FinalResponseLetter.Text(Letter());

            Assert.Contains("\n28 November 2026\n", text, StringComparison.Ordinal);
            Assert.Contains("by 28 February 2027.", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
