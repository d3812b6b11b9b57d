using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A member of the public complains through the portal, for themselves or for someone else, with and without
/// JavaScript, with a mouse or the keyboard alone, on a wide screen or a 320 px phone; every page they reach passes
/// axe (WCAG 2.2 A and AA), and what they sent is what the platform recorded.
/// </summary>
public sealed class ComplainantJourneyTests(PortalSystem system, Browser browser)
{
    private const string Trust = "Guy's and St Thomas' NHS Foundation Trust";

    [Fact]
    public async Task A_person_complains_about_their_own_care_and_gets_a_reference_that_shows_its_progress()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "self");
        var (reference, secret) = await ComplainForSelfAsync(journey, "The ward left my mother without water for a day.");

        Assert.Matches("^[A-Z0-9-]{6,}$", reference);
        var recorded = await FindAsync("handler.rj1", reference);
        Assert.Equal("RJ1", recorded.GetProperty("organisationCode").GetString());

        await journey.OpenAsync("/status", "status");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", secret);
        await journey.PressAsync("Check progress", "status-progress");
        await Assertions.Expect(journey.Page.Locator("h1")).ToContainTextAsync(reference);
        await Assertions.Expect(journey.Page.Locator("#progress")).Not.ToBeEmptyAsync();
        await Assertions.Expect(journey.Page.Locator("#sent-none")).ToBeVisibleAsync();
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task A_complainant_sees_on_the_progress_page_the_letters_sent_to_them_and_how()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "sent");
        var (reference, secret) = await ComplainForSelfAsync(journey, "Nobody called me back about my test results.");
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var caseId = await CaseApiSteps.CaseIdAsync(handler, reference);

        await Personas.TakeStepAsync(system, "handler.rj1", caseId, "acknowledgement", new { channel = "Email", discussionOffered = true });
        await Eventually.TrueAsync(async () => (await system.Mail.MessagesAsync()).Any(m => m.Subject == $"Your complaint {reference}: we have received it"),
            TimeSpan.FromSeconds(60), "the acknowledgement is e-mailed");

        await journey.OpenAsync("/status", "sent-status");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", secret);
        await journey.PressAsync("Check progress", "sent-progress");
        var sent = journey.Page.Locator("#sent");
        await Assertions.Expect(sent).ToContainTextAsync("Acknowledgement of your complaint");
        // They asked for large print when they complained.
        await Assertions.Expect(sent).ToContainTextAsync("By email, large print");
        Assert.DoesNotContain("person@example.com", await sent.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task A_representative_who_does_not_know_where_to_complain_reaches_the_ICB_with_the_person_s_consent_recorded()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "representative");
        await journey.OpenAsync("/", "start");
        await journey.PressAsync("Start now", "organisation");
        await journey.ChooseAsync("I do not know");
        await journey.PressAsync("Continue", "share");
        await journey.ChooseAsync("Yes");
        await journey.PressAsync("Continue", "who");
        await journey.ChooseAsync("I am complaining for someone else");
        await journey.PressAsync("Continue", "basis");
        await journey.ChooseAsync("They asked me to");
        await journey.PressAsync("Continue", "consent");
        await journey.ChooseAsync("In writing, for example a signed letter or form");
        await journey.PressAsync("Continue", "patient");
        await journey.FillAsync("patient-name", "Ada Example");
        await journey.FillAsync("relationship", "daughter");
        await journey.PressAsync("Continue", "what-happened");
        await AnswerTheRestAsync(journey, "My father waited nine hours for an ambulance.", "Sam Example");
        await journey.PressAsync("Send complaint", "confirmation");
        var reference = await journey.Page.Locator("#reference").InnerTextAsync();

        var recorded = await FindAsync("handler.qkk", reference);
        Assert.Equal(PortalSystem.Icb, recorded.GetProperty("organisationCode").GetString());
        var detail = await DetailAsync("handler.qkk", recorded.GetProperty("id").GetString()!);
        Assert.Contains("PersonAsked", detail, StringComparison.Ordinal);
        Assert.Contains("Written", detail, StringComparison.Ordinal);
        Assert.Contains("Ada Example", detail, StringComparison.Ordinal);
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task Wrong_answers_are_shown_with_the_platform_s_own_messages_in_the_summary_and_beside_the_field()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "errors");
        await journey.OpenAsync("/Complain/Start", "organisation");
        await journey.FillAsync("search", "Guy");
        await journey.PressAsync("Search", "organisation-results");
        await journey.ChooseAsync(Trust);
        await journey.PressAsync("Continue", "who");
        await journey.ChooseAsync("My own care or treatment");
        await journey.PressAsync("Continue", "what-happened");
        await journey.PressAsync("Continue", "what-happened-error");

        var summary = journey.Page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Describe what the complaint is about.");
        await Assertions.Expect(journey.Page.Locator("#description-error")).ToContainTextAsync("Describe what the complaint is about.");
        await Assertions.Expect(journey.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(journey.Page.Locator("#description")).ToBeFocusedAsync();

        await journey.FillAsync("description", "The clinic cancelled my appointment four times.");
        await journey.PressAsync("Continue", "when");
        await journey.FillAsync("event-date", "31");
        await journey.FillAsync("event-date-month", "2");
        await journey.FillAsync("event-date-year", "2026");
        await journey.PressAsync("Continue", "when-error");
        await Assertions.Expect(journey.Page.Locator("#event-date-error")).Not.ToBeEmptyAsync();
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task A_double_submission_records_one_complaint()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "double");
        await ReachCheckAnswersAsync(journey, "Sent twice by a double click.", "Double Click");
        var token = await journey.Page.Locator("main form input[name=__RequestVerificationToken]").InputValueAsync();
        var form = journey.Page.Context.APIRequest;
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => form.PostAsync("/Complain/CheckAnswers", new()
        {
            Form = form.CreateFormData().Set("__RequestVerificationToken", token),
            MaxRedirects = 0,
        })));

        Assert.All(posts, p => Assert.Equal(302, p.Status));
        var count = await system.InIntakeDb(db => Task.FromResult(db.Complaints.AsEnumerable().Count(c => c.Description == "Sent twice by a double click.")));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_journey_works_with_JavaScript_switched_off()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress, javaScript: false), "nojs", javaScript: false);
        var (reference, _) = await ComplainForSelfAsync(journey, "Written without JavaScript.");
        Assert.Equal("RJ1", (await FindAsync("handler.rj1", reference)).GetProperty("organisationCode").GetString());
    }

    [Fact]
    public async Task The_journey_can_be_completed_with_the_keyboard_alone_on_a_320_pixel_screen()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress, width: 320), "keyboard-320", keyboardOnly: true);
        var (reference, _) = await ComplainForSelfAsync(journey, "Done with the keyboard on a small phone.");
        Assert.False(string.IsNullOrEmpty(reference));
        Assert.Empty(journey.Violations);
        Assert.Empty(journey.Overflows);
    }

    internal static async Task<(string Reference, string Secret)> ComplainForSelfAsync(Journey journey, string description)
    {
        await ReachCheckAnswersAsync(journey, description, "Alex Example");
        await journey.PressAsync("Send complaint", "confirmation");
        return (await journey.Page.Locator("#reference").InnerTextAsync(), await journey.Page.Locator("#status-secret").InnerTextAsync());
    }

    private static async Task ReachCheckAnswersAsync(Journey journey, string description, string name)
    {
        await journey.OpenAsync("/", "start");
        await journey.PressAsync("Start now", "organisation");
        await journey.FillAsync("search", "Guy");
        await journey.PressAsync("Search", "organisation-results");
        await journey.ChooseAsync(Trust);
        await journey.PressAsync("Continue", "who");
        await journey.ChooseAsync("My own care or treatment");
        await journey.PressAsync("Continue", "what-happened");
        await AnswerTheRestAsync(journey, description, name);
    }

    private static async Task AnswerTheRestAsync(Journey journey, string description, string name)
    {
        await journey.FillAsync("description", description);
        await journey.PressAsync("Continue", "when");
        var day = DateTime.UtcNow.AddMonths(-2);
        await journey.FillAsync("event-date", day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await journey.FillAsync("event-date-month", day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await journey.FillAsync("event-date-year", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await journey.PressAsync("Continue", "found-out");
        await journey.ChooseAsync("When it happened");
        await journey.PressAsync("Continue", "outcome");
        await journey.FillAsync("desired-outcome", "An apology and an explanation.");
        await journey.PressAsync("Continue", "name");
        await journey.FillAsync("name", name);
        await journey.PressAsync("Continue", "contact");
        await journey.ChooseAsync("Email");
        await journey.FillAsync("email", "person@example.com");
        await journey.PressAsync("Continue", "adjustments");
        await journey.ChooseAsync("Large print");
        await journey.PressAsync("Continue", "nhs-number");
        await journey.FillAsync("nhs-number", "943 476 5919");
        await journey.PressAsync("Continue", "check-answers");
    }

    private async Task<JsonElement> FindAsync(string staff, string reference)
    {
        using var http = system.GatewayHttp(await system.TokenAsync(staff));
        var list = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/complaints", UriKind.Relative));
        return list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == reference);
    }

    private async Task<string> DetailAsync(string staff, string id)
    {
        using var http = system.GatewayHttp(await system.TokenAsync(staff));
        return await http.GetStringAsync(new Uri("/api/v1/complaints/" + id, UriKind.Relative));
    }
}
