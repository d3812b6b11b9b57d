using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static IcsComplaints.TestKit.ApiCalls;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// Whose time it was: complaints made to NHS South East London ICB (QKK) about its provider RJ2, published as intake
/// and the case service publish them, give the ICB its own days apart from the provider's. June 2021 is used by no
/// other test.
/// </summary>
public sealed class TransfersReportingTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheIcbsDays_AreCountedApartFromTheProviders_AndWhatWaitsForConsentIsTheIcbsAlone()
    {
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        // Waiting since Thursday 3 June 2021, no answer yet.
        var waiting = Guid.NewGuid();
        await Send(bus, Submitted(waiting, new DateOnly(2021, 6, 3), ComplaintRoute.AwaitingConsent));
        // Received Tuesday 1 June, consent on Friday 4th (3 working days), transferred Wednesday 9th (3 more), answered
        // by RJ2 on Wednesday 30th: 15 working days after the transfer, though 21 after receipt.
        var answered = Guid.NewGuid();
        var answeredCase = Guid.NewGuid();
        await Send(bus, Submitted(answered, new DateOnly(2021, 6, 1), ComplaintRoute.AwaitingConsent));
        await Send(bus, new ConsentRecorded { ComplaintId = answered, Given = true, RecordedOn = new DateOnly(2021, 6, 4) });
        await Send(bus, Transferred(answered, new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 9)));
        await Send(bus, new CaseOpened
        {
            CaseId = answeredCase, ComplaintId = answered, Reference = "TRAN-0001", OrganisationCode = "RJ2", ReceivedOn = new DateOnly(2021, 6, 1),
            AcknowledgementDueBy = new DateOnly(2021, 6, 4), OpenedAt = DateTimeOffset.UtcNow,
        });
        await Send(bus, new FinalResponseSent
        {
            CaseId = answeredCase, ComplaintId = answered, OrganisationCode = "RJ2", ReceivedOn = new DateOnly(2021, 6, 1), SentOn = new DateOnly(2021, 6, 30),
            Outcome = "PartiallyUpheld", ResolvedEarly = false, WorkingDaysTaken = 21, ByAgreedDate = true, Renegotiations = 0, WithinBackstop = true,
            UpdatesBeforeOutcome = 1, Findings = 2, FindingsUpheld = 1, Apology = true, Changes = 1, Remedy = false,
        });
        // Consent given with the complaint on Monday 14 June, transferred Thursday 17th; the transfer overtakes the
        // submission, and RJ2 has not answered.
        var open = Guid.NewGuid();
        await Send(bus, Transferred(open, new DateOnly(2021, 6, 14), new DateOnly(2021, 6, 17)));
        await Send(bus, Submitted(open, new DateOnly(2021, 6, 14), ComplaintRoute.AwaitingRoutingDecision));

        await Eventually.TrueAsync(async () => await system.InReportingDb(async db =>
            await db.Transfers.CountAsync(t => (t.ComplaintId == waiting || t.ComplaintId == answered || t.ComplaintId == open) && t.SubmittedToIcb) == 3
            && await db.Transfers.AnyAsync(t => t.ComplaintId == answered && t.ConsentRecordedOn != null && t.TransferredOn != null)
            && await db.Transfers.AnyAsync(t => t.ComplaintId == open && t.TransferredOn != null)
            && await db.Cases.AnyAsync(c => c.CaseId == answeredCase && c.ReceivedOn != null && c.ResponseSentOn != null)),
            Patience, "reporting has consumed the transfers");

        using var icb = system.Http(await system.TokenAsync("commissioner.qkk"));
        var view = await GetAsync(icb, "/api/v1/reporting/oversight/transfers?from=2021-06&to=2021-06");

        Assert.Equal("2021-06..2021-06", view.GetProperty("period").GetString());
        var waits = view.GetProperty("awaitingConsent").EnumerateArray().Where(w => w.GetProperty("receivedOn").GetString() == "2021-06-03").ToList();
        Assert.Single(waits);
        Assert.True(waits[0].GetProperty("workingDaysWaiting").GetInt32() > 1000);
        Assert.True(view.GetProperty("awaitingConsentCount").GetInt32() >= 1);

        var transfers = view.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal(["2021-06-17", "2021-06-09"], transfers.Select(t => t.GetProperty("transferredOn").GetString()));
        var done = transfers[1];
        Assert.Equal((answeredCase, "QKK", "RJ2", "2021-06-01"), (done.GetProperty("caseId").GetGuid(), done.GetProperty("fromOrganisationCode").GetString(),
            done.GetProperty("toOrganisationCode").GetString(), done.GetProperty("receivedOn").GetString()));
        Assert.Equal((6, 3, 3, 15, true), (done.GetProperty("icbWorkingDays").GetInt32(), done.GetProperty("consentWorkingDays").GetInt32(),
            done.GetProperty("triageWorkingDays").GetInt32(), done.GetProperty("providerWorkingDays").GetInt32(), done.GetProperty("providerFinished").GetBoolean()));
        Assert.Equal(("PartiallyUpheld", "2021-06-30"), (done.GetProperty("outcome").GetString(), done.GetProperty("outcomeOn").GetString()));
        var ongoing = transfers[0];
        // No provider case reported opened yet: the API leaves the case id out.
        Assert.Equal((3, 0, 3, false, false), (ongoing.GetProperty("icbWorkingDays").GetInt32(), ongoing.GetProperty("consentWorkingDays").GetInt32(),
            ongoing.GetProperty("triageWorkingDays").GetInt32(), ongoing.GetProperty("providerFinished").GetBoolean(), ongoing.TryGetProperty("caseId", out _)));

        var rj2 = view.GetProperty("providers").EnumerateArray().Single();
        Assert.Equal(("RJ2", 2, 1, 4.5, 15.0), (rj2.GetProperty("organisationCode").GetString(), rj2.GetProperty("transfers").GetInt32(),
            rj2.GetProperty("finished").GetInt32(), rj2.GetProperty("medianIcbWorkingDays").GetDouble(), rj2.GetProperty("medianProviderWorkingDays").GetDouble()));

        // The same over gRPC, for the ICB's own systems.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        var client = new IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceClient(channel);
        var overGrpc = await client.GetTransfersAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetTransfersRequest { From = "2021-06", To = "2021-06" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk")));
        Assert.Equal(["2021-06-17", "2021-06-09"], overGrpc.Transfers.Select(t => t.TransferredOn));
        var doneOverGrpc = overGrpc.Transfers[1];
        Assert.Equal((answeredCase.ToString(), 6, 3, 3, 15, "PartiallyUpheld", "2021-06-30"), (doneOverGrpc.CaseId, doneOverGrpc.IcbWorkingDays,
            doneOverGrpc.ConsentWorkingDays, doneOverGrpc.TriageWorkingDays, doneOverGrpc.ProviderWorkingDays, doneOverGrpc.Outcome, doneOverGrpc.OutcomeOn));
        Assert.Equal(("", 3), (overGrpc.Transfers[0].CaseId, overGrpc.Transfers[0].IcbWorkingDays));
        Assert.Equal((4.5, 15.0), (overGrpc.Providers.Single().MedianIcbWorkingDays, overGrpc.Providers.Single().MedianProviderWorkingDays));
        Assert.Single(overGrpc.AwaitingConsent, w => w.ReceivedOn == "2021-06-03");
        var badOverGrpc = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await client.GetTransfersAsync(
            new IcsComplaints.Reporting.Contracts.Grpc.V1.GetTransfersRequest { From = "2021-13", To = "2021-06" }, GrpcCalls.Bearer(await system.TokenAsync("commissioner.qkk"))));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, badOverGrpc.StatusCode);

        // Another ICB's commissioner sees none of it; a provider's staff see no oversight at all; bad months are named.
        using var otherIcb = system.Http(await system.TokenAsync("commissioner.qop"));
        var theirs = await GetAsync(otherIcb, "/api/v1/reporting/oversight/transfers?from=2021-06&to=2021-06");
        Assert.Empty(theirs.GetProperty("transfers").EnumerateArray());
        Assert.DoesNotContain(theirs.GetProperty("awaitingConsent").EnumerateArray(), w => w.GetProperty("receivedOn").GetString() == "2021-06-03");
        using var provider = await system.Http(await system.TokenAsync("quality.rj1")).GetAsync(new Uri("/api/v1/reporting/oversight/transfers?from=2021-06&to=2021-06", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);
        using var badMonth = await icb.GetAsync(new Uri("/api/v1/reporting/oversight/transfers?from=2021-13&to=2021-06", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.True((await badMonth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }

    private static ComplaintSubmitted Submitted(Guid complaintId, DateOnly received, ComplaintRoute route) => new()
    {
        ComplaintId = complaintId, Reference = "TRAN-0000", OrganisationCode = "QKK", HandlingOrganisationCode = "QKK", AboutOrganisationCodes = ["RJ2"], Route = route,
        ReceivedOn = received, Channel = ComplaintChannel.Online, SubmittedAt = DateTimeOffset.UtcNow,
    };

    private static ComplaintTransferred Transferred(Guid complaintId, DateOnly received, DateOnly transferred) => new()
    {
        ComplaintId = complaintId, Reference = "TRAN-0000", FromOrganisationCode = "QKK", ToOrganisationCode = "RJ2", ReceivedOn = received, TransferredOn = transferred,
    };

    private static Task Send<T>(IBus bus, T message)
        where T : class => OwnQueues.SendAsync(bus, "reporting", message);
}
