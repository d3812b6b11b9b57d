using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Net.Client;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Personal data stays in the service that owns it: a full flow (public and staff submissions over REST and gRPC,
/// a rejected submission, reads by staff and the complainant, the case opening and its event coming back) leaves
/// no name, e-mail address, telephone number or NHS number in any log line, trace span or message.
/// </summary>
public sealed class PrivacyTests(IcsSystem system)
{
    [Fact]
    public async Task AFullFlow_LeavesNoPersonalDataInLogsTracesOrMessages()
    {
        var tag = RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = $"Zebedee Quillfeather{tag}";
        var patient = $"Philippa Marchbanks{tag}";
        var email = $"zq{tag}@example.org";
        var phoneTyped = $"0161 496 {tag[..4]}";
        var phoneDigits = phoneTyped.Replace(" ", "", StringComparison.Ordinal);
        var nhsNumber = TestNhsNumber();
        var nhsTyped = $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}";
        var secrets = new[] { name, patient, email, phoneTyped, phoneDigits, nhsNumber, nhsTyped, $"{tag}@example" };

        // A member of the public submits online, then checks progress.
        using var anonymous = system.GatewayHttp();
        using var online = await anonymous.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            complainant = new { name, email, phone = phoneTyped },
            patient = new { name = patient, nhsNumber = nhsTyped, dateOfBirth = "1950-02-03" },
            description = $"Complaint about {patient}'s care, NHS number {nhsTyped}.",
        });
        Assert.Equal(HttpStatusCode.Created, online.StatusCode);
        var submitted = await online.Content.ReadFromJsonAsync<JsonElement>();
        var complaintId = submitted.GetProperty("id").GetGuid();
        var reference = submitted.GetProperty("reference").GetString()!;

        // The same person's details, rejected: the problem names fields, and nothing personal is logged.
        using var rejected = await anonymous.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            complainant = new { name, email = name, phone = $"call {name} on {phoneTyped}" },
            patient = new { nhsNumber = nhsTyped + "9" },
            description = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);

        // A PALS system records it over gRPC through the gateway.
        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var pals = await new IntakeService.IntakeServiceClient(channel).SubmitComplaintAsync(new SubmitComplaintRequest
        {
            OrganisationCode = "RJ1",
            Channel = Channel.Pals,
            Complainant = new Complainant { Name = name, Email = email, Phone = phoneTyped },
            Patient = new Patient { Name = patient, NhsNumber = nhsNumber },
            Description = $"Recorded by PALS for {name}.",
        }, IcsSystem.Bearer(await system.ClientTokenAsync("pals-rj1")));

        // Staff read it; the case opens and its event comes back to intake.
        using var staff = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var detail = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/complaints/{complaintId}", UriKind.Relative));
        Assert.Equal(nhsNumber, detail.GetProperty("patient").GetProperty("nhsNumber").GetString());
        // Both complaints' events have gone round (intake, case, and back), and reporting has consumed both.
        var both = new[] { complaintId, Guid.Parse(pals.ComplaintId) };
        await Eventually.TrueAsync(
            async () => await system.InIntakeDb(db => db.Complaints.CountAsync(c => both.Contains(c.Id) && c.CaseOpenedAt != null)) == 2
                && await system.InReportingDb(db => db.Cases.CountAsync(c => c.ComplaintId != null && both.Contains(c.ComplaintId.Value))) == 2,
            TimeSpan.FromSeconds(60), "both cases opened and intake and reporting heard of them");
        var cases = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative));
        var caseId = cases.GetProperty("items")[0].GetProperty("caseId").GetString();
        using var caseRead = await staff.GetAsync(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, caseRead.StatusCode);

        // The capture saw this flow (so an empty search means something) ...
        Assert.Contains(system.Capture.Messages, m => m.Contains(complaintId.ToString(), StringComparison.Ordinal));
        Assert.Contains(system.Capture.SpanTexts, s => s.Contains("/api/v1/complaints", StringComparison.Ordinal));
        Assert.Contains(system.Capture.Logs, l => l.Contains(complaintId.ToString(), StringComparison.Ordinal) || l.Contains("complaints", StringComparison.Ordinal));

        // ... and found none of the personal data in it.
        var leaks = secrets
            .SelectMany(secret => Where(system.Capture.Logs, "log", secret)
                .Concat(Where(system.Capture.SpanTexts, "trace", secret))
                .Concat(Where(system.Capture.Messages, "message", secret)))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data found:\n" + string.Join("\n", leaks.Take(20)));
    }

    private static IEnumerable<string> Where(IEnumerable<string> texts, string kind, string secret) =>
        texts.Where(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase))
            .Select(t => $"{kind} contains '{secret}': {t[..Math.Min(t.Length, 300)]}");

    // A valid NHS number in the 999 range kept for test data (domain.md §7).
    private static string TestNhsNumber()
    {
        while (true)
        {
            var digits = "999" + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }
            if (check != 10)
            {
                return digits + check;
            }
        }
    }
}
