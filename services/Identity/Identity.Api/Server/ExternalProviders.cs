using System.Security.Cryptography;
using IcsComplaints.Identity.Api.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>A configured external provider: its id (the configuration name, lower case) and settings.</summary>
/// <param name="Id">Lower-case name.</param>
/// <param name="Settings">Its settings.</param>
public sealed record ExternalProvider(string Id, ExternalProviderSettings Settings)
{
    /// <summary>The authentication scheme of its OpenID Connect handler.</summary>
    public string Scheme => ExternalProviders.SchemePrefix + Id;

    /// <summary>Where the provider sends the browser back to, on this service (through the gateway's <c>/account</c> route).</summary>
    public string CallbackPath => $"/account/external/{Id}/callback";
}

/// <summary>
/// The external OpenID Connect providers of <c>Identity:ExternalProviders</c>, each an ASP.NET Core OpenID Connect
/// handler (authorization code with PKCE, state and nonce) that signs the person into a short-lived external cookie;
/// <c>/account/external/complete</c> then maps them to a local account (ADR 20). Schemes and their options are built
/// from the settings when first needed, not at registration, so that every host (and test host) can configure them.
/// </summary>
public sealed partial class ExternalProviders(IOptions<IdentitySettings> settings, TimeProvider time, ILogger<ExternalProviders> logger)
    : IConfigureOptions<AuthenticationOptions>, IConfigureNamedOptions<OpenIdConnectOptions>
{
    /// <summary>Prefix of each provider's authentication scheme.</summary>
    public const string SchemePrefix = "external-";

    /// <summary>The cookie that holds who the provider said signed in, until they are mapped to a local account.</summary>
    public const string CookieScheme = "ics-external";

    /// <summary>Item of the authentication properties naming the provider.</summary>
    public const string ProviderItem = "ics-provider";

    /// <summary>Item of the authentication properties holding where to go once signed in (the authorization request).</summary>
    public const string ReturnUrlItem = "ics-return-url";

    private const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Every provider switched on (with an <see cref="ExternalProviderSettings.Authority"/>), in configuration order.</summary>
    public IReadOnlyList<ExternalProvider> All =>
        [.. settings.Value.ExternalProviders.Where(p => p.Value.IsOn).Select(p => new ExternalProvider(ExternalProviderSettings.IdOf(p.Key), p.Value))];

    /// <summary>The provider with this id, or <c>null</c>.</summary>
    public ExternalProvider? Find(string? id) => All.FirstOrDefault(p => p.Id == id);

    /// <inheritdoc />
    public void Configure(AuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var provider in All)
        {
            options.AddScheme(provider.Scheme, scheme =>
            {
                scheme.HandlerType = typeof(OpenIdConnectHandler);
                scheme.DisplayName = provider.Settings.DisplayName;
            });
        }
    }

    /// <inheritdoc />
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    /// <inheritdoc />
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(SchemePrefix, StringComparison.Ordinal) || Find(name[SchemePrefix.Length..]) is not { } provider)
        {
            return;
        }
        var s = settings.Value;
        var p = provider.Settings;
        options.SignInScheme = CookieScheme;
        options.Authority = p.Authority;
        options.RequireHttpsMetadata = s.RequireHttps;
        options.ClientId = p.ClientId;
        options.ClientSecret = string.IsNullOrWhiteSpace(p.ClientSecret) ? null : p.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax, which
        // browsers keep over plain HTTP on a developer's machine as well (SameSite=None needs Secure).
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
        options.Scope.Clear();
        foreach (var scope in p.Scopes.Where(given => !string.IsNullOrWhiteSpace(given)).Prepend(OpenIdConnectScope.OpenId).Distinct(StringComparer.Ordinal))
        {
            options.Scope.Add(scope);
        }
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = p.UseUserInfo;
        options.SaveTokens = false;
        options.DisableTelemetry = true;
        options.CallbackPath = provider.CallbackPath;
        options.SignedOutCallbackPath = $"/account/external/{provider.Id}/signed-out";
        options.RemoteSignOutPath = $"/account/external/{provider.Id}/remote-sign-out";
        options.TokenValidationParameters.NameClaimType = "name";
        var secure = SecureCookies(s);
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = secure;
            cookie.HttpOnly = true;
        }
        var signingKey = p.PrivateKey is { Length: > 0 } || p.PrivateKeyFile is { Length: > 0 } ? LoadPrivateKey(p) : null;
        options.Events = new OpenIdConnectEvents
        {
            // The provider is told to send the browser back to the public origin, never to the host and port the
            // request reached this service on (ADR 16).
            OnRedirectToIdentityProvider = context =>
            {
                context.ProtocolMessage.RedirectUri = PublicAddresses.On(new Uri(s.Issuer), provider.CallbackPath).AbsoluteUri;
                return Task.CompletedTask;
            },
            OnAuthorizationCodeReceived = context => signingKey is null ? Task.CompletedTask : AssertClientAsync(context, p, signingKey),
            OnRemoteFailure = context => RefuseAsync(context, provider),
        };
    }

    /// <summary>Secure cookies when the public address is https, whatever scheme the request reached this service by.</summary>
    public static CookieSecurePolicy SecureCookies(IdentitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer) && issuer.Scheme == Uri.UriSchemeHttps
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
    }

    // private_key_jwt (RFC 7523, OpenID Connect Core 9): a short-lived JWT signed with the client's key, for the
    // token endpoint only, in place of a secret. RS512, as NHS CIS2 and NHS login ask.
    private async Task AssertClientAsync(AuthorizationCodeReceivedContext context, ExternalProviderSettings provider, RsaSecurityKey key)
    {
        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        var bis = provider.ClientAssertion == ClientAssertionProfile.Rfc7523bis;
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = bis ? "client-authentication+jwt" : "JWT",
            Issuer = provider.ClientId,
            Audience = bis ? configuration.Issuer : configuration.TokenEndpoint,
            Claims = new Dictionary<string, object> { ["sub"] = provider.ClientId, ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha512),
        });
        context.TokenEndpointRequest!.ClientSecret = null;
        context.TokenEndpointRequest.ClientAssertionType = ClientAssertionType;
        context.TokenEndpointRequest.ClientAssertion = assertion;
    }

    // A refusal by the provider, a tampered or expired state, a replayed code or a bad ID token: the sign-in page
    // again with a plain message, never an exception page. The reason is logged by its kind only: a provider's
    // error description is free text.
    private async Task RefuseAsync(RemoteFailureContext context, ExternalProvider provider)
    {
        LogRemoteFailure(logger, provider.Id, context.Failure?.GetType().Name ?? "unknown");
        context.HandleResponse();
        string? returnUrl = null;
        context.Properties?.Items.TryGetValue(ReturnUrlItem, out returnUrl);
        await SignInEndpoints.Page(context.HttpContext, returnUrl,
            $"Signing in with {provider.Settings.DisplayName} did not complete. Please try again.",
            StatusCodes.Status400BadRequest).ExecuteAsync(context.HttpContext);
    }

    private static RsaSecurityKey LoadPrivateKey(ExternalProviderSettings settings)
    {
        var pem = settings.PrivateKey is { Length: > 0 } inline ? inline : File.ReadAllText(settings.PrivateKeyFile!);
        // A PEM may also come base64-encoded on one line, as environment files (docker compose) need.
        if (!pem.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            pem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(pem.Trim()));
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = settings.PrivateKeyId };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in through provider {Provider} failed at the callback ({Failure})")]
    private static partial void LogRemoteFailure(ILogger logger, string provider, string failure);
}
