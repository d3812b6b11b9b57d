using Grpc.AspNetCore.Server;
using Grpc.Reflection;
using IcsComplaints.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IcsComplaints.ServiceDefaults;

/// <summary>gRPC server settings shared by every service.</summary>
public static class GrpcExtensions
{
    /// <summary>
    /// Adds gRPC with the shared error mapping and message size limit, and server reflection, which
    /// <see cref="ServiceDefaultsExtensions.MapDefaultEndpoints"/> serves in Development only.
    /// </summary>
    public static IGrpcServerBuilder AddServiceGrpc(this IServiceCollection services)
    {
        var grpc = services.AddGrpc(options =>
        {
            options.Interceptors.Add<GrpcErrorInterceptor>();
            options.MaxReceiveMessageSize = GrpcProtocol.GrpcRequestGuard.MaxMessageBytes;
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        return grpc;
    }

    /// <summary>
    /// Serves gRPC server reflection in Development, so grpcurl and Postman can list and call the methods of a service
    /// on a developer's machine. Elsewhere the published .proto files (contracts/*/Protos) are the contract: reflection
    /// would tell anyone who can reach a service every method it has, including those the gateway does not route.
    /// </summary>
    internal static void MapGrpcReflectionInDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() && app.Services.GetService<ReflectionServiceImpl>() is not null)
        {
            // Anonymous like any method list: it says what exists, and each method still checks its caller.
            app.MapGrpcReflectionService().AllowAnonymous();
        }
    }
}
