using System.Net;
using System.Net.Http.Json;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A quality lead draws an HCAT calibration sample, codes a complaint a second time without seeing the first coding,
/// reads the agreement, and raises, completes and cancels learning actions with a "you said, we did" summary; and takes
/// on the change a final response committed to, which learning proposed.
/// </summary>
public sealed class QualityLeadTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_quality_lead_codes_a_sampled_complaint_blind_then_sees_both_codings_and_the_agreement()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Cal Ibrate");
        using (var handler = await Personas.ApiAsync(system, "handler.rj1"))
        {
            var first = new
            {
                severities = new Dictionary<string, int>
                {
                    ["quality"] = 2, ["safety"] = 1, ["environment"] = 0, ["institutionalProcesses"] = 0, ["listening"] = 3, ["communication"] = 2, ["respect"] = 0,
                },
                harm = 2,
                stagesOfCare = new[] { "Examination and diagnosis" },
            };
            await Eventually.TrueAsync(async () =>
            {
                using var coded = await handler.PutAsJsonAsync(new Uri($"/api/v1/learning/cases/{caseId}/hcat/Complaint", UriKind.Relative), first);
                return coded.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(60), "the handler codes the complaint once learning knows its case");
        }

        var lead = await Personas.SignInAsync(system, browser, "quality.rj1", "quality", keyboardOnly: true);
        await lead.OpenAsync("/staff/quality", "home");
        await lead.OpenAsync("/staff/quality/samples/new", "sample");
        await lead.FillAsync("size", "none");
        await lead.PressAsync("Draw sample", "sample-not-a-number");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await lead.FillAsync("size", "500");
        await lead.PressAsync("Draw sample", "sample-too-big");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("1 to 200");
        await lead.FillAsync("size", "200");
        await lead.PressAsync("Draw sample", "sample-drawn");
        await Assertions.Expect(lead.Page.Locator("#drawn")).ToBeVisibleAsync();

        await lead.OpenAsync("/staff/quality", "queue");
        await lead.Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await lead.SeeAsync("code-blind");
        await Assertions.Expect(lead.Page.Locator("#blinded")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Page.Locator("main")).Not.ToContainTextAsync("First coding");

        // Nothing chosen: learning's own messages, beside each category.
        await lead.PressAsync("Save coding", "code-empty");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Page.Locator("#severity-quality-error")).ToBeVisibleAsync();

        // Level n of a category is its option n+1 (the first option takes the question's id).
        foreach (var (category, level) in new[] { ("quality", 2), ("safety", 1), ("environment", 0), ("institutionalProcesses", 0), ("listening", 2), ("communication", 2), ("respect", 0) })
        {
            await lead.Page.Locator(level == 0 ? $"#severity-{category}" : $"#severity-{category}-{level + 1}").CheckAsync();
        }
        await lead.Page.Locator("#harm-3").CheckAsync();
        await lead.PressAsync("Save coding", "coded");
        await Assertions.Expect(lead.Page.Locator("#coded")).ToBeVisibleAsync();
        await Assertions.Expect(lead.Page.Locator("#codings")).ToContainTextAsync("First coding");
        await Assertions.Expect(lead.Page.Locator("#codings")).ToContainTextAsync("Your coding");

        await lead.OpenAsync("/staff/quality/calibration", "calibration");
        await Assertions.Expect(lead.Page.Locator("#pairs-RJ1")).ToContainTextAsync("coded by two people");
        await Assertions.Expect(lead.Page.Locator("#pairs-RJ1")).Not.ToContainTextAsync("0 complaints");
        await Assertions.Expect(lead.Page.Locator("#calibration-RJ1")).ToContainTextAsync("Listening");
        Assert.Empty(lead.Violations);
    }

    [Fact]
    public async Task A_quality_lead_raises_completes_and_cancels_learning_actions_and_publishes_what_changed()
    {
        var lead = await Personas.SignInAsync(system, browser, "quality.rj1", "quality-actions", keyboardOnly: true);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        var change = $"Discharge letters name who follows up each test ({Guid.NewGuid():N})";
        await lead.OpenAsync("/staff/quality/actions", "actions");
        await lead.OpenAsync("/staff/quality/actions/new", "raise");
        await lead.PressAsync("Raise action", "raise-empty");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await lead.FillAsync("whatWillChange", change);
        await lead.FillAsync("owner", "Head of patient experience");
        await lead.FillAsync("dueOn", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.FillAsync("dueOn-month", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.FillAsync("dueOn-year", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.PressAsync("Raise action", "raised");
        await Assertions.Expect(lead.Page.Locator("#open-actions")).ToContainTextAsync(change);

        await lead.Page.Locator("tr", new() { HasText = change }).GetByRole(AriaRole.Link, new() { Name = "Complete" }).ClickAsync();
        await lead.SeeAsync("complete");
        await lead.FillAsync("evidence", "An audit of 20 discharge letters found every one named who follows up.");
        await lead.FillAsync("youSaid", "Ask jo.bloggs@example.org about the letters.");
        await lead.FillAsync("weDid", "Every discharge letter now says who follows up each test.");
        await lead.PressAsync("Complete action", "complete-personal-data");
        await Assertions.Expect(lead.Page.Locator("#youSaid-error")).ToContainTextAsync("must not identify anyone");
        await lead.FillAsync("youSaid", "Nobody told you who would follow up your test results.");
        await lead.PressAsync("Complete action", "completed");
        await Assertions.Expect(lead.Page.Locator("#closed-actions")).ToContainTextAsync(change);

        await lead.OpenAsync("/staff/quality/you-said-we-did", "you-said-we-did");
        await Assertions.Expect(lead.Page.Locator("#summaries")).ToContainTextAsync("Every discharge letter now says who follows up each test.");

        var dropped = $"Rewrite the leaflet ({Guid.NewGuid():N})";
        await lead.OpenAsync("/staff/quality/actions/new", "raise-second");
        await lead.FillAsync("whatWillChange", dropped);
        await lead.FillAsync("owner", "Communications team");
        await lead.FillAsync("dueOn", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.FillAsync("dueOn-month", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.FillAsync("dueOn-year", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await lead.PressAsync("Raise action", "raised-second");
        await lead.Page.Locator("tr", new() { HasText = dropped }).GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await lead.SeeAsync("cancel");
        await lead.FillAsync("reason", "The leaflet is being replaced by the national one.");
        await lead.PressAsync("Cancel action", "cancelled");
        await Assertions.Expect(lead.Page.Locator("#closed-actions")).ToContainTextAsync(dropped);
        await Assertions.Expect(lead.Page.Locator("#open-actions, #no-open-actions")).Not.ToContainTextAsync(dropped);
        Assert.Empty(lead.Violations);
    }

    [Fact]
    public async Task A_quality_lead_sees_the_change_a_final_response_committed_to_as_proposed_and_takes_it_on()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var received = today.AddDays(-10);
        var change = $"Clinic letters give the reason for a cancellation ({Guid.NewGuid():N})";
        var (_, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Pro Posed", new { receivedOn = CaseApiSteps.Iso(received) });
        using (var handler = await Personas.ApiAsync(system, "handler.rj1"))
        using (var responsible = await Personas.ApiAsync(system, "responsible.rj1"))
        {
            await CaseApiSteps.SendEarlyResponseAsync(handler, responsible, caseId, received, today, [(change, today.AddDays(40))]);
            await Eventually.TrueAsync(async () =>
            {
                var listed = await handler.GetStringAsync(new Uri($"/api/v1/learning/actions?caseId={caseId}", UriKind.Relative));
                return listed.Contains(change, StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(60), "learning proposes the change");
        }

        var lead = await Personas.SignInAsync(system, browser, "quality.rj1", "quality-proposed", keyboardOnly: true);
        await lead.OpenAsync("/staff/quality/actions", "proposed-actions");
        var row = lead.Page.Locator("#proposed-actions tr", new() { HasText = change });
        await Assertions.Expect(row).ToContainTextAsync("Proposed");
        await row.GetByRole(AriaRole.Link, new() { Name = "Take on" }).ClickAsync();
        await lead.SeeAsync("take-on");
        await lead.PressAsync("Take on action", "take-on-empty");
        await Assertions.Expect(lead.Page.Locator("#owner-error")).ToBeVisibleAsync();
        await lead.FillAsync("owner", "Outpatients manager");
        await lead.PressAsync("Take on action", "taken-on");
        await Assertions.Expect(lead.Page.Locator("#open-actions tr", new() { HasText = change })).ToContainTextAsync("Outpatients manager");
        await Assertions.Expect(lead.Page.Locator("#proposed-actions, #no-proposed-actions")).Not.ToContainTextAsync(change);
        Assert.Empty(lead.Violations);
    }
}
