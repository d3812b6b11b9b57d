using System.Security.Claims;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>Builds the claims an access token carries: subject, name, roles, organisation and its type.</summary>
public static class TokenPrincipals
{
    /// <summary>The audience every service validates, granted only with <see cref="ApiScope"/>.</summary>
    public const string Audience = "ics-api";

    /// <summary>The scope a client asks for to call the services.</summary>
    public const string ApiScope = "ics-api";

    /// <summary>A user acting for one of their organisations (or for none: platform administrator, complainant).</summary>
    public static ClaimsPrincipal ForUser(UserAccount user, Membership? membership, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaim(Claims.PreferredUsername, user.UserName);
        var roles = user.Roles.Concat(membership?.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (membership?.Organisation is { } organisation)
        {
            identity.SetClaim(IcsClaims.Organisation, organisation.OdsCode);
            identity.SetClaim(IcsClaims.OrganisationType, organisation.Type);
        }
        identity.SetClaims(Claims.Role, [.. roles]);
        return Finish(identity, scopes);
    }

    /// <summary>A system acting for the one organisation its client is bound to.</summary>
    public static ClaimsPrincipal ForClient(string clientId, string? displayName, ClientOrganisation binding, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetClaim(IcsClaims.Organisation, binding.OdsCode);
        identity.SetClaim(IcsClaims.OrganisationType, binding.Organisation?.Type);
        identity.SetClaims(Claims.Role, [.. binding.Roles]);
        return Finish(identity, scopes);
    }

    /// <summary>
    /// One of the platform's own services, acting for no organisation: its only claim to access is its role, which
    /// the services admit on the endpoints that name it and nowhere else (ADR 36).
    /// </summary>
    public static ClaimsPrincipal ForService(string clientId, string? displayName, string role, IEnumerable<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        identity.SetClaims(Claims.Role, [role]);
        return Finish(identity, scopes);
    }

    /// <summary>The membership a sign-in uses: the one named (by ODS code), else the default, else the first.</summary>
    public static Membership? SelectMembership(UserAccount user, string? requestedOrganisation, out bool refused)
    {
        refused = false;
        if (!string.IsNullOrWhiteSpace(requestedOrganisation))
        {
            var named = user.Memberships.FirstOrDefault(m => string.Equals(m.OdsCode, requestedOrganisation, StringComparison.OrdinalIgnoreCase));
            refused = named is null;
            return named;
        }
        return user.Memberships.FirstOrDefault(m => m.IsDefault) ?? (user.Memberships.Count > 0 ? user.Memberships[0] : null);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    // The services' audience is granted with their scope only. OpenIddict has already refused a scope the client is
    // not permitted (scope permissions are enforced), so a scope here was both asked for and allowed.
    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        if (granted.Contains(ApiScope, StringComparer.Ordinal))
        {
            identity.SetResources(Audience);
        }
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Role or IcsClaims.Organisation or IcsClaims.OrganisationType or Claims.PreferredUsername
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
