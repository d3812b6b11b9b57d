using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>Reads a running host's route table: every endpoint a request could reach.</summary>
public static class EndpointListing
{
    /// <summary>Keys of the form <c>"{service} {METHODS} {route pattern}"</c>.</summary>
    public static IReadOnlyList<string> Keys(string service, IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => $"{service} {string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} {e.RoutePattern.RawText}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
