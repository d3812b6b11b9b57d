using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// Every address a client is given is on the public origin, the configured issuer (<c>Identity:Issuer</c>: the
/// gateway, or the public URL in Kubernetes), never the host and port the request reached this service on. The
/// request's own host is not trusted for this, nor are forwarded headers (ADR 16).
/// </summary>
public static class PublicAddresses
{
    /// <summary><paramref name="pathAndQuery"/> (of this service) on the public origin.</summary>
    public static Uri On(Uri issuer, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
        return new Uri(root, pathAndQuery.TrimStart('/'));
    }

    /// <summary>Sends a browser that must sign in to the sign-in page on the public origin.</summary>
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issuer = new Uri(context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentitySettings>>().Value.Issuer);
        var own = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(On(issuer, own.IsAbsoluteUri ? own.PathAndQuery : own.OriginalString).AbsoluteUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes the discovery document derive every endpoint (authorization, token, end-session, keys, and any added
    /// later) from the issuer: it runs just before OpenIddict fills them in from the request's base address.
    /// </summary>
    public sealed class DiscoveryEndpoints : IOpenIddictServerHandler<HandleConfigurationRequestContext>
    {
        /// <summary>Registration with OpenIddict.</summary>
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
                .UseSingletonHandler<DiscoveryEndpoints>()
                .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        /// <inheritdoc />
        public ValueTask HandleAsync(HandleConfigurationRequestContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.BaseUri = context.Options.Issuer
                ?? throw new InvalidOperationException("Identity:Issuer is not configured (the public address of this service).");
            return ValueTask.CompletedTask;
        }
    }
}
