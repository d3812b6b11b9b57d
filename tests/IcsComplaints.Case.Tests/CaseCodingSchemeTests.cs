using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The KO41 code lists a coding screen offers: every code listed is one the coding step accepts, a code not listed is
/// refused, and the lists are for organisation staff.
/// </summary>
public sealed class CaseCodingSchemeTests(ComplaintHandlingSystem system)
{
    [Fact]
    public async Task EveryListedKo41Code_IsAcceptedByTheCodingStep_AndOneNotListedIsRefused()
    {
        using var handler = system.Http(await system.TokenAsync("handler.rj1"));
        var scheme = await handler.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cases/coding-scheme", UriKind.Relative));
        var subjects = Codes(scheme, "subjects");
        var serviceAreas = Codes(scheme, "serviceArea");
        var professions = Codes(scheme, "professions");
        var clinical = Codes(scheme, "clinicalSubCategories");
        var ageBands = Codes(scheme, "ageBand");
        var statuses = Codes(scheme, "complainantStatus");
        var maxSubjects = scheme.GetProperty("maxSubjects").GetInt32();
        var clinicalSubject = scheme.GetProperty("clinicalSubject").GetString()!;
        Assert.All(new[] { subjects, serviceAreas, professions, clinical, ageBands, statuses }, Assert.NotEmpty);
        Assert.Contains(clinicalSubject, subjects);
        var caseId = await OpenCaseAsync(handler);

        object Coding(IEnumerable<string>? subjectsGiven = null, string? serviceArea = null, IEnumerable<string>? professionsGiven = null,
            IEnumerable<string>? clinicalGiven = null, string? ageBand = null, string? status = null) => new
            {
                subjects = (subjectsGiven ?? [clinicalSubject]).ToArray(),
                serviceArea = serviceArea ?? serviceAreas[0],
                professions = (professionsGiven ?? [professions[0]]).ToArray(),
                clinicalSubCategories = (clinicalGiven ?? [clinical[0]]).ToArray(),
                ageBand = ageBand ?? ageBands[0],
                complainantStatus = status ?? statuses[0],
            };

        foreach (var batch in subjects.Where(s => s != clinicalSubject).Chunk(maxSubjects - 1))
        {
            await AcceptedAsync(handler, caseId, Coding(subjectsGiven: [clinicalSubject, .. batch]));
        }
        await AcceptedAsync(handler, caseId, Coding(professionsGiven: professions, clinicalGiven: clinical));
        foreach (var area in serviceAreas)
        {
            await AcceptedAsync(handler, caseId, Coding(serviceArea: area));
        }
        foreach (var band in ageBands)
        {
            await AcceptedAsync(handler, caseId, Coding(ageBand: band));
        }
        foreach (var status in statuses)
        {
            await AcceptedAsync(handler, caseId, Coding(status: status));
        }

        using var refused = await handler.PutAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/coding", UriKind.Relative), Coding(serviceArea: "Astrology"));
        var text = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains("serviceArea", JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("Astrology", serviceAreas);
    }

    [Fact]
    public async Task TheKo41CodeLists_AreForOrganisationStaff_OverRestAndGrpcAlike()
    {
        using var quality = system.Http(await system.TokenAsync("quality.rj1"));
        var rest = await quality.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/cases/coding-scheme", UriKind.Relative));
        using var complainant = system.Http(await system.TokenAsync("complainant"));
        Assert.Equal(HttpStatusCode.Forbidden, (await complainant.GetAsync(new Uri("/api/v1/cases/coding-scheme", UriKind.Relative))).StatusCode);
        using var anonymous = system.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/cases/coding-scheme", UriKind.Relative))).StatusCode);

        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var grpc = await new CaseService.CaseServiceClient(channel).GetCodingSchemeAsync(
            new GetCodingSchemeRequest(), GrpcCalls.Bearer(await system.TokenAsync("handler.qkk")));
        Assert.Equal(Codes(rest, "subjects"), grpc.Subjects.Select(i => i.Code).ToList());
        Assert.Equal(Codes(rest, "ageBand"), grpc.AgeBand.Select(i => i.Code).ToList());
        Assert.Equal(rest.GetProperty("maxSubjects").GetInt32(), grpc.MaxSubjects);
    }

    private static List<string> Codes(JsonElement scheme, string field) =>
        [.. scheme.GetProperty(field).EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];

    private static async Task AcceptedAsync(HttpClient http, Guid caseId, object coding)
    {
        using var response = await http.PutAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/coding", UriKind.Relative), coding);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{JsonSerializer.Serialize(coding)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> OpenCaseAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Cody Coder", address = new { line1 = "9 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "My prescription was wrong twice and the pharmacy would not explain why.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Guid id = default;
        await Eventually.TrueAsync(async () =>
        {
            var items = (await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items");
            id = items.GetArrayLength() == 0 ? default : items[0].GetProperty("caseId").GetGuid();
            return id != default;
        }, TimeSpan.FromSeconds(30), "the case opens");
        return id;
    }
}
