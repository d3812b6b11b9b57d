extern alias gateway;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using GatewayProgram = gateway::Program;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Past its bound on requests in progress the gateway answers at once with 503 and <c>Retry-After</c> (gRPC
/// <c>UNAVAILABLE</c>) instead of queueing the caller, stores nothing, and lets the retry through once there is room.
/// </summary>
public sealed class GatewayLoadSheddingTests(IcsSystem system) : IDisposable
{
    // One request in progress and none waiting: a request held open fills the gateway.
    private readonly ServiceHost<GatewayProgram> _gateway = system.StartGateway(new Dictionary<string, string?>
    {
        ["Load:MostInProgress"] = "1",
        ["Load:MostWaiting"] = "0",
    });

    [Fact]
    public async Task AComplaintPastTheBound_Gets503WithRetryAfter_AndNothingStored_ThenItsRetryIsRecordedOnce()
    {
        using var http = _gateway.Http(await system.TokenAsync("handler.rjz"));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var held = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/complaints", UriKind.Relative)) { Content = new HeldBody(release.Task) };
        var heldResponse = http.SendAsync(held);
        var limiter = _gateway.Services.GetRequiredService<ConcurrencyLimiter>();
        await Eventually.TrueAsync(() => Task.FromResult(limiter.GetStatistics()!.CurrentAvailablePermits == 0), TimeSpan.FromSeconds(10), "the held request is in progress");
        var key = Guid.NewGuid().ToString();

        using var refused = await SubmitAsync(http, key);
        using var channel = GrpcChannel.ForAddress(_gateway.GrpcAddress);
        var lookUp = new Method<byte[], byte[]>(MethodType.Unary, "ics.intake.v1.OrganisationDirectoryService", "GetOrganisation", Raw, Raw);
        var grpcRefused = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(lookUp, null, default, []).ResponseAsync);
        release.SetResult();
        using var _ = await heldResponse;
        using var retried = await SubmitAsync(http, key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The platform is busy.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(StatusCode.Unavailable, grpcRefused.StatusCode);
        // Created, not replayed: the refused request never reached intake, so its key was still unused.
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        var reference = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();
        Assert.Equal(1, await system.InIntakeDb(db => Task.FromResult(db.Complaints.Count(c => c.Reference == reference))));
    }

    public void Dispose() => _gateway.Dispose();

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/complaints", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                organisationCode = "RJZ",
                receivedOn = "2026-11-23",
                channel = "Letter",
                complainant = new { name = "Grace Hopper", email = "grace@example.org" },
                description = "The clinic letter gave the wrong date and I missed the appointment.",
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    // A request body that stops half-way until released, holding its request in progress at the gateway.
    private sealed class HeldBody(Task released) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"organisationCode\":"));
            await stream.FlushAsync();
            await released;
            await stream.WriteAsync(Encoding.UTF8.GetBytes("\"RJZ\"}"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
