using Grpc.Core;
using IcsComplaints.Directory;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using Microsoft.Extensions.Caching.Memory;

namespace IcsComplaints.UnitTests;

/// <summary>Commissioning asks intake's directory once per question and day, not on every request.</summary>
public sealed class CommissioningTests
{
    [Fact]
    public async Task TheDirectorysAnswer_IsReusedForTheSameDay_AndAskedAfreshForAnotherDay()
    {
        var directory = new CountingDirectory(
            new Organisation { OdsCode = "rj1", Type = "nhs-trust" }, new Organisation { OdsCode = "RJ122", Type = "trust-site" });
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var commissioning = new Commissioning(new OrganisationDirectoryService.OrganisationDirectoryServiceClient(directory), cache, TimeProvider.System);

        var first = await commissioning.ProvidersOfAsync("QKK", CancellationToken.None);
        var again = await commissioning.ProvidersOfAsync("qkk", CancellationToken.None);
        Assert.Equal(["RJ1"], first);
        Assert.Same(first, again);
        Assert.Equal(1, directory.Calls);

        await commissioning.ProvidersOfAsync("QKK", CancellationToken.None, new DateOnly(2025, 1, 1));
        Assert.Equal(2, directory.Calls);
    }

    [Fact]
    public async Task AFailedQuestion_IsNotKept()
    {
        var directory = new CountingDirectory(new Organisation { OdsCode = "RJ1", Type = "nhs-trust" }) { FailNext = true };
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var commissioning = new Commissioning(new OrganisationDirectoryService.OrganisationDirectoryServiceClient(directory), cache, TimeProvider.System);

        await Assert.ThrowsAsync<RpcException>(() => commissioning.OfTypeAsync("nhs-trust", CancellationToken.None));
        Assert.Equal(["RJ1"], await commissioning.OfTypeAsync("nhs-trust", CancellationToken.None));
        Assert.Equal(2, directory.Calls);
    }

    /// <summary>Answers every list request with the same organisations, counting the requests.</summary>
    private sealed class CountingDirectory(params Organisation[] organisations) : CallInvoker
    {
        public int Calls { get; private set; }

        public bool FailNext { get; set; }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Calls++;
            if (FailNext)
            {
                FailNext = false;
                throw new RpcException(new Status(StatusCode.Unavailable, "The directory is away."));
            }
            var response = new ListOrganisationsResponse();
            response.Organisations.AddRange(organisations);
            return new AsyncUnaryCall<TResponse>(
                Task.FromResult((TResponse)(object)response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
    }
}
