using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// A complaints team finds its complaints by reference, name, NHS number and date of birth: by a POST body (REST and
/// gRPC), never by values in the address; other organisations' complaints are never found; every search is audited
/// without the values searched for.
/// </summary>
public sealed class ComplaintSearchTests(ComplaintHandlingSystem system)
{
    private const string Search = "/api/v1/complaints/search";

    [Fact]
    public async Task Search_FindsTheOrganisationsComplaints_ByEachCriterion_AndByThemCombined_NeverAnotherOrganisations()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        using var otherTrust = system.Intake.Http(await system.TokenAsync("handler.rjz"));
        var (family, patientSurname) = (UniqueWord(), UniqueWord());
        var (nhsOfFirst, nhsOfSecond) = (UniqueNhsNumber(), UniqueNhsNumber());
        var first = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Phone",
            complainant = new { name = $"Zoë Brontë-{family}", phone = "020 7946 0123" },
            patient = new { nhsNumber = nhsOfFirst, dateOfBirth = "1970-03-04" },
            description = "My appointment was cancelled twice.",
        });
        var second = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = $"Ann {family}", email = "ann@example.org", type = "Representative", relationshipToPatient = "Daughter" },
            representation = new { basis = "PersonAsked", consentEvidence = "Written" },
            patient = new { name = $"Bilal {patientSurname}", nhsNumber = nhsOfSecond, dateOfBirth = "1985-07-08" },
            description = "My father was discharged without his medicines.",
        });

        Assert.Equal([first.Id], await FoundAsync(staff, new { name = $"ZOE bron {family[..4]}" }));
        Assert.Equal([second.Id, first.Id], await FoundAsync(staff, new { name = family }));
        Assert.Equal([second.Id], await FoundAsync(staff, new { name = $"bil {patientSurname}" }));
        Assert.Equal([first.Id], await FoundAsync(staff, new { nhsNumber = $"{nhsOfFirst[..3]} {nhsOfFirst[3..6]} {nhsOfFirst[6..]}" }));
        Assert.Equal([second.Id], await FoundAsync(staff, new { name = family, dateOfBirth = "1985-07-08" }));
        Assert.Equal([first.Id], await FoundAsync(staff, new { reference = first.Reference.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) }));
        Assert.Equal([second.Id, first.Id], await FoundAsync(staff, new { name = family, state = "Open", route = "HandledByRecipient" }));
        Assert.Empty(await FoundAsync(staff, new { name = family, nhsNumber = nhsOfSecond, dateOfBirth = "1970-03-04" }));

        Assert.Empty(await FoundAsync(otherTrust, new { name = family }));
        Assert.Empty(await FoundAsync(otherTrust, new { nhsNumber = nhsOfFirst }));
        Assert.Empty(await FoundAsync(otherTrust, new { reference = first.Reference }));

        var line = (await ApiCalls.PostAsync(staff, Search, new { name = $"bilal {patientSurname}" })).GetProperty("items")[0];
        Assert.Equal($"Ann {family}", line.GetProperty("complainantName").GetString());
        Assert.Equal($"Bilal {patientSurname}", line.GetProperty("patientName").GetString());
        Assert.Equal("Letter", line.GetProperty("channel").GetString());
        var listed = await ApiCalls.GetAsync(staff, $"/api/v1/complaints?reference={first.Reference.ToLowerInvariant()}");
        Assert.Equal(first.Id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty((await ApiCalls.GetAsync(otherTrust, $"/api/v1/complaints?reference={first.Reference}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Search_IsAudited_WithTheFieldsSearchedAndTheNumberFound_NeverTheValues()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var family = UniqueWord();
        var nhs = UniqueNhsNumber();
        var complaint = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "Email",
            complainant = new { name = $"Kai {family}", email = "kai@example.org" },
            patient = new { nhsNumber = nhs },
            description = "Nobody called back.",
        });
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal([complaint.Id], await FoundAsync(staff, new { name = family, nhsNumber = nhs }));
        Assert.Empty(await FoundAsync(staff, new { nhsNumber = UniqueNhsNumber() }));
        await ApiCalls.GetAsync(staff, $"/api/v1/complaints?reference={complaint.Reference}");

        var entries = await system.InIntakeDb(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.At >= since && e.ActorOrganisation == "RJ1").ToListAsync());
        Assert.Contains(entries, e => e is { ResourceType: "complaint-search", ResourceId: "name+nhsNumber:1", Action: AuditAction.Read, Route: "POST /api/v1/complaints/search" });
        Assert.Contains(entries, e => e is { ResourceType: "complaint-search", ResourceId: "nhsNumber:0" });
        Assert.Equal(2, entries.Count(e => e.ResourceType == AuditResources.Complaint && e.ResourceId == complaint.Id.ToString() && e.Action == AuditAction.Read));
        Assert.DoesNotContain(entries, e => e.ResourceId.Contains(family, StringComparison.OrdinalIgnoreCase) || e.ResourceId.Contains(nhs, StringComparison.Ordinal)
            || e.Route.Contains(family, StringComparison.OrdinalIgnoreCase) || e.Route.Contains(nhs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_RefusesBadValues_UnknownMembers_AndAnEmptySearch_AndTheListRefusesPersonalDataInItsAddress()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));

        Assert.Equal(["nhsNumber"], await RefusedFieldsAsync(staff, new { nhsNumber = "943 476 5918" }));
        Assert.Equal(["dateOfBirth"], await RefusedFieldsAsync(staff, new { dateOfBirth = "04/03/1970" }));
        Assert.Equal(["reference"], await RefusedFieldsAsync(staff, new { reference = "K3QX-9HF8X" }));
        Assert.Equal(["state"], await RefusedFieldsAsync(staff, new { state = "Lost" }));
        Assert.Equal(["body"], await RefusedFieldsAsync(staff, new { }));
        using (var unknown = await staff.PostAsJsonAsync(new Uri(Search, UriKind.Relative), new { surname = "Smith" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("surname", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var parameter in new[] { "name=Smith", "nhsNumber=9434765919", "dateOfBirth=1970-03-04" })
        {
            using var listed = await staff.GetAsync(new Uri($"/api/v1/complaints?{parameter}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
            var errors = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(parameter.Split('=')[0], out _), errors.ToString());
        }
        using var anonymous = system.Intake.Http();
        using var refused = await anonymous.PostAsJsonAsync(new Uri(Search, UriKind.Relative), new { name = "Smith" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Grpc_SearchComplaints_FindsAsRestDoes_ForTheCallersOrganisationOnly()
    {
        using var staff = system.Intake.Http(await system.TokenAsync("handler.rj1"));
        var family = UniqueWord();
        var complaint = await SubmitAsync(staff, new
        {
            organisationCode = "RJ1",
            channel = "InPerson",
            complainant = new { name = $"Ola {family}", phone = "020 7946 0456" },
            description = "Told at the desk: the ward was dirty.",
        });
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        var records = new ComplaintRecordsService.ComplaintRecordsServiceClient(channel);

        var found = await records.SearchComplaintsAsync(new SearchComplaintsRequest { Name = family.ToUpperInvariant() }, GrpcCalls.Bearer(await system.TokenAsync("investigator.rj1")));
        var item = Assert.Single(found.Items);
        Assert.Equal((complaint.Id.ToString(), $"Ola {family}", "InPerson"), (item.Id, item.ComplainantName, item.Channel));

        var elsewhere = await records.SearchComplaintsAsync(new SearchComplaintsRequest { Name = family }, GrpcCalls.Bearer(await system.TokenAsync("handler.rjz")));
        Assert.Empty(elsewhere.Items);
        var handler = GrpcCalls.Bearer(await system.TokenAsync("handler.rj1"));
        var bad = await Assert.ThrowsAsync<RpcException>(() => records.SearchComplaintsAsync(new SearchComplaintsRequest { NhsNumber = "1234567890" }, handler).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    private static async Task<(Guid Id, string Reference)> SubmitAsync(HttpClient http, object body)
    {
        var created = await ApiCalls.PostAsync(http, "/api/v1/complaints", body, HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("reference").GetString()!);
    }

    private static async Task<IReadOnlyList<Guid>> FoundAsync(HttpClient http, object search) =>
        [.. (await ApiCalls.PostAsync(http, Search, search)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static async Task<IReadOnlyList<string>> RefusedFieldsAsync(HttpClient http, object search)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Search, UriKind.Relative), search);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    // A surname no other test uses, so each test finds only its own complaints in the shared database.
    private static string UniqueWord() =>
        "Q" + string.Concat(Guid.NewGuid().ToString("N")[..9].Select(c => (char)('a' + (Convert.ToInt32(c.ToString(), 16) % 26))));

    // A random NHS number with a valid Modulus 11 check digit (domain.md §7).
    private static string UniqueNhsNumber()
    {
        while (true)
        {
            var digits = string.Concat(Enumerable.Range(0, 9).Select(_ => Random.Shared.Next(10).ToString(CultureInfo.InvariantCulture)));
            var sum = digits.Select((d, i) => (d - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }
            return digits + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
        }
    }
}
