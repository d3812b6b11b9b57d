using System.Text.Json;
using Grpc.Core;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

using static IcsComplaints.TestKit.ApiCalls;
using static IcsComplaints.TestKit.CaseApiSteps;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// What a final response says "we will change" reaches learning as proposed actions (ADR 44), through the real chain:
/// case publishes <c>FinalResponseSent</c> with a count, learning reads the wording from case's
/// <c>CaseLearningService</c> under its own token from the identity service, and proposes one action per change.
/// </summary>
public sealed class FinalResponseLearningTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static DateOnly Today => LondonTime.Today(TimeProvider.System);

    [Fact]
    public async Task ASentResponseWithTwoChanges_BecomesTwoProposedActionsAtLearning_ReadFromCaseUnderLearningsOwnIdentity()
    {
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        using var responsible = system.GatewayHttp(await system.TokenAsync("responsible.rj1"));
        using var lead = system.GatewayHttp(await system.TokenAsync("quality.rj1"));
        var received = Today.AddDays(-10);
        var caseId = await OpenCaseAsync(handler, received);

        // Before its response is sent, case has no changes to give learning.
        var changes = new CaseLearningService.CaseLearningServiceClient(system.Case.CreateGrpcChannel());
        var unsent = await Assert.ThrowsAsync<RpcException>(async () => await changes.GetCommittedChangesAsync(
            new GetCommittedChangesRequest { CaseId = caseId.ToString() }, new Metadata { { "authorization", "Bearer " + await system.LearningTokenAsync() } }));
        Assert.Equal(StatusCode.NotFound, unsent.StatusCode);

        await SendEarlyResponseAsync(handler, responsible, caseId, received, Today,
            [("Clinic cancellation letters give the reason.", Today.AddDays(45)), ("Reception phones patients whose clinic is cancelled.", Today.AddDays(75))]);

        List<JsonElement> proposed = [];
        await Eventually.TrueAsync(async () =>
        {
            proposed = [.. (await GetAsync(lead, $"/api/v1/learning/actions?organisation=RJ1&caseId={caseId}")).GetProperty("items").EnumerateArray()];
            return proposed.Count == 2;
        }, Patience, "learning proposes the response's two changes");
        Assert.Equal(
            [("Clinic cancellation letters give the reason.", Today.AddDays(45)), ("Reception phones patients whose clinic is cancelled.", Today.AddDays(75))],
            proposed.Select(a => (a.GetProperty("whatWillChange").GetString(), a.GetProperty("dueOn").Day())).OrderBy(a => a.Item2));
        Assert.All(proposed, a => Assert.Equal(("Proposed", ""), (a.GetProperty("status").GetString(), a.GetProperty("owner").GetString())));

        // Case audits the read as the learning service's, of the case's organisation.
        var read = await system.InCaseDb(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResourceId == caseId.ToString() && e.Action == AuditAction.Read && e.ActorId == "learning").ToListAsync());
        Assert.Contains(read, e => e.ActorRoles == "learning-service" && e.ResourceOrganisation == "RJ1");
    }
}
