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
        }, GrpcCalls.Bearer(await system.ClientTokenAsync("pals-rj1")));

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

    [Fact]
    public async Task SigningIn_LeavesNoUserNameOrNameInIdentitysLogOrTraces()
    {
        var tag = RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var userName = $"zebedee.quillfeather{tag}@example.org";
        var displayName = $"Zebedee Quillfeather{tag}";
        var stranger = $"philippa.marchbanks{tag}@example.org";
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        var secrets = new[] { userName, displayName, stranger, $"quillfeather{tag}", $"marchbanks{tag}" };

        // An administrator adds the person, with their e-mail address as user name, and lists the users.
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative),
            new { userName, displayName, password, roles = new[] { "complainant" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await admin.GetAsync(new Uri("/api/v1/identity/users", UriKind.Relative))).EnsureSuccessStatusCode();

        // They get a token through the gateway, mistype their password once, and someone tries a name that is not there.
        using var gateway = system.GatewayHttp();
        var (granted, token) = await SignInPage.PasswordGrantAsync(gateway, userName, password);
        Assert.Equal(HttpStatusCode.OK, granted);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInPage.PasswordGrantAsync(gateway, userName, password + "x")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInPage.PasswordGrantAsync(gateway, stranger, password)).Status);

        // They use the token; then a web client sends them to sign in with their user name as a hint (OpenID Connect's
        // login_hint), and they sign in on the sign-in page (wrongly, then rightly); so does the stranger. The browser
        // talks to identity itself here, so that identity's own request log is what is searched for the hint.
        using var signedIn = system.GatewayHttp(token.GetProperty("access_token").GetString());
        using var own = await signedIn.GetAsync(new Uri("/api/v1/cases", UriKind.Relative));
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);
        using var authorize = await browser.GetAsync(new Uri(
            "/connect/authorize?client_id=ics-web&response_type=code&scope=openid%20ics-api&redirect_uri=http%3A%2F%2F127.0.0.1%2Fsignin-callback" +
            $"&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&login_hint={Uri.EscapeDataString(userName)}", UriKind.Relative));
        var returnUrl = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query)["ReturnUrl"]!;
        using var signInPage = await browser.GetAsync(authorize.Headers.Location);
        using var wrong = await SignInPage.SignInAsync(browser, userName, password + "x", returnUrl);
        using var right = await SignInPage.SignInAsync(browser, userName, password, returnUrl);
        using var back = await browser.GetAsync(right.Headers.Location);
        using var unknown = await SignInPage.SignInAsync(SignInPage.Browser(system.Identity.HttpAddress), stranger, password);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("http://127.0.0.1/signin-callback", back.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        // No user name or name in any log line or span, of identity or of any service the token reached ...
        var leaks = secrets
            .SelectMany(secret => Where(system.Capture.Logs, "log", secret).Concat(Where(system.Capture.SpanTexts, "trace", secret)))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal identifiers found:\n" + string.Join("\n", leaks.Take(20)));

        // ... though the capture saw identity at work, naming the account by its id (so the empty search means something).
        var identityLog = system.Capture.LogsOf("IcsComplaints.Identity.Api").ToList();
        Assert.Contains(identityLog, l => l.Contains(userId, StringComparison.Ordinal) && l.Contains("signed in", StringComparison.Ordinal));
        Assert.Contains(identityLog, l => l.Contains(userId, StringComparison.Ordinal) && l.Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains(identityLog, l => l.Contains("no such user", StringComparison.Ordinal));
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
