using Microsoft.Extensions.Configuration;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// Where another service answers gRPC: <c>Services:&lt;Key&gt;:Grpc</c>, which ./ics, compose and the chart set from
/// deploy/services.tsv for the services a service calls. No default port in code, so the table stays the one place.
/// </summary>
public static class ServiceAddresses
{
    /// <summary>The gRPC address of the service with the given key (Intake, Advocacy), or a clear error when unset.</summary>
    public static Uri GrpcOf(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = $"Services:{key}:Grpc";
        return configuration[setting] is { Length: > 0 } address
            ? new Uri(address)
            : throw new InvalidOperationException($"{setting} is not set: deploy/services.tsv says which services a service calls, and ./ics, compose and the chart give it their addresses.");
    }
}
