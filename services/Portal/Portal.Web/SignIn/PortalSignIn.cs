using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IcsComplaints.Portal.Web.SignIn;

/// <summary>
/// Sign-in with OpenID Connect (authorization code with PKCE, the <c>ics-web</c> public client) into a cookie session
/// that holds the tokens, refreshes the access token before it expires, and ends after
/// <see cref="PortalSettings.IdleTimeout"/> without a request (ADR 22).
/// </summary>
public static partial class PortalSignIn
{
    /// <summary>The session cookie's scheme.</summary>
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The OpenID Connect scheme.</summary>
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Where the provider sends the browser back after sign-in; registered for <c>ics-web</c>.</summary>
    public const string CallbackPath = "/signin-callback";

    /// <summary>Where the provider sends the browser back after sign-out.</summary>
    public const string SignedOutCallbackPath = "/signout-callback";

    /// <summary>What the portal asks for: who the user is, their roles and organisation, a refresh token, and the APIs.</summary>
    private static readonly string[] Scopes = ["openid", "profile", "roles", "offline_access", "ics-api"];

    /// <summary>
    /// Adds cookie and OpenID Connect authentication as the portal's defaults, configured from
    /// <see cref="PortalSettings"/> when the options are first built (so a test host's settings apply too).
    /// </summary>
    public static void AddPortalSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OidcScheme, _ => { });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<PortalSettings>>((cookie, portal) =>
        {
            var settings = portal.Value;
            cookie.Cookie.Name = "ics-portal";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = SecurePolicy(settings);
            cookie.ExpireTimeSpan = settings.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Events.OnValidatePrincipal = TokenRefresh.ValidateAsync;
        });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IOptions<PortalSettings>>((oidc, portal) =>
        {
            var settings = portal.Value;
            oidc.Authority = settings.Authority;
            oidc.MetadataAddress = settings.MetadataAddress;
            oidc.RequireHttpsMetadata = settings.RequireHttps;
            oidc.ClientId = settings.ClientId;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query of a redirect: form_post would need an auto-submitting script, which the
            // provider's Content-Security-Policy rightly forbids.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            foreach (var scope in Scopes)
            {
                oidc.Scope.Add(scope);
            }
            oidc.CallbackPath = CallbackPath;
            oidc.SignedOutCallbackPath = SignedOutCallbackPath;
            oidc.SignedOutRedirectUri = "/signed-out";
            oidc.SaveTokens = true;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters.NameClaimType = IcsClaims.Name;
            oidc.TokenValidationParameters.RoleClaimType = IcsClaims.Role;
            // The provider sends the browser back with a top-level GET (response_mode=query), which Lax cookies
            // survive; the default None would be dropped by browsers on plain HTTP.
            oidc.CorrelationCookie.SecurePolicy = SecurePolicy(settings);
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = SecurePolicy(settings);
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.Events.OnRedirectToIdentityProvider = context =>
            {
                // Every portal session starts with the password (or the provider's own check), so a session that
                // ended for want of activity is not silently resumed from the provider's cookie.
                context.ProtocolMessage.Prompt = "login";
                context.ProtocolMessage.RedirectUri = PublicAddress(settings, CallbackPath);
                return Task.CompletedTask;
            };
            oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.PostLogoutRedirectUri = PublicAddress(settings, SignedOutCallbackPath);
                return Task.CompletedTask;
            };
            oidc.Events.OnRemoteFailure = context =>
            {
                // A refused or abandoned sign-in (the provider's error, a stale or tampered state) gets a page, not an
                // exception. The reason is the handler's, which names no person.
                SignInRefused(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSignIn)), context.Failure?.Message);
                context.HandleResponse();
                context.Response.Redirect("/sign-in-failed");
                return Task.CompletedTask;
            };
        });
        // Pages are public unless their folder says otherwise (Program's conventions): the complaint journey, the
        // status page and the static files need no sign-in, so the services' "signed in by default" does not apply.
        builder.Services.PostConfigure<AuthorizationOptions>(options => options.FallbackPolicy = null);
    }

    /// <summary>Cookies go over HTTPS only, except on a developer's loopback.</summary>
    public static CookieSecurePolicy SecurePolicy(PortalSettings settings) =>
        settings?.RequireHttps == false ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was refused: {Reason}")]
    private static partial void SignInRefused(ILogger logger, string? reason);

    /// <summary>A path of the portal on its public address.</summary>
    public static string PublicAddress(PortalSettings settings, string path) =>
        new Uri(new Uri(settings.PublicAddress.TrimEnd('/') + "/"), path.TrimStart('/')).AbsoluteUri;
}
