using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Platform.Security;

/// <summary>
/// Token validation settings (section <c>Authentication</c>). Services trust an issuer and an audience only,
/// so any OpenID Connect provider that issues JWT access tokens (the project's identity service, NHS CIS2,
/// Microsoft Entra ID) can be used by configuration.
/// </summary>
public sealed class TokenValidationSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Authentication";

    /// <summary>Where the provider's discovery document is (<c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string Authority { get; set; } = "";

    /// <summary>Discovery document address, when it is not under <see cref="Authority"/> (an in-cluster address).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Expected <c>iss</c>; defaults to <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>.</summary>
    public string Audience { get; set; } = "ics-api";

    /// <summary>
    /// The scope a token must carry (in its <c>scope</c> claim, or <c>scp</c> as Microsoft Entra ID writes it) to be
    /// accepted: the grant of access to these services. Empty turns the check off, for a provider that issues no
    /// scope for this API and shows the grant by the audience alone.
    /// </summary>
    public string? RequiredScope { get; set; } = "ics-api";

    /// <summary>Whether the discovery document must be fetched over HTTPS (off only on a developer's loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Claim that carries roles in the provider's tokens.</summary>
    public string RoleClaim { get; set; } = IcsClaims.Role;

    /// <summary>Claim that carries the organisation's ODS code.</summary>
    public string OrganisationClaim { get; set; } = IcsClaims.Organisation;

    /// <summary>Claim that carries the organisation's type.</summary>
    public string OrganisationTypeClaim { get; set; } = IcsClaims.OrganisationType;

    /// <summary>Optional mapping from the provider's role values to this system's (for example NHS RBAC codes).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];
}

/// <summary>Authentication and authorisation as every service and the gateway apply them.</summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates bearer tokens (signature, issuer, audience, lifetime; <c>alg: none</c> is never accepted) and makes
    /// every endpoint require an authenticated caller unless it says otherwise, so no endpoint is public by accident.
    /// </summary>
    public static TBuilder AddServiceAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TokenValidationSettings>()
            .Bind(builder.Configuration.GetSection(TokenValidationSettings.SectionName))
            .Validate(s => !string.IsNullOrWhiteSpace(s.Authority), "Authentication:Authority is not configured (the OpenID Connect provider's address).")
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenValidationSettings>>((jwt, settings) => Configure(jwt, settings.Value));
        builder.Services.AddTransient<IClaimsTransformation, ExternalClaimsTransformation>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin))
            .AddPolicy(Policies.AuditReaders, p => p.RequireRole(Roles.PlatformAdmin, Roles.QualityLead));
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, TokenValidationSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Authority))
        {
            throw new InvalidOperationException("Authentication:Authority is not configured (the OpenID Connect provider's address).");
        }
        jwt.Authority = settings.Authority;
        jwt.MetadataAddress = settings.MetadataAddress ?? "";
        jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidIssuer = settings.Issuer ?? settings.Authority;
        jwt.TokenValidationParameters.ValidAudience = settings.Audience;
        jwt.TokenValidationParameters.NameClaimType = IcsClaims.Name;
        jwt.TokenValidationParameters.RoleClaimType = IcsClaims.Role;
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        jwt.TokenValidationParameters.RequireSignedTokens = true;
        jwt.TokenValidationParameters.RequireExpirationTime = true;
        jwt.TokenValidationParameters.ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384"];
        // A token without the API's scope was not granted for these services: it fails like a wrong audience, so the
        // caller is anonymous everywhere (including on public endpoints), never a signed-in caller with less access.
        if (!string.IsNullOrWhiteSpace(settings.RequiredScope))
        {
            var required = settings.RequiredScope.Trim();
            jwt.Events ??= new JwtBearerEvents();
            jwt.Events.OnTokenValidated = context =>
            {
                if (!TokenScopes.Grant(context.Principal, required))
                {
                    context.Fail($"The token does not carry the scope '{required}'.");
                }
                return Task.CompletedTask;
            };
        }
    }
}

/// <summary>Reads the scopes a validated access token was granted.</summary>
public static class TokenScopes
{
    /// <summary>
    /// True when the token's <c>scope</c> claim (RFC 9068, OpenIddict: space-separated, or one claim per scope) or its
    /// <c>scp</c> claim (Microsoft Entra ID) names <paramref name="scope"/>.
    /// </summary>
    public static bool Grant(ClaimsPrincipal? principal, string scope) =>
        principal is not null && principal.Claims
            .Where(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}

/// <summary>
/// Maps an external provider's claim names and role values to this system's (<see cref="IcsClaims"/>); a no-op
/// with the project's own identity service.
/// </summary>
internal sealed class ExternalClaimsTransformation(IOptions<TokenValidationSettings> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var settings = options.Value;
        if (principal.Identity is not ClaimsIdentity identity || !identity.IsAuthenticated ||
            (settings.RoleClaim == IcsClaims.Role && settings.OrganisationClaim == IcsClaims.Organisation &&
             settings.OrganisationTypeClaim == IcsClaims.OrganisationType && settings.RoleMap.Count == 0) ||
            identity.HasClaim("ics_mapped", "true"))
        {
            return Task.FromResult(principal);
        }
        var mapped = new ClaimsIdentity(identity.AuthenticationType, IcsClaims.Name, IcsClaims.Role);
        foreach (var claim in identity.Claims)
        {
            var type = claim.Type == settings.RoleClaim ? IcsClaims.Role
                : claim.Type == settings.OrganisationClaim ? IcsClaims.Organisation
                : claim.Type == settings.OrganisationTypeClaim ? IcsClaims.OrganisationType
                : claim.Type;
            var value = type == IcsClaims.Role && settings.RoleMap.TryGetValue(claim.Value, out var role) ? role : claim.Value;
            mapped.AddClaim(new Claim(type, value, claim.ValueType, claim.Issuer));
        }
        mapped.AddClaim(new Claim("ics_mapped", "true"));
        return Task.FromResult(new ClaimsPrincipal(mapped));
    }
}

/// <summary>Named authorisation policies shared by the services.</summary>
public static class Policies
{
    /// <summary>Platform administrators only.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Who may read an audit trail: platform administrators and quality leads (their own organisation's).</summary>
    public const string AuditReaders = "audit-readers";
}
