// Over 300 lines on purpose: one test per regulation applied at intake (Regs 5, 7, 8, 12, 13), sharing one way to submit
// and decide, so the regulations can be read together.
extern alias cases;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using CaseClosure = IcsComplaints.Case.Domain.Cases.CaseClosure;
using CaseStage = IcsComplaints.Case.Domain.Cases.CaseStage;
using ComplaintCase = IcsComplaints.Case.Domain.Cases.ComplaintCase;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// The 2009 Regulations at intake, tried against the intake service with the demo users as a complaints team would: who
/// may complain (Reg 5), routing and consent (Reg 6, 7, 9), exclusions (Reg 8), the time limit (Reg 12), oral
/// complaints (Reg 8(1)(c), 13), the either/or rule, and the organisation directory.
/// </summary>
public sealed class IntakeRegulationsTests(ComplaintHandlingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-days)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Reg13_StaffRecordAnOralComplaint_WithTheDateItWasMade_AndWhenItsWrittenRecordWent()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Phone",
            receivedOn = DaysAgo(2),
            writtenRecordSentOn = DaysAgo(1),
            complainant = new
            {
                name = "Olu Adebayo",
                phone = "020 7946 0123",
                contactPreference = "Phone",
                address = new { line1 = "1 Demo Street", town = "London", postcode = "se1 7eh" },
            },
            adjustments = new { needs = new[] { "Interpreter", "LargePrint" }, interpreterLanguage = "Yoruba" },
            eventDate = DaysAgo(20),
            description = "Told by phone: my mother waited nine hours on a trolley.",
        });

        var detail = await staff.GetFromJsonAsync<JsonElement>(Path(id));
        Assert.Equal(DaysAgo(2), detail.GetProperty("receivedOn").GetString());
        Assert.Equal(DaysAgo(1), detail.GetProperty("writtenRecordSentOn").GetString());
        Assert.Equal("SE1 7EH", detail.GetProperty("complainant").GetProperty("address").GetProperty("postcode").GetString());
        Assert.Equal(["Interpreter", "LargePrint"], detail.GetProperty("adjustments").GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        var opened = await CaseOfAsync(id, "RJ1");
        Assert.Equal(DaysAgo(2), opened.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reg7_AComplaintToTheIcbAboutAProvider_IsTransferredOnlyWithConsent_AndCountsAsReceivedOnTheOriginalDate()
    {
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        using var provider = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = await SubmitAsync(icb, new
        {
            organisationCode = "QKK",
            aboutOrganisationCodes = new[] { "RJ1" },
            channel = "Letter",
            receivedOn = DaysAgo(5),
            complainant = new { name = "Priya Shah", email = "priya.shah@example.org" },
            description = "The hospital lost my referral.",
        });

        // Until the complainant agrees, the provider cannot see it and the ICB cannot pass it on (Reg 7(3)).
        var detail = await icb.GetFromJsonAsync<JsonElement>(Path(id));
        Assert.Equal("AwaitingConsent", detail.GetProperty("routing").GetProperty("route").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(Path(id))).StatusCode);
        var qkkCase = await CaseOfAsync(id, "QKK");
        Assert.True(qkkCase.AwaitingRouting);
        using (var tooSoon = await icb.PostAsJsonAsync(Path(id, "routing"), new { decision = "Transfer", toOrganisationCode = "RJ1" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        }

        await DecideAsync(icb, id, "consent", new { given = true, recordedOn = DaysAgo(4) });
        // A decision recorded later keeps its day: never ahead, never before the consent it needs.
        foreach (var (decidedOn, error) in new[] { (DaysAgo(-1), "cannot be after"), (DaysAgo(5), "consent") })
        {
            using var refused = await icb.PostAsJsonAsync(Path(id, "routing"), new { decision = "Transfer", toOrganisationCode = "RJ1", decidedOn });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(error, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("decidedOn")[0].GetString(), StringComparison.Ordinal);
        }
        var transferred = await DecideAsync(icb, id, "routing", new { decision = "Transfer", toOrganisationCode = "RJ1", decidedOn = DaysAgo(3) });

        var routing = transferred.GetProperty("routing");
        Assert.Equal("Transferred", routing.GetProperty("route").GetString());
        Assert.Equal("RJ1", routing.GetProperty("handlingOrganisationCode").GetString());
        Assert.Equal("QKK", routing.GetProperty("transferredFromOrganisationCode").GetString());
        Assert.Equal(DaysAgo(3), routing.GetProperty("transferredOn").GetString());
        // Reg 7(4)-(5): both parties are told; the receiving provider counts it from the original date.
        Assert.Equal(["QKK", "RJ1", "complainant"], transferred.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("recipient").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(DaysAgo(5), (await provider.GetFromJsonAsync<JsonElement>(Path(id))).GetProperty("receivedOn").GetString());
        var rj1Case = await CaseOfAsync(id, "RJ1");
        Assert.Equal(DaysAgo(5), rj1Case.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal("QKK", rj1Case.TransferredFromOrganisationCode);
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.Id == qkkCase.Id && c.Closure == CaseClosure.Transferred)),
            Patience, "the ICB's case closes as transferred");
        // The events carry identifiers, codes and dates only.
        Assert.DoesNotContain(system.Capture.Messages, m => m.Contains("priya", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reg7_3_WithoutConsent_TheIcbHandlesIt_AndTheProviderNeverLearnsWhoComplained()
    {
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        using var provider = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        const string nhsNumber = "9434765919";
        var providerComplaint = await SubmitAsync(provider, new
        {
            organisationCode = "RJ1",
            channel = "Email",
            complainant = new { name = "Tom Reed", email = "tom.reed@example.org" },
            patient = new { nhsNumber },
            description = "Nobody answered about my results.",
        });
        var icbComplaint = await SubmitAsync(icb, new
        {
            organisationCode = "QKK",
            aboutOrganisationCodes = new[] { "RJ1" },
            channel = "Email",
            shareWithProviderConsent = "Refused",
            complainant = new { name = "Tom Reed", email = "TOM.REED@example.org" },
            patient = new { nhsNumber },
            description = "The hospital ignores me; do not tell them I complained.",
        });

        var detail = await icb.GetFromJsonAsync<JsonElement>(Path(icbComplaint));
        Assert.Equal("HandledByCommissioner", detail.GetProperty("routing").GetProperty("route").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(Path(icbComplaint))).StatusCode);
        // The either/or check finds the pair, but shows it only to the ICB.
        var icbSees = await icb.GetFromJsonAsync<JsonElement>(Path(icbComplaint, "possible-duplicates"));
        Assert.Contains(icbSees.GetProperty("items").EnumerateArray(), d => d.GetProperty("complaintId").GetGuid() == providerComplaint);
        var providerSees = await provider.GetFromJsonAsync<JsonElement>(Path(providerComplaint, "possible-duplicates"));
        Assert.DoesNotContain(providerSees.GetProperty("items").EnumerateArray(), d => d.GetProperty("complaintId").GetGuid() == icbComplaint);
        using var transfer = await icb.PostAsJsonAsync(Path(icbComplaint, "routing"), new { decision = "Transfer", toOrganisationCode = "RJ1" });
        Assert.Equal(HttpStatusCode.Conflict, transfer.StatusCode);
    }

    [Fact]
    public async Task EitherOr_TheSameMatterRaisedWithTheProviderAndItsIcb_IsOfferedForLinking_AndLinkingClosesTheSecondCase()
    {
        using var icb = system.Intake.Http(await system.TokenAsync("commissioner.qkk"));
        using var provider = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var first = await SubmitAsync(provider, new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Ann Lee", phone = "07700 900123" },
            eventDate = DaysAgo(40),
            description = "My operation was cancelled on the day.",
        });
        var second = await SubmitAsync(icb, new
        {
            organisationCode = "QKK",
            aboutOrganisationCodes = new[] { "RJ1" },
            channel = "Letter",
            shareWithProviderConsent = "Given",
            complainant = new { name = "Ann Lee", phone = "+44 7700 900123" },
            eventDate = DaysAgo(38),
            description = "Same cancelled operation, now to the ICB.",
        });

        var candidates = await icb.GetFromJsonAsync<JsonElement>(Path(second, "possible-duplicates"));
        var candidate = Assert.Single(candidates.GetProperty("items").EnumerateArray(), d => d.GetProperty("complaintId").GetGuid() == first);
        Assert.Equal("phone", candidate.GetProperty("matchedOn").GetString());
        // With consent to share, the provider sees the pair too.
        Assert.Contains((await provider.GetFromJsonAsync<JsonElement>(Path(first, "possible-duplicates"))).GetProperty("items").EnumerateArray(), d => d.GetProperty("complaintId").GetGuid() == second);
        using (var unrelated = await icb.PostAsJsonAsync(Path(second, "link"), new { complaintId = Guid.NewGuid() }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unrelated.StatusCode);
        }

        var linked = await DecideAsync(icb, second, "link", new { complaintId = first });

        Assert.Equal("Linked", linked.GetProperty("state").GetString());
        Assert.Equal(first, linked.GetProperty("routing").GetProperty("linkedToComplaintId").GetGuid());
        await ClosedAsAsync(second, CaseClosure.Linked);
    }

    [Fact]
    public async Task Reg12_AComplaintMadeOutOfTime_IsAcceptedButCannotMoveOn_UntilTheDecisionIsRecorded()
    {
        using var icb = system.Intake.Http(await system.TokenAsync("handler.qkk"));
        var late = await SubmitAsync(icb, new
        {
            organisationCode = "QKK",
            aboutOrganisationCodes = new[] { "RJZ" },
            channel = "Letter",
            shareWithProviderConsent = "Given",
            complainant = new { name = "Cara Doyle" },
            eventDate = DaysAgo(800),
            awareDate = DaysAgo(500),
            description = "What happened at my birth two years ago.",
        });

        var detail = await icb.GetFromJsonAsync<JsonElement>(Path(late));
        Assert.True(detail.GetProperty("timeLimit").GetProperty("outOfTime").GetBoolean());
        Assert.Contains(detail.GetProperty("pending").EnumerateArray(), p => p.GetString()!.Contains("Reg 12", StringComparison.Ordinal));
        Assert.True((await CaseOfAsync(late, "QKK")).AwaitingTimeLimitDecision);
        using (var blocked = await icb.PostAsJsonAsync(Path(late, "routing"), new { decision = "HandleAsCommissioner" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
            Assert.Contains("Reg 12", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var unfair = await icb.PostAsJsonAsync(Path(late, "time-limit-decision"), new { decision = "Considered", goodReason = "In hospital for a year." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unfair.StatusCode);
            Assert.Contains("fairInvestigationPossible", await unfair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await DecideAsync(icb, late, "time-limit-decision", new { decision = "Considered", goodReason = "In hospital for a year.", fairInvestigationPossible = true });
        var routed = await DecideAsync(icb, late, "routing", new { decision = "HandleAsCommissioner" });

        Assert.Equal("HandledByCommissioner", routed.GetProperty("routing").GetProperty("route").GetString());
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.ComplaintId == late && !c.AwaitingTimeLimitDecision && !c.AwaitingRouting)),
            Patience, "the case's holds lift");
    }

    [Fact]
    public async Task Reg12_4_ALateComplaintDeclined_WithALetter_ClosesItsCase()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var late = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Dan Frost" },
            eventDate = DaysAgo(900),
            description = "An appointment long ago.",
        });
        using (var noLetter = await staff.PostAsJsonAsync(Path(late, "time-limit-decision"), new { decision = "Declined" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noLetter.StatusCode);
        }

        var declined = await DecideAsync(staff, late, "time-limit-decision", new { decision = "Declined", letterSentOn = Today });

        Assert.Equal("DeclinedOutOfTime", declined.GetProperty("state").GetString());
        await ClosedAsAsync(late, CaseClosure.DeclinedOutOfTime);
    }

    [Fact]
    public async Task Reg5_4_ARepresentativeOfAChildNotActingInTheirBestInterests_IsToldInWriting_AndTheComplaintIsNotConsidered()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Ray Moss", type = "Representative", relationshipToPatient = "Uncle" },
            representation = new { basis = "PersonIsChild" },
            patient = new { name = "Kim Moss", dateOfBirth = "2015-05-05" },
            description = "My nephew's treatment.",
        });
        Assert.True((await CaseOfAsync(id, "RJ1")).AwaitingBestInterestsDecision);
        using (var withoutLetter = await staff.PostAsJsonAsync(Path(id, "best-interests-decision"), new { inBestInterests = false, reasons = "Parents object." }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutLetter.StatusCode);
        }

        var decided = await DecideAsync(staff, id, "best-interests-decision", new { inBestInterests = false, reasons = "The parents, who hold responsibility, object.", letterSentOn = Today });

        Assert.Equal("NotConsidered", decided.GetProperty("state").GetString());
        Assert.False(decided.GetProperty("representation").GetProperty("inBestInterests").GetBoolean());
        await ClosedAsAsync(id, CaseClosure.NotConsidered);
    }

    [Fact]
    public async Task Reg8_AnExcludedComplaint_RecordsItsGroundAndLetter_AndItsCaseClosesButIsKept()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Email",
            complainant = new { name = "Lee Park", email = "lee.park@example.org" },
            description = "My request for information was refused.",
        });
        using (var badGround = await staff.PostAsJsonAsync(Path(id, "exclusion"), new { ground = "Boring", reasons = "x", letterSentOn = Today }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badGround.StatusCode);
        }

        var excluded = await DecideAsync(staff, id, "exclusion", new
        {
            ground = "FreedomOfInformation",
            reasons = "This is a Freedom of Information matter; we have passed it to our information governance team.",
            letterSentOn = Today,
        });

        Assert.Equal("Excluded", excluded.GetProperty("state").GetString());
        Assert.Equal("FreedomOfInformation", excluded.GetProperty("exclusion").GetProperty("ground").GetString());
        await ClosedAsAsync(id, CaseClosure.Excluded);
        using var again = await staff.PostAsJsonAsync(Path(id, "withdrawal"), new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task TheComplainant_CanWithdrawTheirOwnComplaint_AndItsCaseCloses()
    {
        using var complainant = system.Intake.Http(await system.TokenAsync("complainant"));
        using var other = system.Intake.Http(await system.TokenAsync("complainant2"));
        var id = await SubmitAsync(complainant, new
        {
            organisationCode = "RJZ",
            complainant = new { name = "Demo Complainant", email = "complainant@example.org" },
            description = "I changed my mind later.",
        });
        await CaseOfAsync(id, "RJZ");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(Path(id, "withdrawal"), new { })).StatusCode);

        var withdrawn = await DecideAsync(complainant, id, "withdrawal", new { });

        Assert.Equal("Withdrawn", withdrawn.GetProperty("state").GetString());
        await ClosedAsAsync(id, CaseClosure.Withdrawn);
    }

    [Fact]
    public async Task Reg9_AComplaintAboutSeveralOrganisations_RecordsThePartiesAndTheAgreedLead()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var id = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            aboutOrganisationCodes = new[] { "Y99901" },
            channel = "Letter",
            complainant = new { name = "Eve Stone" },
            description = "The hospital and my GP each said the other would follow up.",
        });
        var detail = await staff.GetFromJsonAsync<JsonElement>(Path(id));
        Assert.Equal(["RJ1", "Y99901"], detail.GetProperty("routing").GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        using (var leadOutside = await staff.PostAsJsonAsync(Path(id, "parties"), new { organisations = new[] { "RJ1", "Y99901" }, leadOrganisationCode = "RJZ" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, leadOutside.StatusCode);
        }

        var parties = await DecideAsync(staff, id, "parties", new { organisations = new[] { "RJ1", "Y99901", "RJZ" }, leadOrganisationCode = "RJ1" });

        Assert.Equal(["RJ1", "Y99901", "RJZ"], parties.GetProperty("routing").GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("RJ1", parties.GetProperty("routing").GetProperty("leadOrganisationCode").GetString());
    }

    [Fact]
    public async Task Reg8_1_c_AnOralComplaintResolvedByTheNextWorkingDay_IsRecordedLightly_ButOneResolvedLaterIsAComplaint()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        using var resolved = await staff.PostAsJsonAsync(new Uri("/api/v1/concerns", UriKind.Relative), new
        {
            kind = "OralComplaintResolved",
            channel = "Pals",
            receivedOn = Today,
            resolvedOn = Today,
            domain = "Relationships",
            summary = "Visitor upset at ward rules; explained and arranged a longer visit.",
        });
        Assert.Equal(HttpStatusCode.Created, resolved.StatusCode);
        var concernId = (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var tooLate = await staff.PostAsJsonAsync(new Uri("/api/v1/concerns", UriKind.Relative), new
        {
            kind = "OralComplaintResolved",
            channel = "Phone",
            receivedOn = DaysAgo(10),
            resolvedOn = Today,
            summary = "Resolved ten days later.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("Reg 8(1)(c)", await tooLate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/concerns?from={Today}", UriKind.Relative));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == concernId);
        // The event leaves through the outbox, a moment after the answer.
        await Eventually.TrueAsync(
            () => Task.FromResult(system.Capture.Messages.Any(m => m.Contains(concernId.ToString(), StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), "InformalConcernRecorded is published");
        using var otherOrganisation = system.Intake.Http(await system.TokenAsync("handler.rjz"));
        var theirs = await otherOrganisation.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/concerns?from={Today}", UriKind.Relative));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == concernId);
    }

    [Fact]
    public async Task Directory_IsReadableWithoutSignIn_OverRestAndGrpc_AndIsEffectiveDated()
    {
        using var anonymous = system.Intake.Http();

        var rj1 = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organisations/rj1", UriKind.Relative));
        var before = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organisations?type=icb&on=2026-03-31", UriKind.Relative));
        var after = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organisations?type=icb&on=2026-04-01", UriKind.Relative));
        var sites = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organisations?commissionedBy=QKK", UriKind.Relative));

        Assert.Equal("nhs-trust", rj1.GetProperty("type").GetString());
        Assert.Equal(["QKK"], rj1.GetProperty("commissionedBy").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(42, before.GetProperty("items").GetArrayLength());
        Assert.Equal(36, after.GetProperty("items").GetArrayLength());
        Assert.Contains(sites.GetProperty("items").EnumerateArray(), o => o.GetProperty("odsCode").GetString() == "RJ1ZZ");
        using var badDay = await anonymous.GetAsync(new Uri("/api/v1/organisations?on=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);

        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        var directory = new OrganisationDirectoryService.OrganisationDirectoryServiceClient(channel);
        var qhg = await directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = "QHG" });
        Assert.Equal("2026-03-31", qhg.Organisation.ClosedOn);
        Assert.Equal(["S1Y5D"], qhg.Organisation.Successors);
        var missing = await Assert.ThrowsAsync<RpcException>(() => directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = "NOPE1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Grpc_AnIntegratingSystem_RecordsARepresentativesComplaintForItsOwnOrganisationOnly()
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        var intake = new IntakeService.IntakeServiceClient(channel);
        var auth = GrpcCalls.Bearer(await system.ClientTokenAsync("pals-rj1"));
        var request = new SubmitComplaintRequest
        {
            OrganisationCode = "RJ1",
            Channel = Channel.Pals,
            Complainant = new Complainant { Name = "Jo Bloggs", Type = "REPRESENTATIVE", Address = new Address { Line1 = "2 Demo Road", Postcode = "SE1 9RT" } },
            Representation = new Representation { Basis = "PERSON_ASKED", ConsentEvidence = "WRITTEN" },
            Adjustments = new Adjustments { Needs = { "EASY_READ" } },
            EventDate = DaysAgo(3),
            Description = "Recorded by PALS for the patient's daughter.",
        };

        var recorded = await intake.SubmitComplaintAsync(request, auth);

        var stored = await system.InIntakeDb(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(recorded.ComplaintId)));
        Assert.Equal("PersonAsked", stored.RepresentativeBasis.ToString());
        Assert.Equal("SE1 9RT", stored.Complainant.Postcode);
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitComplaintAsync(request.Clone().Apply(r => r.OrganisationCode = "RJZ"), auth).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
        var noConsent = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitComplaintAsync(request.Clone().Apply(r => r.Representation.ConsentEvidence = ""), auth).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noConsent.StatusCode);
    }

    private static Uri Path(Guid id, string? action = null) =>
        new(action is null ? $"/api/v1/complaints/{id}" : $"/api/v1/complaints/{id}/{action}", UriKind.Relative);

    private static async Task<Guid> SubmitAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> DecideAsync(HttpClient http, Guid id, string decision, object body)
    {
        using var response = await http.PostAsJsonAsync(Path(id, decision), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{decision}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<ComplaintCase> CaseOfAsync(Guid complaintId, string organisation)
    {
        ComplaintCase? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = await system.InCaseDb(db => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.ComplaintId == complaintId && c.OrganisationCode == organisation));
            return found is not null;
        }, Patience, $"a case opens at {organisation}");
        return found!;
    }

    private Task ClosedAsAsync(Guid complaintId, CaseClosure closure) =>
        Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.ComplaintId == complaintId && c.Stage == CaseStage.Closed && c.Closure == closure)),
            Patience, $"the case closes as {closure}");
}

internal static class ProtoExtensions
{
    public static T Apply<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
