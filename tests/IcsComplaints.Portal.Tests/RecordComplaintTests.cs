// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A complaints handler records a complaint made by phone, by a representative with the patient's consent (Reg 5,
/// Reg 13), and imports a CSV file of complaints, watching its progress and downloading the rows it refused.
/// </summary>
public sealed class RecordComplaintTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_handler_records_a_phone_complaint_made_by_a_representative_with_the_patient_s_consent()
    {
        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "record", keyboardOnly: true);
        await handler.OpenAsync("/staff/record", "channel");
        await handler.PressAsync("Continue", "channel-missing");
        await Assertions.Expect(handler.Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select how the complaint was made");
        await handler.ChooseAsync("By phone");
        await handler.PressAsync("Continue", "complainant");

        await handler.ChooseAsync("Someone complaining for the patient");
        await handler.FillAsync("name", "Rhea Presents");
        await handler.ChooseAsync("Phone call");
        await handler.FillAsync("phone", "not a phone number");
        await handler.PressAsync("Continue", "complainant-bad-phone");
        await Assertions.Expect(handler.Page.Locator("#phone-error")).ToBeVisibleAsync();
        await handler.FillAsync("phone", "020 7946 0123");
        await handler.FillAsync("line1", "4 Demo Lane");
        await handler.FillAsync("town", "London");
        await handler.FillAsync("postcode", "SE1 7EH");
        await handler.PressAsync("Continue", "representative");

        await handler.ChooseAsync("The patient asked them to");
        await handler.ChooseAsync("They told us");
        await handler.FillAsync("relationship", "Daughter");
        await handler.FillAsync("patient-name", "Pat Presents");
        await handler.PressAsync("Continue", "complaint");

        var happened = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        await handler.FillAsync("description", "My mother waited six hours in the emergency department without being told why.");
        await handler.FillAsync("event-date", happened.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await handler.FillAsync("event-date-month", happened.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await handler.FillAsync("event-date-year", happened.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await handler.PressAsync("Continue", "check");
        await Assertions.Expect(handler.Page.Locator("#answers")).ToContainTextAsync("By phone");
        await Assertions.Expect(handler.Page.Locator("#answers")).ToContainTextAsync("Pat Presents");
        await handler.PressAsync("Record complaint", "recorded");
        var reference = (await handler.Page.Locator("#reference").InnerTextAsync()).Trim();

        var recorded = await system.InIntakeDb(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Reference == reference));
        Assert.Equal("Phone", recorded.Channel.ToString());
        Assert.Equal("RJ1", recorded.OrganisationCode);
        Assert.Equal("Representative", recorded.ComplainantType.ToString());
        Assert.Equal("PersonAsked", recorded.RepresentativeBasis?.ToString());
        Assert.Equal("Verbal", recorded.ConsentEvidence?.ToString());
        Assert.Equal(happened, recorded.EventDate);
        Assert.Empty(handler.Violations);
    }

    [Fact]
    public async Task A_handler_imports_a_CSV_with_one_bad_row_watches_its_progress_and_downloads_the_refused_row()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var received = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = new StringBuilder()
            .AppendLine("external_id,organisation_code,received_on,complainant_name,description,channel")
            .AppendLine($"old-{run}-1,RJ1,{received},Imogen Import,The ward was too noisy to sleep.,Letter")
            .AppendLine($"old-{run}-2,RJ1,{received},Ivor Import,,Letter")
            .AppendLine($"old-{run}-3,RJ1,{received},Ines Import,My appointment letter came after the appointment.,Email")
            .ToString();

        var handler = await Personas.SignInAsync(system, browser, "handler.rj1", "import", keyboardOnly: true);
        await handler.OpenAsync("/staff/imports", "upload");
        await handler.PressAsync("Upload and import", "upload-missing");
        await Assertions.Expect(handler.Page.Locator("#file-error")).ToBeVisibleAsync();
        await handler.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "old-system.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await handler.PressAsync("Upload and import", "progress");

        // The handler checks the progress until the import has finished (the page never reloads itself: WCAG 2.2.1).
        for (var attempt = 0; attempt < 60 && await handler.Page.Locator("#check-progress").CountAsync() > 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await handler.Page.Locator("#check-progress").ClickAsync();
        }
        await Assertions.Expect(handler.Page.Locator("#import-state")).ToHaveTextAsync("Import finished");
        await handler.SeeAsync("finished");
        await Assertions.Expect(handler.Page.Locator("#total")).ToHaveTextAsync("3");
        await Assertions.Expect(handler.Page.Locator("#accepted")).ToHaveTextAsync("2");
        await Assertions.Expect(handler.Page.Locator("#rejected")).ToHaveTextAsync("1");
        Assert.Equal(0, await handler.Page.Locator("meta[http-equiv=refresh]").CountAsync());

        var download = await handler.Page.RunAndWaitForDownloadAsync(() => handler.Page.Locator("#rejected-rows").ClickAsync());
        var refused = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"old-{run}-2", refused, StringComparison.Ordinal);
        Assert.DoesNotContain($"old-{run}-1", refused, StringComparison.Ordinal);
        Assert.DoesNotContain($"old-{run}-3", refused, StringComparison.Ordinal);
        Assert.Empty(handler.Violations);
    }
}
