using IcsComplaints.Identity.Api.Api;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Features.AddOrganisation;
using IcsComplaints.Identity.Api.Features.AddUser;
using IcsComplaints.Identity.Api.Features.CreateAdmin;
using IcsComplaints.Identity.Api.Features.ExternalSignIn;
using IcsComplaints.Identity.Api.Features.LinkExternalLogin;
using IcsComplaints.Identity.Api.Features.ListAccounts;
using IcsComplaints.Identity.Api.Features.ListStaff;
using IcsComplaints.Identity.Api.Features.RegisterClient;
using IcsComplaints.Identity.Api.Features.RemoveMembership;
using IcsComplaints.Identity.Api.Features.SetDisabled;
using IcsComplaints.Identity.Api.Features.SetMembership;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api;

/// <summary>Everything the identity service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>Adds the database, OpenIddict, the sign-in cookie, the password check, the audit trail and the deployment steps.</summary>
    public static WebApplicationBuilder AddIdentityServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityServiceDbContext, WebApplicationBuilder>("identitydb", IdentityServiceDbContext.Schema);
        // Refuse to start with settings that would be unsafe in this environment, rather than fail on a request.
        builder.Services.AddOptions<IdentitySettings>()
            .Bind(builder.Configuration.GetSection(IdentitySettings.SectionName))
            .Validate(s => !string.IsNullOrWhiteSpace(s.Issuer), "Identity:Issuer is not configured (the public address of this service).")
            .Validate<IHostEnvironment>(
                (s, env) => !s.EnablePasswordGrant || ServerCredentials.IsDevelopmentProfile(env),
                "Identity:EnablePasswordGrant is on outside the development profile; the password grant exists only there.")
            .Validate<IHostEnvironment>(
                (s, env) => ServerCredentials.IsDevelopmentProfile(env) || ((s.SigningKey ?? s.SigningKeyFile) is { Length: > 0 } && s.EncryptionKey is { Length: > 0 }),
                "Identity:SigningKey (or SigningKeyFile) and Identity:EncryptionKey are required outside the development profile.")
            .Validate(
                s => s.Lockout.FailedAttempts >= 1 && s.Lockout.FirstLock > TimeSpan.Zero && s.Lockout.LongestLock >= s.Lockout.FirstLock,
                "Identity:Lockout needs FailedAttempts of at least 1 and 0 < FirstLock <= LongestLock.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentitySettings>, ExternalProviderValidation>();
        builder.Services.AddAuditTrail<IdentityServiceDbContext>();
        builder.Services.AddScoped<AccountStore>();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.AddScoped<ListAccountsHandler>();
        builder.Services.AddScoped<ListStaffHandler>();
        builder.Services.AddScoped<AddOrganisationHandler>();
        builder.Services.AddScoped<AddUserHandler>();
        builder.Services.AddScoped<SetMembershipHandler>();
        builder.Services.AddScoped<RemoveMembershipHandler>();
        builder.Services.AddScoped<SetDisabledHandler>();
        builder.Services.AddScoped<RegisterClientHandler>();
        builder.Services.AddScoped<ExternalSignInHandler>();
        builder.Services.AddScoped<LinkExternalLoginHandler>();
        // No personal identifier is logged at any level (ADR 16). OpenIddict logs each request's parameters, user
        // names among them, at Information (its warnings and errors say what went wrong without them); the host logs
        // each request's full address, whose query can carry a user name (OpenID Connect's login_hint, also inside the
        // sign-in page's ReturnUrl). Sign-ins are logged by PasswordCheck, naming accounts by id.
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Malformed OpenID Connect requests are answered 400 before OpenIddict or the database sees them.
        builder.Services.AddSingleton<IStartupFilter, ConnectRequestGuard>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityServiceDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, TokenPrincipals.ApiScope);
                // Services validate tokens with plain JWT bearer handlers, which cannot read encrypted tokens.
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(PublicAddresses.DiscoveryEndpoints.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });
        // Issuer, keys, lifetimes and the password grant come from configuration, read when options are built.
        builder.Services.AddSingleton<ServerCredentials>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ServerCredentials>());
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerAspNetCoreOptions>>(sp => sp.GetRequiredService<ServerCredentials>());

        builder.Services.AddAuthentication().AddCookie(ConnectEndpoints.SignInScheme, cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "ics-sign-in";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            cookie.Events.OnRedirectToLogin = PublicAddresses.RedirectToSignInAsync;
        });
        AddExternalProviders(builder.Services);
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<IDeploymentStep, ClientRegistration>();
        builder.Services.AddSingleton<IDeploymentStep, DemoData>();
        builder.Services.AddSingleton<IServiceCommand, CreateAdminCommand>();
        builder.AddApiDocument("identity", "Administration of organisations, users and integrating clients, and the staff directory; tokens come from /connect/token.");
        return builder;
    }

    // Each provider of Identity:ExternalProviders gets an OpenID Connect handler, added when the authentication options
    // are first built (ADR 20); the post-configuration AddOpenIdConnect would add (metadata, state and nonce
    // protection, the back channel) is registered here for them.
    private static void AddExternalProviders(IServiceCollection services)
    {
        services.AddSingleton<ExternalProviders>();
        services.AddSingleton<IConfigureOptions<AuthenticationOptions>>(sp => sp.GetRequiredService<ExternalProviders>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>>(sp => sp.GetRequiredService<ExternalProviders>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddAuthentication().AddCookie(ExternalProviders.CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(ExternalProviders.CookieScheme).Configure<IOptions<IdentitySettings>>((cookie, settings) =>
        {
            // Only the step from the provider's callback to /account/external/complete needs it.
            cookie.Cookie.Name = "ics-external";
            cookie.Cookie.Path = "/account/external";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = ExternalProviders.SecureCookies(settings.Value);
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            cookie.SlidingExpiration = false;
        });
    }

    /// <summary>Maps the OpenID Connect endpoints, the sign-in page, the administration API and the audit trail.</summary>
    public static WebApplication MapIdentityApi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapConnectEndpoints();
        app.MapSignInEndpoints();
        app.MapAdministrationApi();
        app.MapStaffDirectoryApi();
        app.MapAuditApi<IdentityServiceDbContext>("identity");
        app.MapApiDocument();
        return app;
    }
}
