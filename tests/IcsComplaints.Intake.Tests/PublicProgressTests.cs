using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// Someone who complained online follows their complaint with the reference and the secret: received, acknowledged,
/// being looked into with the response date, response sent, closed — and then how to go to the Ombudsman.
/// </summary>
public sealed class PublicProgressTests(ComplaintHandlingSystem system)
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ThePublicProgress_FollowsTheCase_FromReceiptToClosure_AndThenSignpostsTheOmbudsman()
    {
        using var anonymous = system.Intake.Http();
        using var handler = system.Case.Http(await system.TokenAsync("handler.rj1"));
        using var investigator = system.Case.Http(await system.TokenAsync("investigator.rj1"));
        using var responsible = system.Case.Http(await system.TokenAsync("responsible.rj1"));
        var submitted = await ApiCalls.PostAsync(anonymous, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Grace Hopper", email = "grace@example.org" },
            description = "Reception staff were rude to my mother.",
        }, HttpStatusCode.Created);
        var reference = submitted.GetProperty("reference").GetString()!;
        var secret = submitted.GetProperty("statusSecret").GetString()!;
        var today = LondonTime.Today(TimeProvider.System);

        var progress = await ProgressAsync(anonymous, reference, secret, "BeingHandled");
        Assert.False(progress.TryGetProperty("ombudsman", out _));
        var caseId = (await ApiCalls.GetAsync(handler, $"/api/v1/cases?reference={reference}")).GetProperty("items")[0].GetProperty("caseId").GetGuid();
        var c = $"/api/v1/cases/{caseId}";

        await ApiCalls.PostAsync(handler, $"{c}/acknowledgement", new { channel = "Email", discussionOffered = true });
        progress = await ProgressAsync(anonymous, reference, secret, "Acknowledged", p => p.TryGetProperty("acknowledgedOn", out _));
        Assert.Equal(Iso(today), progress.GetProperty("acknowledgedOn").GetString());

        await ApiCalls.PostAsync(handler, $"{c}/closer-look", new
        {
            reason = "The complainant wants the staff spoken to.",
            issues = new[] { "Rudeness at reception" },
            outcomesSought = new[] { "An apology" },
            investigator = new { name = "Ivy Investigator" },
            priorInvolvement = false,
            conflictOfInterest = false,
            responsiblePerson = new { name = "Rhys Responsible" },
        });
        var due = Calendar.AddWorkingDays(today, 20);
        await ApiCalls.PostAsync(handler, $"{c}/response-date", new { dueBy = Iso(due) });
        progress = await ProgressAsync(anonymous, reference, secret, "BeingLookedInto", p => p.TryGetProperty("responseDueBy", out var d) && d.GetString() == Iso(due));
        Assert.Contains(due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), progress.GetProperty("progress").GetString(), StringComparison.Ordinal);

        await ApiCalls.PutAsync(investigator, $"{c}/response-draft", new
        {
            complaintSummary = "You told us reception staff were rude to your mother.",
            outcomesSought = "An apology.",
            investigation = "We spoke to the reception team.",
            findings = new[] { new { issue = "Rudeness at reception", conclusion = "Staff were abrupt.", reasons = "Two staff confirmed it.", upheld = true } },
            apology = "We are sorry for how your mother was spoken to.",
            changes = new[] { new { action = "Customer care training for reception", by = Iso(today.AddDays(60)) } },
        });
        await ApiCalls.PostAsync(responsible, $"{c}/final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive" });
        await ApiCalls.PostAsync(handler, $"{c}/final-response/sending", new { channel = "Email" });
        progress = await ProgressAsync(anonymous, reference, secret, "ResponseSent", p => p.TryGetProperty("responseSentOn", out _));
        Assert.Equal(Iso(today), progress.GetProperty("responseSentOn").GetString());

        await ApiCalls.PutAsync(handler, $"{c}/coding", new
        {
            subjects = new[] { "Communications" }, serviceArea = "A&E", professions = new[] { "Nursing, midwifery and health visiting" },
            ageBand = "75+", complainantStatus = "On behalf of the patient",
        });
        await ApiCalls.PostAsync(handler, $"{c}/closure", new { });
        progress = await ProgressAsync(anonymous, reference, secret, "Closed", p => p.TryGetProperty("closedOn", out _));
        Assert.Equal(Iso(today), progress.GetProperty("closedOn").GetString());
        var ombudsman = progress.GetProperty("ombudsman");
        Assert.Equal("0345 015 4033", ombudsman.GetProperty("phone").GetString());
        Assert.Equal("https://www.ombudsman.org.uk", ombudsman.GetProperty("website").GetString());
    }

    [Fact]
    public async Task AComplaintTransferredByTheIcb_IsNotShownClosed_WhenTheIcbsCaseClosesOnTransfer()
    {
        using var anonymous = system.Intake.Http();
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        var submitted = await ApiCalls.PostAsync(anonymous, "/api/v1/complaints", new
        {
            organisationCode = "QKK",
            aboutOrganisationCodes = new[] { "RJ1" },
            shareWithProviderConsent = "Given",
            complainant = new { name = "Ada Lovelace", email = "ada@example.org" },
            description = "The hospital lost my referral.",
        }, HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetString();
        var reference = submitted.GetProperty("reference").GetString()!;
        var secret = submitted.GetProperty("statusSecret").GetString()!;
        await ProgressAsync(anonymous, reference, secret, "BeingHandled");
        await ApiCalls.PostAsync(icb, $"/api/v1/complaints/{id}/routing", new { decision = "Transfer", toOrganisationCode = "RJ1" });

        // The provider's case opens; the ICB's closes as transferred, which is not the complaint closing.
        using var provider = system.Case.Http(await system.TokenAsync("handler.rj1"));
        await Eventually.TrueAsync(
            async () => (await ApiCalls.GetAsync(provider, $"/api/v1/cases?reference={reference}")).GetProperty("items").GetArrayLength() == 1,
            TimeSpan.FromSeconds(30), "the provider's case opens");
        var caseId = (await ApiCalls.GetAsync(provider, $"/api/v1/cases?reference={reference}")).GetProperty("items")[0].GetProperty("caseId").GetGuid();
        await ApiCalls.PostAsync(provider, $"/api/v1/cases/{caseId}/acknowledgement", new { channel = "Email", discussionOffered = true });
        var progress = await ProgressAsync(anonymous, reference, secret, "Acknowledged");
        Assert.False(progress.TryGetProperty("closedOn", out _));
    }

    // Events arrive asynchronously: wait until the page shows the status (and anything else asked for).
    private static async Task<JsonElement> ProgressAsync(HttpClient http, string reference, string secret, string status, Func<JsonElement, bool>? also = null)
    {
        JsonElement last = default;
        await Eventually.TrueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/status?reference={reference}");
            request.Headers.Add("X-Complaint-Secret", secret);
            using var response = await http.SendAsync(request);
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            return last.TryGetProperty("status", out var s) && s.GetString() == status && (also is null || also(last));
        }, TimeSpan.FromSeconds(30), $"the progress page shows {status}");
        return last;
    }
}
