// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A complaints handler's day in the portal: the work queue, the case page, one page per step of the procedure,
/// the draft response shared with an advocate who reviews it in a second browser, the responsible person's
/// signature, sending and closure. Every page reached passes axe; the step forms are operated with the keyboard.
/// </summary>
public sealed class HandlerJourneyTests(PortalSystem system, Browser browser)
{
    private const string Handler = "handler.rj1";

    [Fact]
    public async Task A_handler_takes_a_complaint_from_receipt_to_closure_with_an_advocate_reviewing_the_draft()
    {
        var (reference, caseId) = await RecordComplaintAsync("My father waited nine hours for an ambulance.");
        var page = await browser.NewPageAsync(system.PublicAddress);
        var handler = new Journey(page, "handler");
        var keys = new Journey(page, "handler", keyboardOnly: true);
        await SignInAsync(handler, Handler);

        await handler.OpenAsync("/staff/cases", "queue");
        await handler.FillAsync("search", reference);
        await handler.PressAsync("Search", "queue-search");
        await page.RunAndWaitForNavigationAsync(() => page.Locator("#cases").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync());
        await handler.SeeAsync("case");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Received");

        await StepAsync(handler, caseId, "acknowledge", "step");
        await keys.ChooseAsync("Letter");
        await keys.ChooseAsync("We offered to discuss how the complaint will be handled and how long it will take");
        await keys.PressAsync("Save", "acknowledged");
        await Assertions.Expect(page.Locator("#banner")).ToHaveTextAsync("Complaint acknowledged");

        await StepAsync(handler, caseId, "closer-look", "closer-look");
        await keys.FillAsync("issues", "The nine-hour wait for an ambulance");
        await keys.FillAsync("outcomes", "An explanation and an apology");
        await ChooseWithinAsync(keys, page, "investigator", "Demo investigator (RJ1)");
        await ChooseWithinAsync(keys, page, "prior-involvement", "No");
        await ChooseWithinAsync(keys, page, "conflict", "No");
        await ChooseWithinAsync(keys, page, "responsible-person", "Demo responsible (RJ1)");
        await keys.PressAsync("Save", "closer-look-started");
        await Assertions.Expect(page.Locator("#investigator")).ToHaveTextAsync("Demo investigator (RJ1)");
        await Assertions.Expect(page.Locator("#responsible-person")).ToContainTextAsync("Demo responsible (RJ1)");

        var due = WorkingDay(DateTime.UtcNow.Date.AddDays(35));
        await StepAsync(handler, caseId, "response-date", "response-date");
        await TypeDateAsync(keys, "due-by", due);
        await ChooseWithinAsync(keys, page, "with-complainant", "Yes");
        await keys.FillAsync("reason", "Agreed by phone with the complainant.");
        await keys.PressAsync("Save", "date-agreed");
        await Assertions.Expect(page.Locator("#response-due")).ToHaveTextAsync(Day(due));

        var later = WorkingDay(due.AddDays(14));
        await StepAsync(handler, caseId, "renegotiate-date", "renegotiate");
        await TypeDateAsync(keys, "due-by", later);
        await ChooseWithinAsync(keys, page, "with-complainant", "Yes");
        await keys.FillAsync("reason", "The ambulance service's records need more time; the complainant agreed.");
        await keys.PressAsync("Save", "date-renegotiated");
        await Assertions.Expect(page.Locator("#response-due")).ToHaveTextAsync(Day(later));

        await StepAsync(handler, caseId, "advocacy-referral", "advocacy-referral");
        await keys.FillAsync("postcode", "SE1 7EH");
        await keys.ChooseAsync("The advocate may follow the case");
        await keys.ChooseAsync("The advocate may read and comment on drafts of the response");
        await ChooseWithinAsync(keys, page, "evidence", "Verbally");
        await keys.PressAsync("Refer", "referred");
        await AcceptReferralAsync(caseId);

        await handler.OpenAsync($"/staff/cases/{caseId}/response", "response");
        await handler.FillAsync("complaint-summary", "Your father waited nine hours for an ambulance after a fall at home.");
        await handler.FillAsync("investigation", "We read the call records and spoke to the crew and the control room.");
        await handler.FillAsync("finding-0-conclusion", "The call was wrongly given a low priority.");
        await handler.FillAsync("finding-0-reasons", "The call record shows the fall was not recorded as a head injury.");
        await handler.ChooseAsync("Yes");
        await handler.FillAsync("apology", "We apologise for the wait your father had.");
        await handler.FillAsync("change-0-action", "Retrain call handlers on falls with head injuries");
        await TypeDateAsync(handler, "change-0-by", WorkingDay(DateTime.UtcNow.Date.AddMonths(3)));
        await handler.PressAsync("Save", "response-saved");
        await Assertions.Expect(page.Locator("#banner")).ToContainTextAsync("not been shared");
        await ShareAsync(handler);

        var advocate = new Journey(await browser.NewPageAsync(system.PublicAddress), "advocate", keyboardOnly: true);
        await SignInAsync(advocate, "advocate.adv01");
        var first = await ReviewAsync(advocate, after: 0, "reviews", "review");
        await ChooseWithinAsync(advocate, advocate.Page, "Section", "Apology");
        await advocate.FillAsync("comment", "Please apologise for the pain the wait caused, not only for the wait.");
        await advocate.PressAsync("Ask for changes", "review-changes-asked");
        await Assertions.Expect(advocate.Page.Locator("#banner")).ToHaveTextAsync("You asked for changes to the draft");

        await handler.OpenAsync($"/staff/cases/{caseId}/response", "response-with-comments");
        await Assertions.Expect(page.Locator("#advocate-verdict")).ToHaveTextAsync($"The advocate asked for changes to version {first}.");
        await Assertions.Expect(page.Locator(".ics-comment")).ToContainTextAsync("pain the wait caused");
        await handler.FillAsync("apology", "We apologise for the wait and for the pain and distress it caused your father.");
        await handler.PressAsync("Save", "response-revised");
        await ShareAsync(handler);

        var second = await ReviewAsync(advocate, after: first, "reviews-again", "review-again");
        await advocate.PressAsync("Approve the draft", "review-approved");
        await Assertions.Expect(advocate.Page.Locator("#banner")).ToHaveTextAsync("You approved the draft");
        await Eventually.TrueAsync(async () => (await DetailAsync(caseId)).GetProperty("reviews").EnumerateArray()
            .Any(r => r.GetProperty("version").GetInt32() == second && r.GetProperty("status").GetString() == "Completed"), TimeSpan.FromSeconds(60), "the case hears the review is complete");

        var responsible = new Journey(await browser.NewPageAsync(system.PublicAddress), "responsible", keyboardOnly: true);
        await SignInAsync(responsible, "responsible.rj1");
        await responsible.OpenAsync($"/staff/cases/{caseId}/sign", "sign");
        await responsible.FillAsync("signatory-name", "Demo responsible (RJ1)");
        await responsible.FillAsync("signatory-title", "Chief Executive");
        await responsible.PressAsync("Sign", "signed");
        await Assertions.Expect(responsible.Page.Locator("#banner")).ToHaveTextAsync("Final response signed");

        var letter = await page.Context.APIRequest.GetAsync($"/staff/cases/{caseId}/letter");
        Assert.Equal(200, letter.Status);
        Assert.Contains("pain and distress", await letter.TextAsync(), StringComparison.Ordinal);

        await StepAsync(handler, caseId, "send", "send");
        await keys.ChooseAsync("By post");
        await keys.PressAsync("Record as sent", "sent");
        await StepAsync(handler, caseId, "coding", "coding");
        await keys.ChooseAsync("Waiting times");
        await ChooseWithinAsync(keys, page, "service-area", "Ambulance");
        await keys.ChooseAsync("Ambulance crews");
        await ChooseWithinAsync(keys, page, "age-band", "75+");
        await ChooseWithinAsync(keys, page, "complainant-status", (await page.Locator("#complainant-status + label").InnerTextAsync()).Trim());
        await keys.PressAsync("Save", "coded");
        await StepAsync(handler, caseId, "close", "close");
        await keys.PressAsync("Close the case", "closed");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Response date renegotiated");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("pain the wait caused");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync($"The advocate asked for changes to version {first}");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync($"The advocate approved version {second}");

        Assert.Empty(handler.Violations.Concat(keys.Violations).Concat(advocate.Violations).Concat(responsible.Violations));
    }

