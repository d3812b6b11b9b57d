// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Globalization;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A provider's quality lead puts a member of staff on the complaints training register and records a course, with
/// the learning service's messages beside the fields when something is wrong; the ICB's commissioner then sees the
/// provider's coverage in counts, never the name; the member of staff then leaves the register. Every page reached
/// passes axe.
/// </summary>
public sealed class TrainingJourneyTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_quality_lead_records_a_course_on_the_register_and_the_ICB_sees_the_coverage_without_the_name()
    {
        const string name = "Erin Walsh";
        var lead = await Personas.SignInAsync(system, browser, "quality.y99901", "training");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Quality", Exact = true }).First.ClickAsync());
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = "Complaints training" }).ClickAsync());
        await lead.SeeAsync("register");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Button, new() { Name = "Add someone to the register" }).ClickAsync());
        await lead.SeeAsync("add");

        // Nothing given: the learning service's own messages, in the summary and by each field.
        await lead.PressAsync("Add to the register", "add-errors");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#name']")).ToContainTextAsync("Enter the name");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#role']")).ToContainTextAsync("what they do with complaints");
        await Assertions.Expect(lead.Page.Locator("#role-error")).ToBeVisibleAsync();

        await lead.FillAsync("name", name);
        await lead.FillAsync("job-title", "Practice manager");
        await lead.ChooseAsync("Looks into complaints");
        await lead.PressAsync("Add to the register", "person");
        await Assertions.Expect(lead.Page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(lead.Page.Locator("#courses tbody tr")).ToHaveCountAsync(4);
        var personPath = new Uri(lead.Page.Url).AbsolutePath;

        // A day in the future is refused by the field; left empty, it is today.
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Button, new() { Name = "Record a course completed" }).ClickAsync());
        await lead.SeeAsync("record");
        await lead.ChooseAsync("Identifying and welcoming complaints");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        await lead.FillAsync("completed-on", tomorrow.Day.ToString(CultureInfo.InvariantCulture));
        await lead.FillAsync("completed-on-month", tomorrow.Month.ToString(CultureInfo.InvariantCulture));
        await lead.FillAsync("completed-on-year", tomorrow.Year.ToString(CultureInfo.InvariantCulture));
        await lead.PressAsync("Record course", "record-errors");
        await Assertions.Expect(lead.Page.Locator(".nhsuk-error-summary a[href='#completed-on']")).ToBeVisibleAsync();
        foreach (var part in new[] { "completed-on", "completed-on-month", "completed-on-year" })
        {
            await lead.FillAsync(part, "");
        }
        await lead.ChooseAsync("Identifying and welcoming complaints");
        await lead.PressAsync("Record course", "person-trained-once");
        await Assertions.Expect(lead.Page.Locator("#courses tr[data-course='identifying-complaints']")).ToContainTextAsync("Current");
        await Assertions.Expect(lead.Page.Locator("#courses tr[data-course='early-resolution']")).ToContainTextAsync("To do");

        await lead.OpenAsync("/staff/quality/training", "register-with-one");
        await Assertions.Expect(lead.Page.Locator("#coverage [data-course='identifying-complaints']")).ToContainTextAsync("of 1)");
        await Assertions.Expect(lead.Page.Locator("#register")).ToContainTextAsync(name);
        Assert.Empty(lead.Violations);
        Assert.Empty(lead.Overflows);

        // The ICB sees Y99901's counts, and no name.
        var commissioner = await Personas.SignInAsync(system, browser, "commissioner.qkk", "training-icb");
        await commissioner.OpenAsync("/oversight", "oversight");
        await commissioner.Page.RunAndWaitForNavigationAsync(() => commissioner.Page.GetByRole(AriaRole.Link, new() { Name = "Complaints training at your providers" }).ClickAsync());
        await commissioner.SeeAsync("providers");
        var row = commissioner.Page.Locator("#provider-Y99901");
        await Assertions.Expect(row.Locator("[data-course='identifying-complaints']")).ToContainTextAsync("%");
        Assert.DoesNotContain(name, await commissioner.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(commissioner.Violations);

        // Another ICB sees none of these providers; another provider's quality lead cannot find the person.
        var otherIcb = await Personas.SignInAsync(system, browser, "commissioner.qop", "training-other-icb");
        await otherIcb.OpenAsync("/oversight/training", "providers");
        await Assertions.Expect(otherIcb.Page.Locator("#provider-Y99901")).ToHaveCountAsync(0);
        var otherLead = await Personas.SignInAsync(system, browser, "quality.rjz", "training-other-lead");
        var response = await otherLead.Page.GotoAsync(personPath);
        Assert.Equal(404, response!.Status);
        Assert.Empty(otherIcb.Violations);

        // Erin leaves: listed apart, no longer counted, and nothing more can be recorded for her.
        await lead.OpenAsync(personPath, "person-again");
        await lead.Page.RunAndWaitForNavigationAsync(() => lead.Page.GetByRole(AriaRole.Button, new() { Name = "Take off the register" }).ClickAsync());
        await lead.SeeAsync("leave");
        await lead.PressAsync("Take off the register", "register-after-leaving");
        await Assertions.Expect(lead.Page.Locator("#left")).ToContainTextAsync(name);
        await Assertions.Expect(lead.Page.Locator("#register")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Page.Locator("#coverage [data-course='all']")).ToHaveTextAsync("no one on the register");
        await lead.OpenAsync(personPath, "person-left");
        await Assertions.Expect(lead.Page.Locator("#left")).ToContainTextAsync("Left the register");
        await Assertions.Expect(lead.Page.GetByRole(AriaRole.Button, new() { Name = "Record a course completed" })).ToHaveCountAsync(0);
        Assert.Empty(lead.Violations);
    }
}
