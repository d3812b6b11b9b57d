using System.Net;
using System.Security.Claims;
using Grpc.Core;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// The correspondence service's own token (ADR 36) opens intake's GetComplainantContact, intake's GetComplaintStatement
/// for the written record of an oral complaint (ADR 37), and case's reads for the complainant's letters, and nothing
/// else; the learning service's (ADR 44) opens case's GetCommittedChanges alone: every other endpoint of every
/// service, read from their own route tables, refuses each before its handler runs, and real calls to case and intake
/// with the tokens issued by the identity service are refused. Those reads refuse anyone else.
/// </summary>
public sealed class ServiceIdentityBoundaryTests(IcsSystem system)
{
    private const string ContactMethod = "/ics.intake.v1.ComplaintRecordsService/GetComplainantContact";
    private const string FinalResponseMethod = "/ics.case.v1.CaseCorrespondenceService/GetSentFinalResponse";
    private const string SurveyLinkMethod = "/ics.case.v1.CaseCorrespondenceService/IssueSurveyLink";
    private const string StaffMemberMethod = "/ics.case.v1.CaseCorrespondenceService/GetStaffMember";
    private const string EarlyResolutionMethod = "/ics.case.v1.CaseCorrespondenceService/GetEarlyResolution";
    private const string StatementMethod = "/ics.intake.v1.ComplaintRecordsService/GetComplaintStatement";
    private const string CommittedChangesMethod = "/ics.case.v1.CaseLearningService/GetCommittedChanges";

    [Fact]
    public async Task EveryEndpointOfEveryService_ButTheReadsForLetters_RefusesTheCorrespondenceService() =>
        Assert.Equal(
            [$"case {EarlyResolutionMethod}", $"case {FinalResponseMethod}", $"case {StaffMemberMethod}", $"case {SurveyLinkMethod}", $"intake {ContactMethod}", $"intake {StatementMethod}"],
            await AdmittedAsync("correspondence", Roles.CorrespondenceService));

    [Fact]
    public async Task EveryEndpointOfEveryService_ButTheReadOfCommittedChanges_RefusesTheLearningService() =>
        Assert.Equal([$"case {CommittedChangesMethod}"], await AdmittedAsync("learning", Roles.LearningService));

    [Fact]
    public async Task TheReadOfCommittedChanges_RefusesAHandlerOfTheCasesOrganisation_AndTheCorrespondenceService()
    {
        var learning = new CaseLearningService.CaseLearningServiceClient(system.Case.CreateGrpcChannel());
        var request = new GetCommittedChangesRequest { CaseId = Guid.NewGuid().ToString() };

        var handler = await Assert.ThrowsAsync<RpcException>(async () =>
            await learning.GetCommittedChangesAsync(request, new Metadata { { "authorization", "Bearer " + await system.TokenAsync("handler.rj1") } }));
        var correspondence = await Assert.ThrowsAsync<RpcException>(async () =>
            await learning.GetCommittedChangesAsync(request, new Metadata { { "authorization", "Bearer " + await system.CorrespondenceTokenAsync() } }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await learning.GetCommittedChangesAsync(request, new Metadata { { "authorization", "Bearer " + await system.LearningTokenAsync() } }));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.NotFound), (handler.StatusCode, correspondence.StatusCode, unknown.StatusCode));
    }

    [Fact]
    public async Task TheLearningServicesToken_IsRefusedByCaseOverRest_AndByTheReadsForLetters()
    {
        var token = await system.LearningTokenAsync();

        using var cases = system.Case.Http(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await cases.GetAsync(new Uri($"/api/v1/cases/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        var letters = new CaseCorrespondenceService.CaseCorrespondenceServiceClient(system.Case.CreateGrpcChannel());
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await letters.GetSentFinalResponseAsync(new GetSentFinalResponseRequest { CaseId = Guid.NewGuid().ToString() }, new Metadata { { "authorization", "Bearer " + token } }));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private async Task<List<string>> AdmittedAsync(string subject, string role)
    {
        var service = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(IcsClaims.Subject, subject), new Claim(IcsClaims.Role, role)], "test", IcsClaims.Name, IcsClaims.Role));
        var admitted = new List<string>();
        foreach (var (name, services, _) in system.ServiceHosts())
        {
            foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            {
                var reached = false;
                var context = new DefaultHttpContext { User = service };
                context.SetEndpoint(endpoint);
                await new ServiceIdentityBoundary(_ => { reached = true; return Task.CompletedTask; }).InvokeAsync(context);
                if (reached)
                {
                    admitted.Add($"{name} {endpoint.RoutePattern.RawText}");
                }
                else
                {
                    Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
                }
            }
        }
        return [.. admitted.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TheReadsForLetters_RefuseAHandler_EvenOfTheCasesOwnOrganisation()
    {
        var headers = new Metadata { { "authorization", "Bearer " + await system.TokenAsync("handler.rj1") } };
        var letters = new CaseCorrespondenceService.CaseCorrespondenceServiceClient(system.Case.CreateGrpcChannel());

        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await letters.GetSentFinalResponseAsync(new GetSentFinalResponseRequest { CaseId = Guid.NewGuid().ToString() }, headers));
        var link = await Assert.ThrowsAsync<RpcException>(async () =>
            await letters.IssueSurveyLinkAsync(new IssueSurveyLinkRequest { CaseId = Guid.NewGuid().ToString() }, headers));
        var staff = await Assert.ThrowsAsync<RpcException>(async () =>
            await letters.GetStaffMemberAsync(new GetStaffMemberRequest { CaseId = Guid.NewGuid().ToString(), StaffId = 1 }, headers));
        var early = await Assert.ThrowsAsync<RpcException>(async () =>
            await letters.GetEarlyResolutionAsync(new GetEarlyResolutionRequest { CaseId = Guid.NewGuid().ToString() }, headers));

        Assert.Equal(
            (StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied),
            (read.StatusCode, link.StatusCode, staff.StatusCode, early.StatusCode));
    }

    [Fact]
    public async Task TheCorrespondenceServicesToken_IsRefusedByCaseAndIntake_OverRestAndGrpc()
    {
        var token = await system.CorrespondenceTokenAsync();

        using var cases = system.Case.Http(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await cases.GetAsync(new Uri("/api/v1/cases", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cases.GetAsync(new Uri($"/api/v1/cases/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        using var intake = system.Intake.Http(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync(new Uri("/api/v1/complaints", UriKind.Relative))).StatusCode);
        var caseGrpc = new CaseService.CaseServiceClient(system.Case.CreateGrpcChannel());
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await caseGrpc.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }, new Metadata { { "authorization", "Bearer " + token } }));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
