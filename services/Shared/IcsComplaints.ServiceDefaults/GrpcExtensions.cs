using Grpc.AspNetCore.Server;
using IcsComplaints.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.ServiceDefaults;

/// <summary>gRPC server settings shared by every service.</summary>
public static class GrpcExtensions
{
    /// <summary>Adds gRPC with the shared error mapping and message size limit.</summary>
    public static IGrpcServerBuilder AddServiceGrpc(this IServiceCollection services) =>
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<GrpcErrorInterceptor>();
            options.MaxReceiveMessageSize = GrpcProtocol.GrpcRequestGuard.MaxMessageBytes;
            options.EnableDetailedErrors = false;
        });
}
