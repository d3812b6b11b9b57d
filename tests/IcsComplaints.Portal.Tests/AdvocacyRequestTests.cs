using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A complainant without an account asks for an advocate for their complaint with its reference and progress code,
/// and finds the advocacy service for where they live from the start page.
/// </summary>
public sealed class AdvocacyRequestTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_complainant_asks_for_an_advocate_with_their_reference_and_progress_code()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "advocacy");
        var (reference, secret) = await ComplainantJourneyTests.ComplainForSelfAsync(journey, "I would like help from an advocate.");
        await Eventually.TrueAsync(
            () => system.InIntakeDb(db => db.Complaints.AnyAsync(c => c.Reference == reference && c.CaseId != null)),
            TimeSpan.FromSeconds(60), "the complaint's case is open");

        await journey.OpenAsync("/advocacy/request", "request");
        await journey.FillAsync("reference", reference);
        await journey.FillAsync("secret", "WRONG-CODE");
        await journey.PressAsync("Ask for an advocate", "request-wrong");
        await Microsoft.Playwright.Assertions.Expect(journey.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("No complaint matches");

        await journey.FillAsync("secret", secret);
        await journey.FillAsync("postcode", "SE1 7EH");
        await journey.ChooseAsync("Drafts of the response, so they can comment before it is sent to me");
        await journey.PressAsync("Ask for an advocate", "requested");
        await Microsoft.Playwright.Assertions.Expect(journey.Page.Locator("#advocacy-service")).Not.ToBeEmptyAsync();
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task The_start_page_finds_the_advocacy_service_for_a_postcode()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "advocacy-finder");
        await journey.OpenAsync("/advocacy-service", "finder");
        await journey.FillAsync("postcode", "SE1 7EH");
        await journey.PressAsync("Find advocacy service", "found");
        await Microsoft.Playwright.Assertions.Expect(journey.Page.Locator("#advocacy-service")).Not.ToBeEmptyAsync();
        Assert.Empty(journey.Violations);
    }
}
