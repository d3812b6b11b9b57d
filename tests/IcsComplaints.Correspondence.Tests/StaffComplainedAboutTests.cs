using System.Net.Http.Json;
using System.Text.RegularExpressions;
using IcsComplaints.Calendar;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The staff a complaint is about, written to at the work address the case holds for them (NHS Complaint Standards:
/// told early, offered support, shown the final response), over the real case service and the mail catcher.
/// </summary>
public sealed partial class StaffComplainedAboutTests(CorrespondenceSystem system)
{
    private LetterSteps Letters { get; } = new(system);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task StaffWithAWorkAddress_AreToldOnceWithTheSupportOffered_AndSentTheFinalResponseWithoutTheComplainantsAddress()
    {
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        using var responsible = system.HandlingHttp(await system.TokenAsync("responsible.rj1"));
        var complainantEmail = LetterSteps.NewAddress();
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-10), "Cal Complainant", complainantEmail);
        var nurse = LetterSteps.NewAddress();
        var porter = LetterSteps.NewAddress();

        var nurseId = await AddStaffAsync(handler, caseId, new { name = "Nia Nurse", role = "Staff nurse", workEmail = nurse, supportOffered = "A named colleague, Dee Matron." });
        // Recorded first without an address, the porter is told when one is added, and only then.
        var porterId = await AddStaffAsync(handler, caseId, new { name = "Pat Porter", role = "Porter" });
        await StepAsync(handler, caseId, $"staff/{porterId}", new { workEmail = porter }, put: true);
        // Later changes to the nurse's record tell nobody again.
        await StepAsync(handler, caseId, $"staff/{nurseId}", new { comments = "I was not on shift that day." }, put: true);

        var toldNurse = Assert.Single(await Letters.MailToAsync(nurse, expected: 1));
        var reference = (await handler.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative))).GetProperty("reference").GetString()!;
        Assert.Equal($"Complaint {reference}: a complaint mentions you", toldNurse.Subject);
        var text = Whitespace().Replace(await system.Mail.PlainTextAsync(toldNurse.Id), " ");
        Assert.Contains("Dear Nia Nurse,", text, StringComparison.Ordinal);
        Assert.Contains("A named colleague, Dee Matron.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cal Complainant", text, StringComparison.Ordinal);
        var toldPorter = Assert.Single(await Letters.MailToAsync(porter, expected: 1));
        Assert.Contains("Freedom to Speak Up Guardian", Whitespace().Replace(await system.Mail.PlainTextAsync(toldPorter.Id), " "), StringComparison.Ordinal);

        await SendEarlyResponseAsync(handler, responsible, caseId, Today.AddDays(-10), Today);

        var copy = Assert.Single(await Letters.MailToAsync(nurse, expected: 1, about: "the final response"));
        Assert.Equal($"Complaint {reference}: the final response", copy.Subject);
        using var pdf = await Letters.PdfOfAsync(copy);
        // The PDF's text runs its lines together: it is compared without spaces.
        var printed = Whitespace().Replace(LetterSteps.TextOf(pdf), "");
        Assert.Contains("CalComplainant", printed, StringComparison.Ordinal);
        Assert.Contains("ParliamentaryandHealthServiceOmbudsman", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(complainantEmail, printed, StringComparison.OrdinalIgnoreCase);
        await Letters.MailToAsync(porter, expected: 1, about: "the final response");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await Letters.MailToAsync(nurse, expected: 2)).Count);

        var stored = await system.InDb(db => db.Messages.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.RecipientRole == RecipientRole.StaffComplainedAbout).ToListAsync());
        Assert.Equal(4, stored.Count);
        Assert.All(stored, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.DoesNotContain(stored, m => string.Join(' ', m.Facts.Values).Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaffWithoutAWorkAddress_AreNotWrittenTo()
    {
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Dot Nobody", LetterSteps.NewAddress());
        await AddStaffAsync(handler, caseId, new { name = "Sol Surgeon", role = "Consultant surgeon" });
        await AddStaffAsync(handler, caseId, new { name = "Ari Anaesthetist", role = "Anaesthetist", workEmail = LetterSteps.NewAddress() });

        await Eventually.TrueAsync(() => system.InDb(db => db.Messages.AnyAsync(m => m.CaseId == caseId && m.Template == MessageTemplates.StaffToldOfComplaint)),
            TimeSpan.FromSeconds(30), "the member of staff with an address is told");
        Assert.Equal(1, await system.InDb(db => db.StaffToTell.CountAsync(s => s.CaseId == caseId && s.HasWorkEmail)));
        Assert.Equal(1, await system.InDb(db => db.Messages.CountAsync(m => m.CaseId == caseId && m.RecipientRole == RecipientRole.StaffComplainedAbout)));
    }

    [Fact]
    public async Task AWorkAddressThatIsNotOne_IsRefusedAgainstItsField()
    {
        using var handler = system.HandlingHttp(await system.TokenAsync("handler.rj1"));
        var caseId = await OpenCaseAsync(handler, Today.AddDays(-3), "Eve Error", LetterSteps.NewAddress());

        await RefusedAsync(handler, caseId, "staff", new { name = "Ned Nurse", role = "Nurse", workEmail = "not an address" }, "workEmail");

        var detail = await handler.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/v1/cases/{caseId}/detail", UriKind.Relative));
        Assert.Equal(0, detail.GetProperty("staff").GetArrayLength());
    }

    // The case's detail comes back; the member just added is the last of its staff.
    private static async Task<long> AddStaffAsync(HttpClient handler, Guid caseId, object staff) =>
        (await StepAsync(handler, caseId, "staff", staff)).GetProperty("staff").EnumerateArray().Last().GetProperty("id").GetInt64();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
