// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A complaints handler records an everyday concern that stays open until its follow-up day, finds it in the open
/// concerns (marked once the day has passed), and either makes it a complaint through the staff recording journey,
/// which keeps the concern's date and channel, or records how it was put right. Every page reached passes axe.
/// </summary>
public sealed class ConcernJourneyTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_handler_keeps_a_concern_open_sees_it_overdue_and_makes_it_a_complaint_that_keeps_its_date_and_channel()
    {
        var summary = $"Asked twice for a call back about a blood test result ({Guid.NewGuid():N}).";
        var raised = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "concern");
        await handler.Page.GetByRole(AriaRole.Link, new() { Name = "Concerns", Exact = true }).First.ClickAsync();
        await handler.SeeAsync("open");
        await handler.Page.RunAndWaitForNavigationAsync(() => handler.Page.Locator("#record-concern").ClickAsync());
        await handler.SeeAsync("record");

        // Neither the day it was resolved nor a follow-up day: intake's message shows in the summary and by the field.
        await handler.ChooseAsync("An everyday concern");
        await handler.ChooseAsync("By phone");
        await FillDateAsync(handler, "received-on", raised);
        await handler.FillAsync("summary", summary);
        await handler.PressAsync("Record concern", "record-no-follow-up");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("the day you will follow it up");
        await Assertions.Expect(handler.Page.Locator("#follow-up-on-error")).ToBeVisibleAsync();
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary a[href='#follow-up-on']")).ToBeVisibleAsync();

        await FillDateAsync(handler, "follow-up-on", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        await handler.PressAsync("Record concern", "recorded");
        await Assertions.Expect(handler.Page.Locator("#status")).ToHaveTextAsync("Open");
        await Assertions.Expect(handler.Page.Locator("#channel")).ToHaveTextAsync("By phone");
        var concernId = Guid.Parse(handler.Page.Url.Split('/').Last());

        await handler.OpenAsync("/staff/concerns", "open-list");
        var row = handler.Page.Locator($"#concern-{concernId}");
        await Assertions.Expect(row).ToContainTextAsync(summary);
        await Assertions.Expect(row.Locator(".nhsuk-tag")).ToHaveCountAsync(0);

        // The follow-up day passes without the concern being followed up.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await system.InIntakeDb(db => db.InformalConcerns.Where(c => c.Id == concernId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FollowUpOn, yesterday)));
        await handler.OpenAsync("/staff/concerns", "open-overdue");
        await Assertions.Expect(row.Locator(".nhsuk-tag")).ToHaveTextAsync("Overdue");

        await handler.Page.RunAndWaitForNavigationAsync(() => row.GetByRole(AriaRole.Link).ClickAsync());
        await handler.SeeAsync("concern");
        await handler.PressAsync("Make it a complaint", "complainant");
        // Going back shows the concern's channel and day, fixed: they are not asked again.
        await handler.OpenAsync("/staff/record", "record-from-concern");
        await Assertions.Expect(handler.Page.Locator("#from-concern")).ToContainTextAsync("By phone");
        await Assertions.Expect(handler.Page.Locator("input[name=Channel]")).ToHaveCountAsync(0);
        await handler.PressAsync("Continue", "complainant");
        await handler.ChooseAsync("The patient");
        await handler.FillAsync("name", "Cora Concern");
        await handler.ChooseAsync("Email");
        await handler.FillAsync("email", "cora.concern@example.org");
        await handler.PressAsync("Continue", "complaint");
        await handler.FillAsync("description", "Nobody has called me back about my blood test, though I asked twice.");
        await FillDateAsync(handler, "event-date", raised.AddDays(-7));
        await handler.PressAsync("Continue", "check");
        var answers = handler.Page.Locator("#answers");
        await Assertions.Expect(answers).ToContainTextAsync("By phone");
        await Assertions.Expect(answers).ToContainTextAsync(raised.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        // The concern's date and channel are the complaint's: shown, with no way to change them.
        await Assertions.Expect(answers.Locator("a[href='/staff/record']")).ToHaveCountAsync(1);
        await handler.PressAsync("Record complaint", "complaint-recorded");
        var reference = (await handler.Page.Locator("#reference").InnerTextAsync()).Trim();

        var complaint = await system.InIntakeDb(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Reference == reference));
        Assert.Equal(raised, complaint.ReceivedOn);
        Assert.Equal("Phone", complaint.Channel.ToString());
        Assert.Equal(concernId, complaint.FromConcernId);

        await handler.OpenAsync($"/staff/concerns/{concernId}", "became-complaint");
        await Assertions.Expect(handler.Page.Locator("#status")).ToHaveTextAsync("Became a complaint");
        await Assertions.Expect(handler.Page.GetByRole(AriaRole.Button, new() { Name = "Make it a complaint" })).ToHaveCountAsync(0);
        await handler.OpenAsync("/staff/concerns", "open-after");
        await Assertions.Expect(handler.Page.Locator($"#concern-{concernId}")).ToHaveCountAsync(0);
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task A_handler_records_how_an_open_concern_was_resolved()
    {
        var summary = $"Parking machine took payment but gave no ticket ({Guid.NewGuid():N}).";
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "concern-resolve", keyboardOnly: true);
        await handler.OpenAsync("/staff/concerns/record", "record");
        await handler.ChooseAsync("An everyday concern");
        await handler.ChooseAsync("In person");
        await handler.ChooseAsync("Management");
        await FillDateAsync(handler, "follow-up-on", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));
        await handler.FillAsync("summary", summary);
        await handler.PressAsync("Record concern", "recorded");
        var concernId = Guid.Parse(handler.Page.Url.Split('/').Last());

        await handler.Page.RunAndWaitForNavigationAsync(() => handler.Page.Locator("#record-resolution").ClickAsync());
        await handler.SeeAsync("resolution");
        await handler.PressAsync("Record resolution", "resolution-missing");
        await Assertions.Expect(handler.Page.Locator("#resolution-error")).ToBeVisibleAsync();
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary a[href='#resolution']")).ToBeVisibleAsync();
        await handler.FillAsync("resolution", "Refunded at the estates office the same afternoon.");
        await handler.PressAsync("Record resolution", "resolved");

        await Assertions.Expect(handler.Page.Locator("#status")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(handler.Page.Locator("#resolution")).ToHaveTextAsync("Refunded at the estates office the same afternoon.");
        await Assertions.Expect(handler.Page.GetByRole(AriaRole.Button, new() { Name = "Make it a complaint" })).ToHaveCountAsync(0);
        await handler.OpenAsync("/staff/concerns", "open-after");
        await Assertions.Expect(handler.Page.Locator($"#concern-{concernId}")).ToHaveCountAsync(0);
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task A_handler_can_turn_back_from_making_a_concern_a_complaint_and_another_organisation_cannot_see_the_concern()
    {
        var summary = $"Ward phone rang unanswered all evening ({Guid.NewGuid():N}).";
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "concern-owner");
        await handler.OpenAsync("/staff/concerns/record", "record");
        await handler.ChooseAsync("An everyday concern");
        await handler.ChooseAsync("By phone");
        await FillDateAsync(handler, "follow-up-on", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        await handler.FillAsync("summary", summary);
        await handler.PressAsync("Record concern", "recorded");
        var concernId = Guid.Parse(handler.Page.Url.Split('/').Last());

        // The handler starts to make it a complaint, then records a different one instead: the concern stays open.
        await handler.PressAsync("Make it a complaint", "complainant");
        await handler.OpenAsync("/staff/record", "record-from-concern");
        await handler.PressAsync("Record a different complaint instead", "record-afresh");
        await Assertions.Expect(handler.Page.Locator("input[name=Channel]")).ToHaveCountAsync(4);
        await Assertions.Expect(handler.Page.Locator("#from-concern")).ToHaveCountAsync(0);
        await handler.OpenAsync($"/staff/concerns/{concernId}", "still-open");
        await Assertions.Expect(handler.Page.Locator("#status")).ToHaveTextAsync("Open");
        Assert.Empty(handler.Violations);

        var other = await Personas.SignInAsync(system, browser, "handler.rjz", "concern-other");
        foreach (var path in new[] { $"/staff/concerns/{concernId}", $"/staff/concerns/{concernId}/resolution" })
        {
            var response = await other.Page.GotoAsync(path);
            Assert.True(response!.Status == 404, $"{path}: {response.Status}");
            Assert.DoesNotContain(summary, await other.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }
        await other.OpenAsync("/staff/concerns", "open");
        Assert.DoesNotContain(summary, await other.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(other.Violations);
    }

    private static async Task FillDateAsync(Journey journey, string id, DateOnly date)
    {
        await journey.FillAsync(id, date.Day.ToString(CultureInfo.InvariantCulture));
        await journey.FillAsync(id + "-month", date.Month.ToString(CultureInfo.InvariantCulture));
        await journey.FillAsync(id + "-year", date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
