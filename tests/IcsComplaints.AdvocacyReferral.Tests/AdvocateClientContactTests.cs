using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using static IcsComplaints.AdvocacyReferral.Tests.AdvocacyTests;

namespace IcsComplaints.AdvocacyReferral.Tests;

/// <summary>
/// An advocate cannot help someone they cannot reach: the complainant's consent lets their advocate see how to contact
/// them. Intake holds the details and asks the advocacy-referral service about the consent at every read, with the
/// advocate's own token, and audits each read.
/// </summary>
public sealed class AdvocateClientContactTests(ComplaintHandlingSystem system)
{
    [Fact]
    public async Task AnAdvocateWithConsent_SeesHowToReachTheirClient_AndIntakeAuditsTheRead()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var advocateToken = await system.TokenAsync("advocate.adv01");
        using var advocate = system.Http(advocateToken);
        var caseId = await ComplainantCaseAsync(complainant);
        await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written");

        var view = await advocate.GetFromJsonAsync<JsonElement>(Path(caseId, "advocate-view"));

        var client = view.GetProperty("complainant");
        Assert.Equal("Demo Complainant", client.GetProperty("name").GetString());
        Assert.Equal("complainant@example.org", client.GetProperty("email").GetString());
        Assert.Equal(["5 Demo Street", "SE1 7EH"], client.GetProperty("addressLines").EnumerateArray().Select(l => l.GetString()));
        var complaintId = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative))).GetProperty("complaintId").GetString();
        var reads = await system.InIntakeDb(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.Read && e.ResourceId == complaintId && e.ActorRoles.Contains("advocate")).CountAsync());
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task IntakeGivesNoContactDetails_ToAnAdvocateOfAnotherService_OrOnceConsentIsRevoked()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var advocateToken = await system.TokenAsync("advocate.adv01");
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written");
        var complaintId = (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative))).GetProperty("complaintId").GetString()!;
        Assert.Equal("Demo Complainant", (await ContactAsync(complaintId, advocateToken)).Name);

        Assert.Equal(StatusCode.NotFound, await RefusalAsync(complaintId, await system.TokenAsync("advocate.adv02")));

        using (var revoke = await complainant.PostAsync(
            new Uri($"/api/v1/advocacy/grants/{referral.GetProperty("grant").GetProperty("id").GetGuid()}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        Assert.Equal(StatusCode.NotFound, await RefusalAsync(complaintId, advocateToken));
    }

    [Fact]
    public async Task TheAdvocateViewOverGrpc_CarriesTheClientsContactDetails_AndSaysWhenAccessEnded()
    {
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var advocateToken = await system.TokenAsync("advocate.adv01");
        var caseId = await ComplainantCaseAsync(complainant);
        var referral = await ReferAsync(handler, caseId, reviewDrafts: false, evidence: "Written");
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var cases = new CaseService.CaseServiceClient(channel);
        var request = new GetAdvocateViewRequest { CaseId = caseId.ToString() };

        var view = await cases.GetAdvocateViewAsync(request, GrpcCalls.Bearer(advocateToken));

        Assert.Equal(("Demo Complainant", "complainant@example.org"), (view.Complainant.Name, view.Complainant.Email));
        Assert.Equal(["5 Demo Street", "SE1 7EH"], view.Complainant.AddressLines);
        Assert.Equal(Stage.Received, view.Stage);
        var stranger = await Assert.ThrowsAsync<RpcException>(async () => await cases.GetAdvocateViewAsync(request, GrpcCalls.Bearer(await system.TokenAsync("advocate.adv02"))));
        Assert.Equal(StatusCode.NotFound, stranger.StatusCode);
        using (var revoke = await complainant.PostAsync(
            new Uri($"/api/v1/advocacy/grants/{referral.GetProperty("grant").GetProperty("id").GetGuid()}/revocation", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        var ended = await Assert.ThrowsAsync<RpcException>(async () => await cases.GetAdvocateViewAsync(request, GrpcCalls.Bearer(advocateToken)));
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
        Assert.Contains("Your access to this case ended on", ended.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<ComplainantContact> ContactAsync(string complaintId, string token)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        return await new ComplaintRecordsService.ComplaintRecordsServiceClient(channel).GetComplainantContactAsync(
            new GetComplainantContactRequest { ComplaintId = complaintId }, GrpcCalls.Bearer(token));
    }

    private async Task<StatusCode> RefusalAsync(string complaintId, string token)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => ContactAsync(complaintId, token));
        return refused.StatusCode;
    }
}
