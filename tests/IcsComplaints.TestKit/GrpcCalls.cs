using Grpc.Core;

namespace IcsComplaints.TestKit;

/// <summary>gRPC calls as callers of the platform make them.</summary>
public static class GrpcCalls
{
    /// <summary>gRPC metadata carrying a bearer token.</summary>
    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };
}
