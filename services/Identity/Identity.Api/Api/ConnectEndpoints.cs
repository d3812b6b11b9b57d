using System.Security.Claims;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Api;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through: authorize (authorization code with PKCE, after the
/// sign-in page), token (code, refresh, client credentials, and the password grant in the development profile)
/// and end-session. Discovery and keys are served by OpenIddict itself.
/// </summary>
public static class ConnectEndpoints
{
    /// <summary>Name of the cookie scheme of the sign-in page.</summary>
    public const string SignInScheme = "ics-sign-in";

    /// <summary>Maps the endpoints; all are public by nature.</summary>
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)EndSessionAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, AccountStore accounts, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(SignInScheme);
        var user = signedIn.Succeeded ? await FindUserAsync(accounts, signedIn.Principal.FindFirstValue(Claims.Subject), ct) : null;
        // prompt=login: the client wants the password now, whatever session the sign-in cookie holds. The request is
        // sent back here without it, so that the sign-in just made is the one used.
        var forceSignIn = request.HasPromptValue(PromptValues.Login);
        if (user is null || forceSignIn)
        {
            var parameters = (http.Request.HasFormContentType ? http.Request.Form.Select(f => KeyValuePair.Create(f.Key, f.Value)) : http.Request.Query)
                .Where(p => p.Key != Parameters.Prompt)
                .ToList();
            var prompt = string.Join(' ', request.GetPromptValues().Remove(PromptValues.Login));
            if (prompt.Length > 0)
            {
                parameters.Add(KeyValuePair.Create(Parameters.Prompt, new Microsoft.Extensions.Primitives.StringValues(prompt)));
            }
            if (forceSignIn)
            {
                await http.SignOutAsync(SignInScheme);
            }
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) }, [SignInScheme]);
        }
        var membership = TokenPrincipals.SelectMembership(user, (string?)request["org"], out var refused);
        if (refused)
        {
            return Forbid(Errors.AccessDenied, "You are not a member of that organisation.");
        }
        return Results.SignIn(TokenPrincipals.ForUser(user, membership, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, AccountStore accounts, PasswordCheck passwords, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            var user = await passwords.SignInAsync(request.Username, request.Password, ct);
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "The user name or password is not valid.");
            }
            var membership = TokenPrincipals.SelectMembership(user, (string?)request["org"], out var refused);
            return refused
                ? Forbid(Errors.InvalidGrant, "The user is not a member of that organisation.")
                : SignIn(TokenPrincipals.ForUser(user, membership, request.GetScopes()));
        }
        if (request.IsClientCredentialsGrantType() && ClientRegistration.ServiceClients.TryGetValue(request.ClientId!, out var serviceRole))
        {
            var service = await applications.FindByClientIdAsync(request.ClientId!, ct);
            var serviceName = service is null ? null : await applications.GetDisplayNameAsync(service, ct);
            return SignIn(TokenPrincipals.ForService(request.ClientId!, serviceName, serviceRole, request.GetScopes()));
        }
        if (request.IsClientCredentialsGrantType())
        {
            var binding = await accounts.FindClientBindingAsync(request.ClientId, ct);
            if (binding is null)
            {
                return Forbid(Errors.UnauthorizedClient, "This client is not bound to an organisation.");
            }
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
            var name = application is null ? null : await applications.GetDisplayNameAsync(application, ct);
            return SignIn(TokenPrincipals.ForClient(request.ClientId!, name, binding, request.GetScopes()));
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // Re-read the user so that a disabled account or a removed membership takes effect at the next refresh.
            var earlier = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await FindUserAsync(accounts, earlier.Principal?.FindFirstValue(Claims.Subject), ct);
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "The account is no longer active.");
            }
            var organisation = earlier.Principal!.FindFirstValue(IcsComplaints.Platform.Security.IcsClaims.Organisation);
            var membership = TokenPrincipals.SelectMembership(user, organisation, out var refused);
            return refused
                ? Forbid(Errors.InvalidGrant, "The membership this sign-in used has ended.")
                : SignIn(TokenPrincipals.ForUser(user, membership, earlier.Principal!.GetScopes()));
        }
        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SignInScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<UserAccount?> FindUserAsync(AccountStore accounts, string? subject, CancellationToken ct) =>
        Guid.TryParse(subject, out var id) ? await accounts.FindActiveAsync(id, ct) : null;

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
