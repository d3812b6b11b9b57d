using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The complainant's experience survey by a link (ADR 34): issued by the case's complaints team once the response has
/// gone, answered without signing in by whoever holds the code, once, and published by month like any other survey.
/// </summary>
public sealed class SurveyByLinkTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task AComplainantAnswersTheirSurveyByLink_Once_WithoutSigningIn_AndTheAnswersArePublishedByMonth()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        using var otherTrust = system.Http(await system.TokenAsync("handler.rjz"));
        using var anyone = system.Http();
        var received = Today.AddDays(-20);
        var caseId = await OpenCaseAsync(handler, received, "Sunita Survey");

        // Not before the response has gone; never by another organisation, which is told nothing of the case.
        await IssueRefusedAsync(handler, caseId, HttpStatusCode.Conflict);
        await SendEarlyResponseAsync(handler, responsible, caseId, received, Today);
        await IssueRefusedAsync(otherTrust, caseId, HttpStatusCode.NotFound);
        var link = await IssueAsync(handler, caseId);
        Assert.Equal(Iso(Today.AddDays(56)), link.GetProperty("openUntil").GetString());
        var code = link.GetProperty("code").GetString()!;
        Assert.True(code.Length >= 43 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), code);

        // The code opens the survey; a missing or wrong one opens nothing, and says nothing of why.
        Assert.Equal(HttpStatusCode.NotFound, await OpenStatusAsync(anyone, null));
        Assert.Equal(HttpStatusCode.NotFound, await OpenStatusAsync(anyone, code[..^1] + (code[^1] == 'A' ? 'B' : 'A')));
        var survey = await OpenAsync(anyone, code);
        Assert.Equal("RJ1", survey.GetProperty("organisationCode").GetString());
        Assert.Equal(
            ["takenSeriously", "keptInformed", "updatesBeforeOutcome", "updatesPersonal", "madeADifference", "wouldComplainAgain"],
            survey.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()));
        Assert.DoesNotContain("Sunita", survey.GetRawText(), StringComparison.Ordinal);

        // Wrong answers are refused field by field and store nothing: the link still works.
        using (var wrong = await AnswerAsync(anyone, code, new { answers = new { takenSeriously = "Maybe", howWasIt = "Yes" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["answers.howWasIt", "answers.takenSeriously"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        using (var answered = await AnswerAsync(anyone, code, new { answers = new { takenSeriously = "Yes", keptInformed = "Partly", madeADifference = "NotSure" }, comment = "Thank you for the call." }))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        // Once: the link closes, and no other link can be issued for an answered survey.
        Assert.Equal(HttpStatusCode.NotFound, await OpenStatusAsync(anyone, code));
        using (var again = await AnswerAsync(anyone, code, new { answers = new { takenSeriously = "No" } }))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        await IssueRefusedAsync(handler, caseId, HttpStatusCode.Conflict);
        var stored = await system.InCaseDb(db => db.Database.SqlQuery<string>(
            $"SELECT answers::text || ' ' || coalesce(comment, '') AS \"Value\" FROM \"case\".survey_responses WHERE case_id = {caseId}").ToListAsync());
        var only = Assert.Single(stored);
        Assert.Contains("\"keptInformed\": \"Partly\"", only, StringComparison.Ordinal);
        Assert.Contains("\"madeADifference\": \"NotSure\"", only, StringComparison.Ordinal);
        Assert.EndsWith("Thank you for the call.", only, StringComparison.Ordinal);
        var invitations = await system.InCaseDb(db => db.SurveyInvitations.Where(i => i.CaseId == caseId).ToListAsync());
        Assert.Equal(Today, Assert.Single(invitations).AnsweredOn);

        // Published by month and organisation, without the comment, for reporting.
        var month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => Task.FromResult(system.Capture.Messages.Any(m =>
            m.Contains("\"Kind\":\"Complainant\"", StringComparison.Ordinal) && m.Contains($"\"Month\":\"{month}\"", StringComparison.Ordinal)
            && m.Contains("\"madeADifference\":\"NotSure\"", StringComparison.Ordinal))), Patience, "the survey is published");
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains("Thank you for the call", StringComparison.Ordinal) || m.Contains(code, StringComparison.Ordinal));
    }

    private static async Task<JsonElement> IssueAsync(HttpClient http, Guid caseId)
    {
        using var response = await http.PostAsJsonAsync(Path(caseId, "survey-invitations"), new { });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task IssueRefusedAsync(HttpClient http, Guid caseId, HttpStatusCode expected)
    {
        using var response = await http.PostAsJsonAsync(Path(caseId, "survey-invitations"), new { });
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<HttpStatusCode> OpenStatusAsync(HttpClient http, string? code)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/surveys/link", code));
        return response.StatusCode;
    }

    private static async Task<JsonElement> OpenAsync(HttpClient http, string code)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Get, "/api/v1/surveys/link", code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient http, string code, object answers)
    {
        var request = Request(HttpMethod.Post, "/api/v1/surveys/link/answers", code);
        request.Content = JsonContent.Create(answers);
        return http.SendAsync(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? code)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (code is not null)
        {
            request.Headers.Add("X-Survey-Code", code);
        }
        return request;
    }
}
