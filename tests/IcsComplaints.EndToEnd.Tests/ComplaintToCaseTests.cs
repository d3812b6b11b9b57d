// Over 300 lines on purpose: the flow from a submitted complaint to its case, outage and redelivery included, as one story.
extern alias cases;
extern alias intake;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>A complaint submitted at the gateway opens a case at the right organisation, end to end.</summary>
public sealed class ComplaintToCaseTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public sealed record Submitted(Guid Id, string Reference);

    public sealed record CaseItem(
        Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, string Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy);

    public sealed record CaseList(List<CaseItem> Items);

    private static object Complaint(string organisation = "RJ1", string receivedOn = "2026-11-23") => new
    {
        organisationCode = organisation,
        receivedOn,
        channel = "Letter",
        complainant = new { name = "Ada Lovelace", email = "ada@example.org", phone = "020 7946 0000" },
        description = "My mother's follow-up appointment was cancelled twice without explanation.",
    };

    private static async Task<CaseItem> WaitForCaseAsync(HttpClient http, string reference)
    {
        CaseItem? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = await http.GetFromJsonAsync<CaseList>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative));
            found = list!.Items.SingleOrDefault();
            return found is not null;
        }, Patience, $"a case exists for {reference}");
        return found!;
    }

    [Fact]
    public async Task Rest_ComplaintSubmittedAtTheGateway_OpensACaseWithTheAcknowledgementDueOnTheThirdWorkingDay()
    {
        using var http = system.GatewayHttp(await system.TokenAsync("handler.rj1"));

        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), Complaint("RJ1", "2025-12-23"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<Submitted>())!;
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", submitted.Reference);
        Assert.Equal($"/api/v1/complaints/{submitted.Id}", response.Headers.Location!.ToString());
        Assert.Single(response.Headers.GetValues("X-Correlation-Id"));

        var opened = await WaitForCaseAsync(http, submitted.Reference);
        Assert.Equal("RJ1", opened.OrganisationCode);
        Assert.Equal("Received", opened.Stage);
        Assert.Equal(submitted.Id, opened.ComplaintId);
        Assert.Equal(new DateOnly(2025, 12, 23), opened.ReceivedOn);
        // Reg 13(3): Christmas Day (Thu 25) and Boxing Day (Fri 26) are not working days, nor the weekend.
        Assert.Equal(new DateOnly(2025, 12, 30), opened.AcknowledgementDueBy);

        var byId = await http.GetFromJsonAsync<CaseItem>(new Uri($"/api/v1/cases/{opened.CaseId}", UriKind.Relative));
        Assert.Equal(opened, byId);
    }

    [Fact]
    public async Task Grpc_ComplaintSubmittedThroughTheGateway_OpensACase_ReadableOverGrpc()
    {
        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var intake = new IntakeService.IntakeServiceClient(channel);
        var cases = new CaseService.CaseServiceClient(channel);
        var auth = GrpcCalls.Bearer(await system.TokenAsync("handler.r0a"));

        var submitted = await intake.SubmitComplaintAsync(new SubmitComplaintRequest
        {
            OrganisationCode = "R0A",
            ReceivedOn = "2022-06-01",
            Channel = Channel.Pals,
            Complainant = new Complainant { Name = "Grace Hopper" },
            Description = "Discharged without the medication list.",
        }, auth);

        IcsComplaints.Case.Contracts.Grpc.V1.Case? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await cases.ListCasesAsync(new ListCasesRequest { Reference = submitted.Reference }, auth)).Cases.SingleOrDefault();
            return found is not null;
        }, Patience, "the case is listed over gRPC");
        Assert.Equal("R0A", found!.OrganisationCode);
        Assert.Equal(submitted.ComplaintId, found.ComplaintId);
        Assert.Equal(Stage.Received, found.Stage);
        // The Platinum Jubilee days, Thursday 2 and Friday 3 June 2022, are not working days.
        Assert.Equal("2022-06-08", found.AcknowledgementDueBy);
        var byId = await cases.GetCaseAsync(new GetCaseRequest { CaseId = found.CaseId }, auth);
        Assert.Equal(found, byId.Case);
    }

    [Fact]
    public async Task Grpc_BadInput_FailsWithInvalidArgument_NamingEachField_AndStoresNothing()
    {
        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var intake = new IntakeService.IntakeServiceClient(channel);
        var before = await system.InIntakeDb(db => db.Complaints.CountAsync());

        var auth = GrpcCalls.Bearer(await system.TokenAsync("handler.rj1"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitComplaintAsync(new SubmitComplaintRequest
        {
            OrganisationCode = "??",
            ReceivedOn = "next week",
            Complainant = new Complainant { Name = "", Email = "nope" },
            Patient = new Patient { NhsNumber = "987 654 4321" },
        }, auth).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal(
            ["complainant.email", "complainant.name", "description", "organisation_code", "patient.nhs_number", "received_on"],
            badRequest.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(before, await system.InIntakeDb(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Rest_BadInput_GetsFieldLevelProblemDetails_AndStoresNothing()
    {
        using var http = system.GatewayHttp();
        var before = await system.InIntakeDb(db => db.Complaints.CountAsync());

        using var invalid = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new { organisationCode = "RJ1", receivedOn = "2099-01-01" });
        using var malformed = await http.PostAsync(new Uri("/api/v1/complaints", UriKind.Relative), new StringContent("{\"organisationCode\":", System.Text.Encoding.UTF8, "application/json"));
        using var wrongType = await http.PostAsync(new Uri("/api/v1/complaints", UriKind.Relative), new StringContent("{\"complainant\":{\"name\":42}}", System.Text.Encoding.UTF8, "application/json"));
        using var tooLarge = await http.PostAsync(new Uri("/api/v1/complaints", UriKind.Relative), new StringContent(
            JsonSerializer.Serialize(new { organisationCode = "RJ1", description = new string('x', 400_000) }), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["complainant", "description", "receivedOn"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("complainant.name", out _));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await system.InIntakeDb(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Rest_RetryWithTheSameIdempotencyKey_ReturnsTheFirstResult_AndCreatesNothingNew()
    {
        using var http = system.GatewayHttp(await system.TokenAsync("handler.rjz"));
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Send(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/complaints", UriKind.Relative)) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await http.SendAsync(request);
        }

        using var first = await Send(Complaint("RJZ"));
        using var retry = await Send(Complaint("RJZ"));
        using var different = await Send(new { organisationCode = "RJZ", complainant = new { name = "Someone Else" }, description = "Another complaint." });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<Submitted>();
        var b = await retry.Content.ReadFromJsonAsync<Submitted>();
        Assert.Equal(a, b);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
        await WaitForCaseAsync(http, a!.Reference);
        Assert.Equal(1, await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.Reference == a.Reference)));
        Assert.Equal(1, await system.InCaseDb(db => db.Cases.CountAsync(c => c.ComplaintId == a.Id)));
    }

    [Fact]
    public async Task ComplaintsAcceptedWhileTheBrokerIsDown_AllBecomeCasesOnceItIsBack()
    {
        using var http = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var references = new List<string>();

        system.IntakeBrokerLink.Cut();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), Complaint("RJ1"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                references.Add((await response.Content.ReadFromJsonAsync<Submitted>())!.Reference);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.Equal(0, await system.InCaseDb(db => db.Cases.CountAsync(c => references.Contains(c.Reference))));
            // Intake stays ready (HTTP 200) but says the broker is away.
            using var intake = system.Intake.CreateHttpClient();
            using var ready = await intake.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"rabbitmq-reachable\":\"Degraded\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            system.IntakeBrokerLink.Restore();
        }

        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.CountAsync(c => references.Contains(c.Reference))) == 100,
            TimeSpan.FromSeconds(60), "all 100 complaints have become cases");
        await Outboxes.PublishedAsync<IntakeDbContext>(system.Intake.Services, "intake has published everything it held");
        Assert.Equal(100, await system.InCaseDb(db => db.Cases.CountAsync(c => references.Contains(c.Reference))));
    }

    [Fact]
    public async Task ARelayCrashBetweenPublishAndCommit_LeavesNoComplaintWithoutACase_AndNoDuplicateCase()
    {
        using var http = system.GatewayHttp(await system.TokenAsync("handler.rjz"));
        var ids = new List<Guid>();
        system.IntakeRelayCrash.Arm();

        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), Complaint("RJZ"));
            ids.Add((await response.Content.ReadFromJsonAsync<Submitted>())!.Id);
        }

        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.CountAsync(c => ids.Contains(c.ComplaintId))) == 5,
            Patience, "every complaint has a case");
        await Eventually.TrueAsync(
            async () => await system.InIntakeDb(db => db.Set<IcsComplaints.Messaging.Outbox.OutboxMessage>().CountAsync()) == 0,
            Patience, "intake's outbox is empty");
        Assert.True(system.IntakeRelayCrash.Crashes >= 1);
        var perComplaint = await system.InCaseDb(db => db.Cases.Where(c => ids.Contains(c.ComplaintId)).GroupBy(c => c.ComplaintId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 1, 1, 1, 1], perComplaint);
    }

    [Fact]
    public async Task ADuplicateDeliveryOfComplaintSubmitted_OpensOneCase()
    {
        // Published as intake, whose event it is: no other service's broker user may publish it.
        var bus = system.Intake.Services.GetRequiredService<IBus>();
        var complaint = new ComplaintSubmitted
        {
            ComplaintId = Guid.NewGuid(),
            Reference = IcsComplaints.Intake.Contracts.ComplaintReference.New(),
            OrganisationCode = "RXP",
            ReceivedOn = new DateOnly(2026, 11, 20),
            Channel = ComplaintChannel.Email,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();

        await bus.Publish(complaint, ctx => ctx.MessageId = messageId);
        await bus.Publish(complaint, ctx => ctx.MessageId = messageId);
        // The same complaint announced again under a new MessageId must not open a second case either.
        var announcedAgain = Guid.NewGuid();
        await bus.Publish(complaint, ctx => ctx.MessageId = announcedAgain);

        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Set<IcsComplaints.Messaging.Outbox.InboxMessage>().Select(m => m.MessageId).Where(id => id == messageId || id == announcedAgain).Distinct().CountAsync()) == 2,
            Patience, "both messages were handled");
        Assert.Equal(1, await system.InCaseDb(db => db.Cases.CountAsync(c => c.ComplaintId == complaint.ComplaintId)));
    }

    [Fact]
    public async Task HealthEndpoints_AnswerInEveryService_AndOperatorEndpointsAreNotPublic()
    {
        foreach (var address in new[] { system.Intake.HttpAddress, system.Case.HttpAddress, system.Gateway.HttpAddress })
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }
        using var gateway = system.GatewayHttp(await system.TokenAsync("admin"));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync(new Uri("/admin/outbox", UriKind.Relative))).StatusCode);
        using var anonymous = system.Intake.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/admin/outbox", UriKind.Relative))).StatusCode);
        using var admin = HttpClients.WithToken(system.Intake.CreateHttpClient(), await system.TokenAsync("admin"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/outbox", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Rest_AMalformedReferenceFilter_IsAFieldError_AndAnUnknownCaseIs404()
    {
        using var http = system.GatewayHttp(await system.TokenAsync("handler.rj1"));

        using var malformed = await http.GetAsync(new Uri("/api/v1/cases?reference=NOT-A-REF", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri($"/api/v1/cases/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