    [Fact]
    public async Task A_step_page_shows_the_API_s_field_errors_in_the_summary_and_beside_the_fields_and_stores_nothing()
    {
        var (_, caseId) = await RecordComplaintAsync("Nobody told me when my operation would be.");
        var page = await browser.NewPageAsync(system.PublicAddress);
        var handler = new Journey(page, "step-errors", keyboardOnly: true);
        await SignInAsync(handler, Handler);
        await handler.OpenAsync($"/staff/cases/{caseId}/acknowledge", "acknowledge");
        await TypeDateAsync(handler, "acknowledged-on", "31", "2", "2026");
        await handler.PressAsync("Save", "acknowledge-errors");

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#acknowledged-on-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#channel-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#discussion-offered-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Assertions.Expect(page.Locator("#acknowledged-on-month")).ToHaveValueAsync("2");
        var detail = await DetailAsync(caseId);
        Assert.Equal("Received", detail.GetProperty("summary").GetProperty("stage").GetString());
        Assert.False(detail.TryGetProperty("acknowledgedOn", out var acknowledged) && acknowledged.ValueKind != JsonValueKind.Null);
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task A_handler_records_a_member_of_staff_with_their_work_address_and_they_are_told_with_the_support_offered()
    {
        var (reference, caseId) = await RecordComplaintAsync("The nurse on the ward was rude to my mother.");
        var page = await browser.NewPageAsync(system.PublicAddress);
        var handler = new Journey(page, "staff-told");
        await SignInAsync(handler, Handler);
        await handler.OpenAsync($"/staff/cases/{caseId}/staff", "staff");
        await handler.FillAsync("staff-name", "Wren Ward");
        await handler.FillAsync("staff-role", "Ward sister");
        await handler.FillAsync("staff-work-email", "not an address");
        await handler.PressAsync("Save", "staff-errors");
        await Assertions.Expect(page.Locator("#staff-work-email-error")).Not.ToBeEmptyAsync();
        Assert.Equal(0, (await DetailAsync(caseId)).GetProperty("staff").GetArrayLength());

        await handler.FillAsync("staff-work-email", "wren.ward@rj1.nhs.example");
        await handler.FillAsync("support-offered", "Time with the matron, and occupational health.");
        await handler.PressAsync("Save", "staff-saved");

        CaughtMail? told = null;
        await Eventually.TrueAsync(async () =>
        {
            told = (await system.Mail.MessagesAsync()).FirstOrDefault(m => m.Subject == $"Complaint {reference}: a complaint mentions you");
            return told is not null;
        }, TimeSpan.FromSeconds(60), "the member of staff is e-mailed");
        Assert.Equal(["wren.ward@rj1.nhs.example"], told!.To);
        Assert.Contains("Time with the matron", await system.Mail.PlainTextAsync(told.Id), StringComparison.Ordinal);
        await handler.OpenAsync($"/staff/cases/{caseId}", "staff-timeline");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Notice that the complaint mentions them sent");
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task A_handler_resolves_a_complaint_early_by_recording_what_was_discussed_and_agreed_and_the_complainant_is_written_to()
    {
        var (_, caseId) = await RecordComplaintAsync("My clinic letter never came.", "Ebo Early");
        await TakeStepAsync(caseId, "acknowledgement", new { channel = "Phone", discussionOffered = true });
        await TakeStepAsync(caseId, "early-resolution", new { });
        var page = await browser.NewPageAsync(system.PublicAddress);
        var handler = new Journey(page, "resolve-early", keyboardOnly: true);
        await SignInAsync(handler, Handler);
        await handler.OpenAsync($"/staff/cases/{caseId}/resolve-early", "resolve-early");
        await handler.PressAsync("Save", "resolve-early-errors");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary").GetByRole(AriaRole.Link)).ToHaveCountAsync(4);
        Assert.Equal("EarlyResolution", (await DetailAsync(caseId)).GetProperty("summary").GetProperty("stage").GetString());

        await handler.ChooseAsync("Phone");
        await handler.FillAsync("discussed", "Why the clinic letter did not arrive.");
        await handler.FillAsync("agreed", "A new appointment on Friday, and a check of the address we hold.");
        await handler.ChooseAsync("Partly upheld");
        await handler.PressAsync("Save", "resolved-early");

        await Assertions.Expect(page.Locator("#banner")).ToContainTextAsync("Early resolution recorded");
        await Assertions.Expect(page.Locator("#stage")).ToContainTextAsync("Final response sent");
        var timeline = page.Locator("#timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Resolved early");
        await Assertions.Expect(timeline).ToContainTextAsync("A new appointment on Friday");
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return (await timeline.InnerTextAsync()).Contains("Letter confirming the early resolution", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), "the confirming letter is on the timeline");
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task The_work_queue_filters_and_sorts_in_the_address_and_searches_by_name_without_putting_it_there()
    {
        var (paused, pausedId) = await RecordComplaintAsync("The clinic lost my referral letter.", "Queue Pausedperson");
        var (waiting, _) = await RecordComplaintAsync("The clinic never wrote back.", "Queue Waitingperson");
        await TakeStepAsync(pausedId, "acknowledgement", new { channel = "Letter", discussionOffered = true });
        await TakeStepAsync(pausedId, "pause", new { reason = "AwaitingComplainant", detail = "Records from the complainant" });
        var page = await browser.NewPageAsync(system.PublicAddress);
        var handler = new Journey(page, "queue");
        await SignInAsync(handler, Handler);
        await handler.OpenAsync("/staff/cases", "all");
        var cases = page.Locator("#cases");
        await Assertions.Expect(cases).ToContainTextAsync(paused);
        await Assertions.Expect(cases).ToContainTextAsync(waiting);

        await page.Locator("#stage").SelectOptionAsync("Acknowledged");
        await handler.ChooseAsync("Paused");
        await page.Locator("#sort").SelectOptionAsync("reference");
        await handler.PressAsync("Apply", "filtered");
        Assert.Contains("stage=Acknowledged", page.Url, StringComparison.Ordinal);
        Assert.Contains("paused=true", page.Url, StringComparison.Ordinal);
        Assert.Contains("sort=reference", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(cases).ToContainTextAsync(paused);
        await Assertions.Expect(cases).Not.ToContainTextAsync(waiting);
        await Assertions.Expect(page.Locator("#stage")).ToHaveValueAsync("Acknowledged");

        await page.GotoAsync("/staff/cases?sort=reference");
        var references = (await cases.Locator("tbody tr td:first-child").AllInnerTextsAsync()).Select(r => r.Trim()).ToList();
        Assert.Equal(references.Order(StringComparer.Ordinal).ToList(), references);
        await handler.FillAsync("search", "Queue Waitingperson");
        await handler.PressAsync("Search", "search-by-name");
        Assert.DoesNotContain("Waitingperson", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.Locator("#matches")).ToContainTextAsync(waiting);
        await Assertions.Expect(page.Locator("#matches")).Not.ToContainTextAsync(paused);
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task Another_organisation_s_case_and_its_step_pages_are_not_found()
    {
        var (_, caseId) = await RecordComplaintAsync("A case other trusts must not see.");
        var page = await browser.NewPageAsync(system.PublicAddress);
        await SignInAsync(new Journey(page, "other-organisation"), "handler.rjz");
        foreach (var path in new[] { $"/staff/cases/{caseId}", $"/staff/cases/{caseId}/acknowledge", $"/staff/cases/{caseId}/response", $"/staff/cases/{caseId}/letter" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
        }
    }

    // A Tuesday, Wednesday or Thursday outside Christmas and New Year: never a bank holiday in England.
    private static DateTime WorkingDay(DateTime date)
    {
        while (date.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday) || (date.Month == 12 && date.Day >= 24) || (date.Month == 1 && date.Day <= 2))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    private static string Day(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private async Task SignInAsync(Journey journey, string user)
    {
        await journey.OpenAsync("/sign-in", "sign-in");
        await journey.FillAsync("userName", user);
        await journey.FillAsync("password", system.DemoPassword);
        await journey.PressAsync("Sign in", "home");
    }

    // The case page as it stands now, and its link to a step, followed like a person would.
    private static async Task StepAsync(Journey journey, Guid caseId, string step, string name)
    {
        var page = journey.Page;
        await page.GotoAsync($"/staff/cases/{caseId}");
        await page.RunAndWaitForNavigationAsync(() => page.Locator($"#actions a[href$='/{step}']").ClickAsync());
        await journey.SeeAsync(name);
    }

    // Radios whose labels repeat on the page (Yes, No, a person) are chosen within their own group.
    private static async Task ChooseWithinAsync(Journey journey, IPage page, string groupId, string label)
    {
        var id = await page.Locator($"input[name='{groupId}']").EvaluateAllAsync<string>(
            "(inputs, label) => inputs.find(i => document.querySelector(`label[for='${i.id}']`).textContent.trim() === label).id", label);
        await journey.ChooseIdAsync(id);
    }

    private static Task TypeDateAsync(Journey journey, string id, DateTime date) =>
        TypeDateAsync(journey, id, date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    private static async Task TypeDateAsync(Journey journey, string id, string day, string month, string year)
    {
        await journey.FillAsync(id, day);
        await journey.FillAsync(id + "-month", month);
        await journey.FillAsync(id + "-year", year);
    }

    private static async Task ShareAsync(Journey handler)
    {
        await handler.PressAsync("Share with the advocate", "share-confirm");
        await handler.PressAsync("Share the draft", "shared");
        await Assertions.Expect(handler.Page.Locator("#banner")).ToHaveTextAsync("Draft shared for review");
    }

    // The newest draft version waiting for the advocate, once it is newer than the one they reviewed before.
    private static async Task<int> ReviewAsync(Journey advocate, int after, string listName, string reviewName)
    {
        var page = advocate.Page;
        var version = 0;
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/advocate/reviews");
            var links = await page.Locator("#open-reviews a").AllInnerTextsAsync();
            version = links.Select(l => int.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            return version > after;
        }, TimeSpan.FromSeconds(60), $"a draft newer than version {after} reaches the advocate");
        await advocate.SeeAsync(listName);
        await page.RunAndWaitForNavigationAsync(() => page.Locator("#open-reviews").GetByRole(AriaRole.Link, new() { Name = $"Version {version} " }).ClickAsync());
        await advocate.SeeAsync(reviewName);
        return version;
    }

    /// <summary>A complaint the handler took by phone, and its case once the case service has opened it.</summary>
    private async Task<(string Reference, Guid CaseId)> RecordComplaintAsync(string description, string name = "Sam Example")
    {
        using var http = system.GatewayHttp(await system.TokenAsync(Handler));
        using var recorded = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1", channel = "Phone", description,
            complainant = new { name, address = new { line1 = "1 Example Street", postcode = "SE1 7EH" }, contactPreference = "Letter" },
        });
        recorded.EnsureSuccessStatusCode();
        var reference = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Guid? caseId = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cases?reference=" + Uri.EscapeDataString(reference), UriKind.Relative));
            caseId = list.GetProperty("items").EnumerateArray().Select(c => (Guid?)c.GetProperty("caseId").GetGuid()).FirstOrDefault();
            return caseId is not null;
        }, TimeSpan.FromSeconds(60), "the complaint's case is open");
        return (reference, caseId!.Value);
    }

    private async Task TakeStepAsync(Guid caseId, string step, object body)
    {
        using var http = system.GatewayHttp(await system.TokenAsync(Handler));
        using var taken = await http.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/{step}", UriKind.Relative), body);
        taken.EnsureSuccessStatusCode();
    }

    private async Task AcceptReferralAsync(Guid caseId)
    {
        using var http = system.GatewayHttp(await system.TokenAsync("advocate.adv01"));
        JsonElement? referral = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/advocacy/referrals?caseId={caseId}", UriKind.Relative));
            referral = list.GetProperty("items").EnumerateArray().Select(r => (JsonElement?)r).FirstOrDefault();
            return referral is not null;
        }, TimeSpan.FromSeconds(60), "the referral reaches the advocacy service");
        using var accepted = await http.PostAsJsonAsync(
            new Uri($"/api/v1/advocacy/referrals/{referral!.Value.GetProperty("id").GetString()}/acceptance", UriKind.Relative),
            new { advocateName = "Demo advocate (ADV01)", advocateSubjectId = "me" });
        accepted.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> DetailAsync(Guid caseId)
    {
        using var http = system.GatewayHttp(await system.TokenAsync(Handler));
        return await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases/{caseId}/detail", UriKind.Relative));
    }
}
