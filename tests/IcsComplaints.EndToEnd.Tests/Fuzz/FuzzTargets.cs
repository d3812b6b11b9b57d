using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>A REST route that writes: its service, method, pattern and the type of its JSON body (if any).</summary>
public sealed record RestWriteRoute(string Service, string Method, RoutePattern Pattern, Type? BodyType, Uri ServiceAddress)
{
    public override string ToString() => $"{Service} {Method} {Pattern.RawText}";
}

/// <summary>A gRPC method that writes: its full name and the descriptor of its request message.</summary>
public sealed record GrpcWriteMethod(string Service, string FullName, MessageDescriptor Request, Uri ServiceAddress)
{
    public override string ToString() => $"{Service} {FullName}";
}

/// <summary>
/// Every write route of every service, read from the running hosts' own route tables, so that a route added later is
/// fuzzed without anyone remembering to list it.
/// </summary>
public static class FuzzTargets
{
    private static readonly HashSet<string> WriteMethods = new(StringComparer.Ordinal) { "POST", "PUT", "PATCH", "DELETE" };

    // gRPC has no verbs: methods that only read are known by their names.
    private static readonly string[] ReadPrefixes = ["Get", "List", "Find", "Search", "Compare", "Check", "Lookup"];

    public static IReadOnlyList<RestWriteRoute> Rest(IEnumerable<(string Name, IServiceProvider Services, Uri Address)> hosts) =>
        [.. hosts.SelectMany(h => Endpoints(h.Services)
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(WriteMethods.Contains)
                .Select(m => new RestWriteRoute(h.Name, m, e.RoutePattern, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, h.Address))))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)];

    public static IReadOnlyList<GrpcWriteMethod> Grpc(IEnumerable<(string Name, IServiceProvider Services, Uri Address)> hosts) =>
        [.. hosts.SelectMany(h => Endpoints(h.Services)
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Where(m => !ReadPrefixes.Any(p => m.Method.Name.StartsWith(p, StringComparison.Ordinal)) && !m.Method.ServiceName.StartsWith("grpc.", StringComparison.Ordinal))
            .Select(m => new GrpcWriteMethod(h.Name, m.Method.FullName, DescriptorOf(m.Method), h.Address)))
            .DistinctBy(m => m.ToString())
            .OrderBy(m => m.ToString(), StringComparer.Ordinal)];

    private static IEnumerable<RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    // The request type is the first type argument of Method<TRequest, TResponse>; generated messages expose their descriptor statically.
    private static MessageDescriptor DescriptorOf(Grpc.Core.IMethod method)
    {
        var requestType = method.GetType().GetGenericArguments()[0];
        return (MessageDescriptor)requestType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>True for a generated protobuf message type.</summary>
    public static bool IsMessage(Type type) => typeof(IMessage).IsAssignableFrom(type);
}
