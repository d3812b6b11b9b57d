using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// Steps recorded after the day they were taken keep that day — the response date agreed (Reg 13(7)/(8)), the
/// signature and sending of the final response (Reg 14), closure, the Ombudsman referral and the survey — and none
/// lies in the future or before the step it follows.
/// </summary>
public sealed class BackDatedStepsTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task ACaseFromThreeMonthsAgo_IsRecordedDayByDay_ToItsResponse_ClosureAndTheOmbudsman()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        using var responsible = system.Http(await system.TokenAsync("responsible.rj1"));
        var received = Today.AddDays(-90);
        var caseId = await OpenCaseAsync(handler, received);
        await StepAsync(handler, caseId, "acknowledgement", new { acknowledgedOn = Iso(received.AddDays(1)), channel = "Letter", discussionOffered = true });
        await StepAsync(handler, caseId, "early-resolution", new { startedOn = Iso(received.AddDays(2)) });

        // The response date is checked against the day it was agreed, not the day it is typed in.
        var agreedOn = received.AddDays(3);
        await RefusedAsync(handler, caseId, "response-date", new { agreedOn = Iso(Today.AddDays(1)), dueBy = Iso(Calendar.AddWorkingDays(Today, 10)) }, "agreedOn");
        await RefusedAsync(handler, caseId, "response-date", new { agreedOn = Iso(agreedOn), dueBy = Iso(Calendar.AddWorkingDays(agreedOn, 0)) }, "dueBy");
        var dueBy = Calendar.AddWorkingDays(agreedOn, 20);
        var detail = await StepAsync(handler, caseId, "response-date", new { agreedOn = Iso(agreedOn), dueBy = Iso(dueBy) });
        Assert.Equal(Iso(dueBy), detail.GetProperty("agreements")[0].GetProperty("dueBy").GetString());

        await StepAsync(handler, caseId, "response-draft", new
        {
            complaintSummary = "You told us the follow-up appointment was cancelled twice.",
            outcomesSought = "An explanation.",
            investigation = "We read the booking records.",
            findings = new[] { new { issue = "Cancelled appointments", conclusion = "They were cancelled without a reason given.", reasons = "The booking records.", upheld = true } },
            apology = "We are sorry.",
            changes = new[] { new { action = "Letters give the reason.", by = Iso(Today.AddDays(30)) } },
        }, put: true);

        // Signed on its own day over gRPC too; never in the future, never before the response was being prepared.
        var signedOn = received.AddDays(20);
        using (var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress))
        {
            var cases = new CaseService.CaseServiceClient(channel);
            var auth = GrpcCalls.Bearer(await system.TokenAsync("responsible.rj1"));
            var future = await Assert.ThrowsAsync<RpcException>(() => cases.SignFinalResponseAsync(
                new SignFinalResponseRequest { CaseId = caseId.ToString(), Name = "Rhys Responsible", Title = "Chief Executive", SignedOn = Iso(Today.AddDays(1)) }, auth).ResponseAsync);
            Assert.Equal("signed_on", Assert.Single(future.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
            var signed = (await cases.SignFinalResponseAsync(
                new SignFinalResponseRequest { CaseId = caseId.ToString(), Name = "Rhys Responsible", Title = "Chief Executive", SignedOn = Iso(signedOn) }, auth)).Detail;
            Assert.Equal(Iso(signedOn), signed.SignedOn);
        }
        await RefusedAsync(responsible, caseId, "final-response/signature", new { name = "Rhys Responsible", title = "Chief Executive", signedOn = Iso(received.AddDays(1)) }, "signedOn");

        await RefusedAsync(handler, caseId, "final-response/sending", new { channel = "Letter", sentOn = Iso(signedOn.AddDays(-1)) }, "sentOn");
        var sentOn = signedOn.AddDays(1);
        detail = await StepAsync(handler, caseId, "final-response/sending", new { channel = "Letter", sentOn = Iso(sentOn) });
        Assert.Equal(Iso(sentOn), detail.GetProperty("finalResponseSentOn").GetString());

        await StepAsync(handler, caseId, "coding", new
        {
            subjects = new[] { "Appointments" }, serviceArea = "Medical", professions = new[] { "Administrative and clerical" }, ageBand = "56-64", complainantStatus = "Patient",
        }, put: true);
        await RefusedAsync(handler, caseId, "closure", new { closedOn = Iso(sentOn.AddDays(-1)) }, "closedOn");
        detail = await StepAsync(handler, caseId, "closure", new { closedOn = Iso(sentOn.AddDays(2)) });
        Assert.Equal("Closed", detail.GetProperty("summary").GetProperty("stage").GetString());

        await RefusedAsync(handler, caseId, "surveys/Complainant", new { answers = new { takenSeriously = "Yes" }, answeredOn = Iso(sentOn.AddDays(-1)) }, "answeredOn");
        await RefusedAsync(handler, caseId, "surveys/Complainant", new { answers = new { takenSeriously = "Yes" }, answeredOn = Iso(Today.AddDays(1)) }, "answeredOn");
        var answeredOn = sentOn.AddDays(10);
        using (var survey = await handler.PostAsJsonAsync(Path(caseId, "surveys/Complainant"), new { answers = new { takenSeriously = "Yes" }, answeredOn = Iso(answeredOn) }))
        {
            Assert.Equal(HttpStatusCode.NoContent, survey.StatusCode);
        }

        await RefusedAsync(handler, caseId, "ombudsman-referral", new { learnedOn = Iso(sentOn.AddDays(-1)) }, "learnedOn");
        detail = await StepAsync(handler, caseId, "ombudsman-referral", new { learnedOn = Iso(sentOn.AddDays(40)) });
        Assert.Equal(Iso(sentOn.AddDays(40)), detail.GetProperty("ombudsmanReferralLearnedOn").GetString());

        // The events carry the days the steps were taken: the response went by the date agreed, the survey counts in its month.
        await Eventually.TrueAsync(() => Task.FromResult(
            Published(caseId, $"\"SentOn\":\"{Iso(sentOn)}\"") && Published(caseId, "\"ByAgreedDate\":true") && Published(caseId, $"\"LearnedOn\":\"{Iso(sentOn.AddDays(40))}\"")),
            Patience, "the back-dated response and referral are published with their days");
        await Eventually.TrueAsync(() => Task.FromResult(system.Capture.Messages.Any(m =>
            m.Contains("\"Kind\":\"Complainant\"", StringComparison.Ordinal) && m.Contains("\"Month\":\"" + answeredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "\"", StringComparison.Ordinal))),
            Patience, "the survey is published in the month it was answered");
    }

    private bool Published(Guid caseId, string fragment) =>
        system.Capture.Messages.Any(m => m.Contains(caseId.ToString(), StringComparison.Ordinal) && m.Contains(fragment, StringComparison.Ordinal));
}
