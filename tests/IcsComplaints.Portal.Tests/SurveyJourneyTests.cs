using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A complainant opens the survey link from the letter that closed their complaint, answers one statement a page with
/// the keyboard alone, checks and changes an answer, and sends it; the answers reach reporting, and the link then
/// no longer works. Every page passes axe (WCAG 2.2 A and AA).
/// </summary>
public sealed class SurveyJourneyTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_complainant_answers_the_survey_from_their_link_once_and_the_answers_reach_reporting()
    {
        var code = await ClosedCaseSurveyLinkAsync("Sasha Survey");
        var before = await SurveyCountAsync();
        // Every span the gateway, the portal and the services record while the link is used (they run in this process).
        var spans = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Add(a.DisplayName + " " + string.Join(" ", a.TagObjects.Select(t => t.Value?.ToString()))),
        };
        ActivitySource.AddActivityListener(listener);
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "survey", keyboardOnly: true);

        // The link's address is left behind at once: the code is not in the address bar, nor in any later address.
        await journey.OpenAsync($"/survey/link/{code}", "start");
        Assert.EndsWith("/survey/start", journey.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(journey.Page.Locator("h1")).ToHaveTextAsync("Tell us how your complaint was handled");
        await journey.PressAsync("Start now", "question-1");

        // Continue without an answer: the error summary says what to do, beside the question.
        await journey.PressAsync("Continue", "question-1-error");
        await Assertions.Expect(journey.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select whether this was true for you");
        var answers = new[] { "Yes", "Partly", "No", "Not sure", "Yes", "Partly" };
        for (var i = 0; i < answers.Length; i++)
        {
            await Assertions.Expect(journey.Page.Locator(".nhsuk-caption-l")).ToHaveTextAsync($"Statement {i + 1} of 6");
            await journey.ChooseAsync(answers[i]);
            await journey.PressAsync("Continue", i + 1 < answers.Length ? $"question-{i + 2}" : "comment");
        }
        await journey.FillAsync("comment", "The phone call helped more than the letter.");
        await journey.PressAsync("Continue", "check");
        await Assertions.Expect(journey.Page.Locator("#answer-keptInformed")).ToHaveTextAsync("Partly");

        // Change one answer from the check page, and come back to it.
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Change your answer to: I was kept informed about my complaint" }).ClickAsync();
        await journey.SeeAsync("change");
        await journey.ChooseAsync("Yes");
        await journey.PressAsync("Continue", "check-again");
        await Assertions.Expect(journey.Page.Locator("#answer-keptInformed")).ToHaveTextAsync("Yes");
        await journey.PressAsync("Send answers", "done");
        await Assertions.Expect(journey.Page.Locator("h1")).ToHaveTextAsync("Answers sent");
        Assert.DoesNotContain(code, journey.Page.Url, StringComparison.Ordinal);

        // The answers are counted by reporting for the month; the link works once.
        await Eventually.TrueAsync(async () => await SurveyCountAsync() == before + 1, TimeSpan.FromSeconds(60), "reporting counts the survey");
        await journey.OpenAsync($"/survey/link/{code}", "not-open");
        await Assertions.Expect(journey.Page.Locator("h1")).ToHaveTextAsync("This survey link does not work");
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.Overflows);

        // The traces show where the link led, never its code.
        Assert.Contains(spans, s => s.Contains("/survey/link/{code}", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Contains(code, StringComparison.Ordinal));
    }

    // A complaint at RJ1 resolved early, its response signed and sent today, and a survey link for its complainant.
    private async Task<string> ClosedCaseSurveyLinkAsync(string complainant)
    {
        var (_, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", complainant);
        const string handler = "handler.rj1";
        await Personas.TakeStepAsync(system, handler, caseId, "acknowledgement", new { channel = "Letter", discussionOffered = true });
        await Personas.TakeStepAsync(system, handler, caseId, "early-resolution", new { });
        await Personas.TakeStepAsync(system, handler, caseId, "response-draft", new
        {
            complaintSummary = "You told us nobody gave you the result of your scan.",
            outcomesSought = "The result and an explanation.",
            investigation = "We read the radiology records.",
            findings = new[] { new { issue = "The scan result", conclusion = "It was not passed on.", reasons = "The records.", upheld = true } },
            apology = "We are sorry.",
            changes = new[] { new { action = "Results go to the GP the same day.", by = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        }, put: true);
        await Personas.TakeStepAsync(system, "responsible.rj1", caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        await Personas.TakeStepAsync(system, handler, caseId, "final-response/sending", new { channel = "Email" });
        using var http = await Personas.ApiAsync(system, handler);
        using var issued = await http.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/survey-invitations", UriKind.Relative), new { });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    // The complainants' surveys reporting counts for RJ1 this month.
    private async Task<int> SurveyCountAsync()
    {
        using var http = await Personas.ApiAsync(system, "commissioner.qkk");
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var view = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/reporting/oversight?from={month}&to={month}", UriKind.Relative));
        var rj1 = view.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("organisationCode").GetString() == "RJ1");
        return rj1.TryGetProperty("survey", out var survey) && survey.ValueKind == JsonValueKind.Object
            && survey.TryGetProperty("takenSeriously", out var rate) && rate.TryGetProperty("denominator", out var answered)
            ? answered.GetInt32()
            : 0;
    }
}
