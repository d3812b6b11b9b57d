extern alias learning;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.EndToEnd.Tests.Fuzz;
using IcsComplaints.Learning.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using Theme = IcsComplaints.Learning.Domain.Themes.Theme;
using ThemeCounts = IcsComplaints.Learning.Domain.Rules.ThemeCounts;
using ThemeDimension = IcsComplaints.Learning.Domain.Themes.ThemeDimension;
using ThemeRule = IcsComplaints.Learning.Domain.Rules.ThemeRule;
using ThemeScope = IcsComplaints.Learning.Domain.Themes.ThemeScope;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Each kind of bad input that once caused a server error or was stored: now refused with a 4xx naming the field
/// (or a gRPC client status), with nothing written to any database. The fuzz suite looks for more of the same.
/// </summary>
public sealed class BadInputTests(IcsSystem system)
{
    private static FuzzWorld? _world;

    public static TheoryData<string, string, string, string, string, int, string> Refused => new()
    {
        // A NUL, which PostgreSQL cannot store, in free text of each service.
        { "NUL in a complaint's description", "handler.rj1", "POST", "/api/v1/complaints", """{"organisationCode":"RJ1","complainant":{"name":"Ada Lovelace"},"description":"bad\u0000text"}""", 400, "description" },
        { "NUL in a concern's summary", "handler.rj1", "POST", "/api/v1/concerns", """{"kind":"OralComplaintResolved","channel":"Pals","summary":"bad\u0000text"}""", 400, "summary" },
        { "NUL in a decline reason", "advocate.adv01", "POST", "/api/v1/advocacy/referrals/{referral}/decline", """{"reason":"bad\u0000text"}""", 400, "reason" },
        { "NUL in a learning action", "quality.rj1", "POST", "/api/v1/learning/actions", """{"organisationCode":"RJ1","whatWillChange":"bad\u0000text","owner":"Ward manager","dueOn":"2027-03-31"}""", 400, "whatWillChange" },
        { "NUL in a case's subject id (stored as JSON)", "handler.rj1", "POST", "/api/v1/cases/{case}/assignment", """{"subjectId":"a\u0000b","name":"Hana Handler"}""", 400, "subjectId" },
        // Lengths bounded by the column.
        { "an advocate's subject id longer than its column", "advocate.adv01", "POST", "/api/v1/advocacy/referrals/{referral}/acceptance", $$"""{"advocateName":"Ada Advocate","advocateSubjectId":"{{new string('s', 201)}}"}""", 400, "advocateSubjectId" },
        // Null items in lists.
        { "a null rating", "quality.rj1", "PUT", "/api/v1/learning/self-assessments/2026", """{"ratings":[null]}""", 400, "ratings[0]" },
        { "a null organisation code", "commissioner.qkk", "POST", "/api/v1/learning/themes/{theme}/sharing", """{"message":"Share this.","organisationCodes":[null]}""", 400, "organisationCodes[0]" },
        // Dates outside the calendar.
        { "a concern received in 2014", "handler.rj1", "POST", "/api/v1/concerns", """{"kind":"OralComplaintResolved","channel":"Pals","receivedOn":"2014-12-31","summary":"Explained."}""", 400, "receivedOn" },
        { "a concern received in year 1", "handler.rj1", "POST", "/api/v1/concerns", """{"kind":"OralComplaintResolved","channel":"Pals","receivedOn":"0001-01-01","summary":"Explained."}""", 400, "receivedOn" },
        { "consent recorded in year 1", "handler.rj1", "POST", "/api/v1/complaints", """{"organisationCode":"RJ1","complainant":{"name":"Sam Okafor","type":"Representative"},"representation":{"basis":"PersonAsked","consentEvidence":"Verbal","consentRecordedOn":"0001-01-01"},"description":"Discharged without medicines."}""", 400, "representation.consentRecordedOn" },
        { "an exclusion letter in year 1", "handler.qkk", "POST", "/api/v1/complaints/{icbComplaint}/exclusion", """{"ground":"FreedomOfInformation","reasons":"FOI.","letterSentOn":"0001-01-01"}""", 400, "letterSentOn" },
        { "an action due on 9999-12-31", "quality.rj1", "POST", "/api/v1/learning/actions", """{"organisationCode":"RJ1","whatWillChange":"Hourly checks.","owner":"Ward manager","dueOn":"9999-12-31"}""", 400, "dueOn" },
        // Control characters and invisible-only text.
        { "a bell in a complainant's name", "handler.rj1", "POST", "/api/v1/complaints", """{"organisationCode":"RJ1","complainant":{"name":"Ada\u0007Lovelace"},"description":"Rude staff."}""", 400, "complainant.name" },
        { "a C1 control in exclusion reasons", "handler.qkk", "POST", "/api/v1/complaints/{icbComplaint}/exclusion", """{"ground":"FreedomOfInformation","reasons":"FOI\u0085request","letterSentOn":"2026-11-02"}""", 400, "reasons" },
        { "an escape sequence in a contact summary", "investigator.rj1", "POST", "/api/v1/cases/{case}/contacts", """{"channel":"Phone","summary":"\u001b[31mred"}""", 400, "summary" },
        { "a control character in an action", "quality.rj1", "POST", "/api/v1/learning/actions", """{"organisationCode":"RJ1","whatWillChange":"Hourly\u0008checks.","owner":"Ward manager","dueOn":"2027-03-31"}""", 400, "whatWillChange" },
        { "a zero-width name", "handler.rj1", "POST", "/api/v1/complaints", """{"organisationCode":"RJ1","complainant":{"name":"\u200b\u200b"},"description":"Rude staff."}""", 400, "complainant.name" },
        { "an invisible description", "handler.rj1", "POST", "/api/v1/complaints", """{"organisationCode":"RJ1","complainant":{"name":"Ada Lovelace"},"description":"\u200d\ufeff\u2060"}""", 400, "description" },
        { "an invisible comment", "advocate.adv01", "POST", "/api/v1/advocacy/referrals/{referral}/decline", """{"reason":"\u200b"}""", 400, "reason" },
        // A body declared in a character set nobody can read.
        { "charset=bogus", "handler.rj1", "POST", "/api/v1/cases/{case}/contacts;charset=bogus", """{"channel":"Phone","summary":"Called."}""", 415, "Content-Type" },
        { "charset=utf-16 for UTF-8 bytes", "handler.rj1", "POST", "/api/v1/complaints;charset=\"utf-16\"", """{"organisationCode":"RJ1","complainant":{"name":"Ada"},"description":"x"}""", 415, "Content-Type" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadInput_IsRefusedNamingTheField_AndNothingIsWritten(string what, string user, string method, string path, string body, int status, string field)
    {
        var world = await WorldAsync();
        var (target, charset) = path.Split(';') is [var p, var c] ? (p, "; " + c) : (path, "");
        foreach (var viaGateway in new[] { true, false })
        {
            var (answer, text, writes) = await SendAsync(world, user, method, target, body, "application/json" + charset, viaGateway);
            Assert.True(answer == status, $"{what} ({(viaGateway ? "gateway" : "direct")}): {answer} {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => e.Name == field || e.Name.EndsWith("." + field, StringComparison.Ordinal)), $"{what}: no error for {field} in {text}");
            Assert.True(writes.Count == 0, $"{what}: refused, yet wrote {string.Join("; ", writes)}");
        }
    }

    [Theory]
    [InlineData("Idempotency-Key", "clé-1")]
    [InlineData("Content-Type", "application/jsön")]
    [InlineData("Authorization", "Bearer tökén")]
    public async Task NonAsciiHeaders_AtTheGateway_Are400ProblemsNamingTheHeader_Not502(string header, string value)
    {
        var world = await WorldAsync();
        using var http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = system.Gateway.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{world.Records["case"]}/contacts")
        {
            Content = new StringContent("""{"channel":"Phone","summary":"Called."}""", Encoding.UTF8),
        };
        request.Content.Headers.Remove("Content-Type");
        if (header != "Authorization")
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + world.Tokens["handler.rj1"]);
        }
        (header == "Content-Type" ? (System.Net.Http.Headers.HttpHeaders)request.Content.Headers : request.Headers).TryAddWithoutValidation(header, value);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{header}: {(int)response.StatusCode} {text}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(header, text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, byte[], StatusCode> MalformedMessages => new()
    {
        // RaiseLearningActionRequest: field 1 (organisation_code) and field 4 (what_will_change) are strings.
        { "invalid UTF-8 in a string", [0x0A, 0x03, 0x52, 0x4A, 0x31, 0x22, 0x03, 0xC3, 0x28, 0xFF], StatusCode.InvalidArgument },
        { "truncated", [0x0A, 0x09, 0x52, 0x4A], StatusCode.InvalidArgument },
        { "wrong wire type", [0x0D, 0x01, 0x02, 0x03, 0x04, 0x0A, 0x05], StatusCode.InvalidArgument },
        { "a malformed varint", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], StatusCode.InvalidArgument },
        { "over the size limit", [0x0A, 0x80, 0x80, 0x14, .. Enumerable.Repeat((byte)'a', 300 * 1024)], StatusCode.ResourceExhausted },
    };

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public async Task MalformedGrpcMessages_AreAClientStatus_NotUnknown_DirectAndThroughTheGateway(string what, byte[] message, StatusCode expected)
    {
        var world = await WorldAsync();
        foreach (var address in new[] { system.Gateway.GrpcAddress, system.GrpcAddressOf("learning") })
        {
            using var channel = GrpcChannel.ForAddress(address);
            var method = new Method<byte[], byte[]>(MethodType.Unary, "ics.learning.v1.LearningService", "RaiseLearningAction", Raw, Raw);
            var ex = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker()
                .AsyncUnaryCall(method, null, new CallOptions(GrpcCalls.Bearer(world.Tokens["quality.rj1"])), message).ResponseAsync);
            Assert.True(ex.StatusCode == expected, $"{what} at {address}: {ex.StatusCode} {ex.Status.Detail}");
        }
    }

    [Fact]
    public async Task AValidationErrorListingManyThousandItems_IsBounded_AndPassesTheGateway()
    {
        var world = await WorldAsync();
        using var channel = GrpcChannel.ForAddress(system.Gateway.GrpcAddress);
        // 60,000 codes that are not providers of the ICB (within the message size limit): one error each, were they all given back.
        var request = new ShareThemeRequest { ThemeId = world.Records["theme"], Message = "Share this." };
        request.OrganisationCodes.AddRange(Enumerable.Repeat("X", 60_000));
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new LearningService.LearningServiceClient(channel).ShareThemeAsync(request, GrpcCalls.Bearer(world.Tokens["commissioner.qkk"])));
        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{ex.StatusCode} {ex.Status.Detail}");
        var badRequest = ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal(IcsComplaints.Validation.ErrorDetails.MaxFields + 1, badRequest.FieldViolations.Count);
        Assert.Equal(IcsComplaints.Validation.ErrorDetails.MoreKey, badRequest.FieldViolations[^1].Field);
        Assert.True(ex.Trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length)) < 16 * 1024);
    }

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private async Task<FuzzWorld> WorldAsync()
    {
        if (_world is null)
        {
            var world = await FuzzWorld.CreateAsync(system);
            // A theme of the ICB's, as detection would record one, for sharing to be refused on its input rather than found missing.
            var counts = new ThemeCounts(Observed: 6, Total: 20, BaselineObserved: 12, BaselineTotal: 240, BaselineMonthsWithData: 12);
            var theme = Theme.Detect(
                "QKK", ThemeScope.Provider, "RJ1", ThemeDimension.HcatCategory, "communication", "2026-10", counts, ThemeRule.Assess(counts), [], [], new DateOnly(2026, 11, 1));
            await system.InLearningDb(async db =>
            {
                db.Themes.Add(theme);
                return await db.SaveChangesAsync();
            });
            _world = world with { Records = new Dictionary<string, string>(world.Records) { ["theme"] = theme.Id.ToString() } };
        }
        return _world;
    }

    private async Task<(int Status, string Text, IReadOnlyList<string> Writes)> SendAsync(
        FuzzWorld world, string user, string method, string path, string body, string contentType, bool viaGateway)
    {
        var filled = world.Records.Aggregate(path, (p, r) => p.Replace("{" + r.Key + "}", r.Value, StringComparison.Ordinal));
        var address = viaGateway ? system.Gateway.HttpAddress : system.ServiceHosts().Single(h => h.Name == ServiceOf(filled)).Address;
        var trace = ActivityTraceId.CreateRandom();
        using var http = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(new HttpMethod(method), filled) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + world.Tokens[user]);
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), system.Capture.DatabaseWrites.Of(trace));
    }

    private static string ServiceOf(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/cases", StringComparison.Ordinal) => "case",
        _ when path.StartsWith("/api/v1/advocacy", StringComparison.Ordinal) => "advocacy-referral",
        _ when path.StartsWith("/api/v1/learning", StringComparison.Ordinal) => "learning",
        _ => "intake",
    };
}
