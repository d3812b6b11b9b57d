using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using GrpcCase = IcsComplaints.Case.Contracts.Grpc.V1.Case;

namespace IcsComplaints.Case.Tests;

/// <summary>The steps of the complaint handling procedure over gRPC, on the case service's own port, with the rules of the REST API.</summary>
public sealed class CaseGrpcTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public sealed record Submitted(Guid Id, string Reference);

    // Submits a complaint to RJ1 over REST, received today, and waits for its case, found over gRPC by reference.
    private async Task<GrpcCase> OpenCaseAsync(CaseService.CaseServiceClient cases, Metadata auth, string token)
    {
        using var http = system.Http(token);
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Ada Lovelace", email = "ada@example.org" },
            description = "My mother's follow-up appointment was cancelled twice without explanation.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<Submitted>())!;

        GrpcCase? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await cases.ListCasesAsync(new ListCasesRequest { Reference = submitted.Reference }, auth)).Cases.SingleOrDefault();
            return found is not null;
        }, Patience, $"a case exists for {submitted.Reference}");
        return found!;
    }

    [Fact]
    public async Task Grpc_AcknowledgeEarlyResolutionAndDraft_MoveTheCaseToResponseDrafted_WithNothingMissingFromTheResponse()
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var cases = new CaseService.CaseServiceClient(channel);
        var token = await system.TokenAsync("handler.rj1");
        var auth = GrpcCalls.Bearer(token);
        var opened = await OpenCaseAsync(cases, auth, token);
        Assert.Equal(Stage.Received, opened.Stage);
        Assert.Empty(opened.OnHold);

        var acknowledged = (await cases.AcknowledgeAsync(
            new AcknowledgeRequest { CaseId = opened.CaseId, Channel = "Letter", DiscussionOffered = true }, auth)).Detail;
        Assert.Equal(Stage.Acknowledged, acknowledged.Summary.Stage);
        Assert.True(acknowledged.DiscussionOffered);
        Assert.NotEmpty(acknowledged.AcknowledgedOn);

        var early = (await cases.StartEarlyResolutionAsync(new StartEarlyResolutionRequest { CaseId = opened.CaseId }, auth)).Detail;
        Assert.Equal(Stage.EarlyResolution, early.Summary.Stage);
        Assert.NotEmpty(early.EarlyResolutionDueBy);

        var changeBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var drafted = (await cases.SaveResponseDraftAsync(new SaveResponseDraftRequest
        {
            CaseId = opened.CaseId,
            ComplaintSummary = "The follow-up appointment was cancelled twice without explanation.",
            OutcomesSought = "An explanation, and a new appointment.",
            Investigation = "We reviewed the booking records and spoke to the outpatient booking team.",
            Findings =
            {
                new Finding
                {
                    Issue = "Cancelled appointments",
                    Conclusion = "Both cancellations followed the consultant's sickness absence, and letters were sent each time.",
                    Reasons = "The booking system shows a cancellation letter on each date.",
                    Upheld = false,
                },
            },
            Apology = "We apologise that the letters did not explain why the appointments were cancelled.",
            Changes = { new Change { Action = "Cancellation letters will give the reason.", By = changeBy } },
            Remedy = "A new appointment has been booked.",
        }, auth)).Detail;

        Assert.Equal(Stage.ResponseDrafted, drafted.Summary.Stage);
        Assert.Empty(drafted.MissingFromResponse);
        var finding = Assert.Single(drafted.Draft.Findings);
        Assert.False(finding.Upheld);
        Assert.Equal(changeBy, Assert.Single(drafted.Draft.Changes).By);
        Assert.Equal(drafted, (await cases.GetCaseDetailAsync(new GetCaseDetailRequest { CaseId = opened.CaseId }, auth)).Detail);
    }

    [Fact]
    public async Task Grpc_ABadStep_FailsWithInvalidArgumentNamingTheField_AndAnUnknownCaseIsNotFound()
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var cases = new CaseService.CaseServiceClient(channel);
        var token = await system.TokenAsync("handler.rj1");
        var auth = GrpcCalls.Bearer(token);
        var opened = await OpenCaseAsync(cases, auth, token);

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            cases.AgreeResponseDateAsync(new AgreeResponseDateRequest { CaseId = opened.CaseId, DueBy = "2026-02-30" }, auth).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            cases.AgreeResponseDateAsync(new AgreeResponseDateRequest { CaseId = Guid.NewGuid().ToString(), DueBy = "2030-01-07" }, auth).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var badRequest = invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal("due_by", Assert.Single(badRequest.FieldViolations).Field);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(Stage.Received, (await cases.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, auth)).Case.Stage);
    }
}
