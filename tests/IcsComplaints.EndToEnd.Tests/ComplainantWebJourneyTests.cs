using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// What the complainant's web journey asks of intake, through the gateway: finding the organisation by name or
/// postcode, saying what they would like to happen, and — signed in — seeing all their complaints.
/// </summary>
public sealed class ComplainantWebJourneyTests(IcsSystem system)
{
    private static string[] Codes(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("odsCode").GetString()!)];

    [Fact]
    public async Task TheDirectory_FindsATrustByName_HoweverSaintApostrophesAndAmpersandsAreWritten_WithItsPostcodeAndIcb()
    {
        using var anonymous = system.GatewayHttp();

        foreach (var q in new[] { "Guy's and St Thomas'", "guys %26 saint thomas", "ST. THOMAS" })
        {
            var found = await ApiCalls.GetAsync(anonymous, $"/api/v1/organisations?type=nhs-trust&q={q}");
            var guys = Assert.Single(found.GetProperty("items").EnumerateArray());
            Assert.Equal("RJ1", guys.GetProperty("odsCode").GetString());
            Assert.Equal("SE1 7EH", guys.GetProperty("postcode").GetString());
            // The portal offers the commissioning ICB to someone who does not want to complain to the trust itself.
            Assert.Contains("QKK", guys.GetProperty("commissionedBy").EnumerateArray().Select(c => c.GetString()));
        }
        var trusts = Codes(await ApiCalls.GetAsync(anonymous, "/api/v1/organisations?q=foundation%20trust&type=nhs-trust"));
        Assert.Contains("RJZ", trusts);
        Assert.DoesNotContain("RJ2", trusts);
    }

    [Fact]
    public async Task TheDirectory_ByPostcode_ListsTheSameDistrictFirst_ThenTheSameArea_AndLeavesOutTheRest()
    {
        using var anonymous = system.GatewayHttp();

        var trusts = Codes(await ApiCalls.GetAsync(anonymous, "/api/v1/organisations?postcode=se1%209rt&type=nhs-trust"));
        var icbs = Codes(await ApiCalls.GetAsync(anonymous, "/api/v1/organisations?postcode=SE19RT&type=icb"));
        var named = Codes(await ApiCalls.GetAsync(anonymous, "/api/v1/organisations?postcode=M20%204BX&q=christie"));

        // SE1: Guy's and St Thomas'; then the SE area (King's at SE5, Lewisham at SE13); Oxleas (DA2) and Manchester are not near.
        Assert.Equal(["RJ1", "RJZ", "RJ2"], trusts);
        Assert.Equal("QKK", icbs[0]);
        Assert.DoesNotContain("QOP", icbs);
        Assert.Equal(["RBV"], named);
    }

    [Fact]
    public async Task TheDirectory_RefusesABadPostcodeOrAnEmptyName_FieldByField_OverRestAndGrpc()
    {
        using var anonymous = system.GatewayHttp();

        using var rest = await anonymous.GetAsync(new Uri("/api/v1/organisations?postcode=SE1&q=%27%27", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var errors = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["postcode", "q"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("postcode", errors.GetProperty("postcode")[0].GetString(), StringComparison.OrdinalIgnoreCase);

        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var directory = new OrganisationDirectoryService.OrganisationDirectoryServiceClient(channel);
        var near = await directory.ListOrganisationsAsync(new ListOrganisationsRequest { Postcode = "SE5 9RS", Type = "nhs-trust" });
        Assert.Equal("RJZ", near.Organisations[0].OdsCode);
        Assert.Equal("SE5 9RS", near.Organisations[0].Postcode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => directory.ListOrganisationsAsync(new ListOrganisationsRequest { Postcode = "not a postcode" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal("postcode", Assert.Single(bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task WhatTheComplainantWouldLikeToHappen_IsStored_AndShownToStaff_FromRestAndGrpc()
    {
        using var complainant = system.GatewayHttp(await system.TokenAsync("complainant"));
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var online = await ApiCalls.PostAsync(complainant, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Grace Hopper", email = "grace@example.org" },
            description = "My appointment was cancelled twice without notice.",
            desiredOutcome = "  An apology, and a new appointment within a month.  ",
        }, HttpStatusCode.Created);

        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        var recorded = await new IntakeService.IntakeServiceClient(channel).SubmitComplaintAsync(new SubmitComplaintRequest
        {
            OrganisationCode = "RJ1",
            Channel = Channel.Pals,
            Complainant = new Complainant { Name = "Ada Lovelace" },
            Description = "Nobody told me the clinic had moved.",
            DesiredOutcome = "Signs at the old entrance.",
        }, GrpcCalls.Bearer(await system.ClientTokenAsync("pals-rj1")));

        var fromRest = await ApiCalls.GetAsync(handler, $"/api/v1/complaints/{online.GetProperty("id").GetString()}");
        var fromGrpc = await ApiCalls.GetAsync(handler, $"/api/v1/complaints/{recorded.ComplaintId}");
        Assert.Equal("An apology, and a new appointment within a month.", fromRest.GetProperty("desiredOutcome").GetString());
        Assert.Equal("Signs at the old entrance.", fromGrpc.GetProperty("desiredOutcome").GetString());
    }

    [Fact]
    public async Task ADesiredOutcomeBreakingTheTextRules_GetsAFieldError_AndStoresNothing()
    {
        using var anonymous = system.GatewayHttp();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await anonymous.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            complainant = new { name = "Grace Hopper", email = "grace@example.org" },
            description = $"Complaint {marker}",
            desiredOutcome = new string('o', 20_001),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["desiredOutcome"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.Description.Contains(marker))));
    }

    [Fact]
    public async Task ASignedInComplainant_SeesAllTheirComplaintsNewestFirst_WithProgressInPlainWords_AndNoOneElses()
    {
        using var complainant = system.GatewayHttp(await system.TokenAsync("complainant"));
        using var other = system.GatewayHttp(await system.TokenAsync("complainant2"));
        using var anonymous = system.GatewayHttp();
        var first = await SubmitAsync(complainant, "RJ1");
        var second = await SubmitAsync(complainant, "RJZ");
        var theirs = await SubmitAsync(other, "RJ1");
        var anonymousOne = await SubmitAsync(anonymous, "RJ1");

        var mine = (await ApiCalls.GetAsync(complainant, "/api/v1/complaints/mine")).GetProperty("items").EnumerateArray().ToList();
        var ids = mine.Select(c => c.GetProperty("id").GetString()).ToList();

        Assert.True(ids.IndexOf(second) >= 0 && ids.IndexOf(second) < ids.IndexOf(first), "the newer complaint is listed first");
        Assert.DoesNotContain(theirs, ids);
        Assert.DoesNotContain(anonymousOne, ids);
        var kings = mine.Single(c => c.GetProperty("id").GetString() == second);
        Assert.Equal("King's College Hospital NHS Foundation Trust", kings.GetProperty("organisationName").GetString());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", kings.GetProperty("reference").GetString()!);
        // The case opens at King's as the list is read, so either of the first two steps may be shown, in the progress page's words.
        var progress = kings.GetProperty("progress").GetString();
        Assert.True(
            kings.GetProperty("status").GetString() switch
            {
                "Received" => progress == "We have received your complaint.",
                "BeingHandled" => progress!.StartsWith("Your complaint is with the organisation that will handle it.", StringComparison.Ordinal),
                _ => false,
            },
            $"progress {kings.GetProperty("status")}: {progress}");
        var theirList = (await ApiCalls.GetAsync(other, "/api/v1/complaints/mine")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(theirs, theirList);
        Assert.DoesNotContain(first, theirList);

        // Listed complaints are read as much as one opened by id: each read is in the audit trail.
        var listed = new[] { Guid.Parse(first), Guid.Parse(second) }.Select(g => g.ToString()).ToList();
        var audited = await system.InIntakeDb(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.Read && e.Route == "GET /api/v1/complaints/mine" && listed.Contains(e.ResourceId))
            .Select(e => e.ResourceId).Distinct().CountAsync());
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task MyComplaints_IsRefusedToStaff_AndAskedToSignInWithoutAToken()
    {
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        using var anonymous = system.GatewayHttp();

        using var staff = await handler.GetAsync(new Uri("/api/v1/complaints/mine", UriKind.Relative));
        using var nobody = await anonymous.GetAsync(new Uri("/api/v1/complaints/mine", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    private static async Task<string> SubmitAsync(HttpClient http, string organisation)
    {
        var submitted = await ApiCalls.PostAsync(http, "/api/v1/complaints", new
        {
            organisationCode = organisation,
            complainant = new { name = "Mary Seacole", email = "mary@example.org" },
            description = "The ward was too noisy to sleep.",
        }, HttpStatusCode.Created);
        return submitted.GetProperty("id").GetString()!;
    }
}
