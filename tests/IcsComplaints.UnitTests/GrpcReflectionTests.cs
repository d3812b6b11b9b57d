using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace IcsComplaints.UnitTests;

/// <summary>
/// gRPC server reflection is answered on a developer's machine only (ADR 40): elsewhere the published .proto files are
/// the contract, and reflection would list every method of a service to whoever reaches it.
/// </summary>
public sealed class GrpcReflectionTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", false)]
    [InlineData("Production", false)]
    public async Task Reflection_IsMapped_InDevelopmentOnly(string environment, bool mapped)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Authentication:Authority"] = "https://identity.example";
        builder.AddServiceDefaults();
        builder.Services.AddServiceGrpc();
        await using var app = builder.Build();

        app.MapDefaultEndpoints();

        // The application's own sources: the services' combined one is put together only when the application starts.
        var paths = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();
        Assert.Contains("/health/live", paths);
        Assert.True(mapped == paths.Any(p => p?.StartsWith("/grpc.reflection.", StringComparison.Ordinal) == true), string.Join(", ", paths));
    }
}
