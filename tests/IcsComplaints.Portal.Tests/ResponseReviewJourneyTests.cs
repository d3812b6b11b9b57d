// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
extern alias learning;
using System.Globalization;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A provider's quality lead draws a sample of the final responses it sent, reads one as it was sent, and rates it
/// against each criterion, with the learning service's messages beside the criteria left out; the ICB's commissioner
/// then sees the provider's results in counts, never the comment. Every page reached passes axe.
/// </summary>
public sealed class ResponseReviewJourneyTests(PortalSystem system, Browser browser)
{
    private const string Comment = "Clear reasons, but the Ombudsman's time limit is missing.";

    [Fact]
    public async Task A_quality_lead_samples_a_sent_letter_rates_it_and_the_ICB_sees_the_results_without_the_comment()
    {
        var (reference, caseId) = await SentLetterAsync();
        var lead = await Personas.SignInAsync(system, browser, "quality.rjz", "responses");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Quality", Exact = true }).First.ClickAsync());
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Quality of final responses" }).ClickAsync());
        await lead.SeeAsync("responses");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Button, new() { Name = "Draw a sample of letters" }).ClickAsync());
        await lead.SeeAsync("sample");

        // Not a number: the portal says so; too many: the learning service's own message, by the field.
        await lead.FillAsync("size", "ten");
        await lead.PressAsync("Draw the sample", "sample-errors");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#size']")).ToContainTextAsync("as a number");
        await lead.FillAsync("size", "500");
        await lead.PressAsync("Draw the sample", "sample-errors-again");
        await Assertions.Expect(lead.Page.Locator("#size-error")).ToContainTextAsync("1 to 50");
        await lead.FillAsync("size", "50");
        await lead.PressAsync("Draw the sample", "sampled");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.Locator("#waiting").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync());
        await lead.SeeAsync("review");
        await Assertions.Expect(lead.Page.Locator("#letter")).ToHaveAttributeAsync("href", $"/staff/cases/{caseId}/letter");
        var reviewPath = new Uri(lead.Page.Url).AbsolutePath;

        // The letter, as it was sent, is the quality lead's to read.
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.Locator("#letter").ClickAsync());
        await Assertions.Expect(lead.Page.Locator("body")).ToContainTextAsync("Parliamentary and Health Service Ombudsman");
        await lead.OpenAsync(reviewPath, "review-again");

        // Every criterion but the next steps rated: that one is named in the summary and by its question.
        foreach (var criterion in new[] { "complaint-understood", "how-looked-into", "reasons", "plain-and-kind" })
        {
            await lead.ChooseIdAsync($"rating-{criterion}");
        }
        await lead.ChooseIdAsync("rating-impact-2");
        await lead.ChooseIdAsync("rating-apology-and-remedy");
        await lead.ChooseIdAsync("rating-what-will-change");
        await lead.FillAsync("comments", Comment);
        await lead.PressAsync("Save the rating", "review-errors");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#rating-next-steps']")).ToContainTextAsync("Ombudsman");
        await Assertions.Expect(lead.Page.Locator("#rating-next-steps-error")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Page.Locator("#rating-impact-2")).ToBeCheckedAsync();
        // Every letter must say how to go to the Ombudsman: "does not apply" is not offered for it.
        await Assertions.Expect(lead.Page.Locator("#rating-next-steps-4")).ToHaveCountAsync(0);

        await lead.ChooseIdAsync("rating-next-steps-3");
        await lead.PressAsync("Save the rating", "responses-read");
        // 6 met, 1 partly and 1 not met of 8: 13 of 16 points.
        var row = lead.Page.Locator("#read tr", new() { HasText = reference });
        await Assertions.Expect(row.Locator("[data-score]")).ToHaveTextAsync("81%");
        await Assertions.Expect(row).ToContainTextAsync(Comment);
        await Assertions.Expect(lead.Page.Locator("#criteria tr[data-criterion='next-steps']")).ToContainTextAsync("0%");
        Assert.Empty(lead.Violations);
        Assert.Empty(lead.Overflows);

        // The ICB sees RJZ's results, and not the comment.
        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "responses-icb");
        await commissioner.OpenAsync("/oversight", "oversight");
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Quality of final responses at your providers" }).ClickAsync());
        await commissioner.SeeAsync("providers");
        await Assertions.Expect(commissioner.Page.Locator("#provider-RJZ [data-read]")).Not.ToHaveTextAsync("");
        await Assertions.Expect(commissioner.Page.Locator("#criteria tr[data-criterion='next-steps'] [data-provider='RJZ']")).ToContainTextAsync("%");
        Assert.DoesNotContain("time limit is missing", await commissioner.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(commissioner.Violations);

        // Another provider's quality lead cannot find the review.
        var otherLead = await Personas.SignInAsync(system, browser, "quality.rj1", "responses-other-lead");
        var response = await otherLead.Page.GotoAsync(reviewPath);
        Assert.Equal(404, response!.Status);
    }

    // A complaint at RJZ resolved early with a signed letter, sent today, and known to learning as a letter it may sample.
    private async Task<(string Reference, Guid CaseId)> SentLetterAsync()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJZ", "Lena Sample");
        const string handler = "handler.rjz";
        await Personas.TakeStepAsync(system, handler, caseId, "acknowledgement", new { channel = "Letter", discussionOffered = true });
        await Personas.TakeStepAsync(system, handler, caseId, "early-resolution", new { });
        await Personas.TakeStepAsync(system, handler, caseId, "response-draft", new
        {
            complaintSummary = "You told us the clinic letter went to your old address.",
            outcomesSought = "An explanation.",
            investigation = "We read the booking records.",
            findings = new[] { new { issue = "The clinic letter", conclusion = "It went to an old address.", reasons = "The records were not updated.", upheld = true } },
            apology = "We are sorry.",
            changes = new[] { new { action = "Addresses are checked at every visit.", by = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        }, put: true);
        await Personas.TakeStepAsync(system, "responsible.rjz", caseId, "final-response/signature", new { name = "Rhian Responsible", title = "Chief Executive" });
        await Personas.TakeStepAsync(system, handler, caseId, "final-response/sending", new { channel = "Letter" });
        await Eventually.TrueAsync(
            () => system.Learning.QueryAsync<LearningDbContext, bool>(db => db.Cases.AnyAsync(c => c.CaseId == caseId && c.FinalResponseSentOn != null)),
            TimeSpan.FromSeconds(60), "learning knows the letter was sent");
        return (reference, caseId);
    }
}
