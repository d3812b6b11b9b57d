using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace IcsComplaints.ServiceDefaults.GrpcProtocol;

/// <summary>
/// A gRPC caller without a valid token, or without the right to call, gets <c>UNAUTHENTICATED</c> or
/// <c>PERMISSION_DENIED</c> as a gRPC status with trailers, not an HTTP 401/403 with a problem document that gRPC
/// clients report as a transport failure. REST callers keep the HTTP answers.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (GrpcStatusResponse.IsGrpc(context.Request) && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            await GrpcStatusResponse.WriteAsync(
                context,
                authorizeResult.Challenged ? StatusCode.Unauthenticated : StatusCode.PermissionDenied,
                authorizeResult.Challenged ? "Sign in: send a valid access token (authorization: Bearer …)." : "You are not allowed to do this.");
            return;
        }
        await _http.HandleAsync(next, context, policy, authorizeResult);
    }
}
