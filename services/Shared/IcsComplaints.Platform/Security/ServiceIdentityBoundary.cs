using Microsoft.AspNetCore.Http;

namespace IcsComplaints.Platform.Security;

/// <summary>
/// Marks the one endpoint (REST handler or gRPC method) a service role may call. Without it, a caller holding a role
/// of <see cref="Roles.Services"/> is refused by <see cref="ServiceIdentityBoundary"/>.
/// </summary>
/// <param name="role">The service role admitted.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class AdmitsServiceAttribute(string role) : Attribute
{
    /// <summary>The service role admitted.</summary>
    public string Role { get; } = role;
}

/// <summary>
/// Keeps a service identity to the endpoints that name it (ADR 36). A service's token reads across organisations, so
/// it must not fall through to the ordinary checks of every other endpoint, where an unforeseen rule could let it in:
/// it is refused with 403 (over gRPC, PERMISSION_DENIED) before any handler runs.
/// </summary>
public sealed class ServiceIdentityBoundary(RequestDelegate next)
{
    /// <summary>Refuses a service role on an endpoint that does not admit it.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.From(context.User);
        var services = Roles.Services.Where(caller.Has).ToList();
        if (services.Count == 0)
        {
            return next(context);
        }
        var admitted = context.GetEndpoint()?.Metadata.GetOrderedMetadata<AdmitsServiceAttribute>() ?? [];
        if (services.All(role => admitted.Any(a => a.Role == role)))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
