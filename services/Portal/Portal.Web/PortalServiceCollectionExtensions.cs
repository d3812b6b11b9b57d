using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.SignIn;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Portal.Web;

/// <summary>
/// The portal: Razor Pages in the NHS.UK design system, served by the gateway at <c>/</c>, calling the APIs through
/// the gateway as the person using it. It keeps nothing but its sessions (ADR 22).
/// </summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Where scripts, styles, images, fonts, frames and form posts may come from: this origin only (plus the sign-in
    /// provider as a form target, because signing out redirects there). No inline script or style anywhere.
    /// </summary>
    public static string ContentSecurityPolicy(PortalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) ? " " + authority.GetLeftPart(UriPartial.Authority) : "";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            $"object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'{provider}";
    }

    /// <summary>Adds pages, sign-in, sessions and the API client.</summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PortalSettings.SectionName);
        builder.Services.AddOptions<PortalSettings>().Bind(section)
            .Validate(s => Uri.IsWellFormedUriString(s.Gateway, UriKind.Absolute), "Portal:Gateway is not configured (the gateway's address for API calls).")
            .Validate(s => Uri.IsWellFormedUriString(s.Authority, UriKind.Absolute), "Portal:Authority is not configured (the OpenID Connect provider).")
            .Validate(s => Uri.IsWellFormedUriString(s.PublicAddress, UriKind.Absolute), "Portal:PublicAddress is not configured (the portal's public URL).")
            .Validate(s => !string.IsNullOrWhiteSpace(s.IcbOdsCode), "Portal:IcbOdsCode is not configured (the ICB that runs this portal).")
            .ValidateOnStart();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff");
            options.Conventions.AuthorizeFolder("/Advocate");
            options.Conventions.AuthorizeFolder("/Oversight");
            options.Conventions.AuthorizePage("/YourComplaints");
        });
        builder.AddPortalSignIn();
        builder.Services.AddAntiforgery();
        builder.Services.AddOptions<AntiforgeryOptions>().Configure<IOptions<PortalSettings>>((options, portal) =>
        {
            options.Cookie.Name = "ics-portal-antiforgery";
            options.Cookie.SecurePolicy = PortalSignIn.SecurePolicy(portal.Value);
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        // The complaint being written lives on the server, keyed by this cookie (ADR 22).
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession();
        builder.Services.AddOptions<SessionOptions>().Configure<IOptions<PortalSettings>>((options, portal) =>
        {
            options.Cookie.Name = "ics-portal-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.IsEssential = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = PortalSignIn.SecurePolicy(portal.Value);
            options.IdleTimeout = TimeSpan.FromHours(1);
        });
        builder.Services.AddDataProtection().SetApplicationName("ics-portal");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<PortalSettings>, ILoggerFactory>((options, portal, logs) =>
        {
            if (!string.IsNullOrWhiteSpace(portal.Value.KeysPath))
            {
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(portal.Value.KeysPath), logs);
            }
        });
        // The gateway tells the portal who the person is (X-Forwarded-For); nobody else may.
        builder.AddClientAddresses(PortalSettings.SectionName);
        builder.Services.AddTransient<CallerForwarding>();
        builder.Services.AddHttpClient<PlatformApi>((services, http) =>
                http.BaseAddress = new Uri(services.GetRequiredService<IOptions<PortalSettings>>().Value.Gateway.TrimEnd('/') + "/"))
            .AddHttpMessageHandler<CallerForwarding>();
        builder.Services.AddTransient<PublicApis>();
        builder.Services.AddTransient<CaseApis>();
        builder.Services.AddTransient<AdvocacyApis>();
        builder.Services.AddTransient<LearningApis>();
        builder.Services.AddTransient<IntakeStaffApis>();
        builder.Services.AddTransient<ConcernApis>();
        builder.Services.AddTransient<TrainingApis>();
        builder.Services.AddTransient<ResponseReviewApis>();
        builder.Services.AddTransient<ContributionApis>();
        builder.Services.AddTransient<ReportingApis>();
        builder.Services.AddTransient<LearningOversightApis>();
        builder.Services.AddScoped<ProviderNames>();
        return builder;
    }

    /// <summary>Adds the portal's middleware and maps its pages.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        var policy = ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<PortalSettings>>().Value);
        app.UseClientAddresses();
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            return next(context);
        });
        app.UseStaticFiles();
        // Inside the shared handlers, so people get a page of the service, not an API's problem details.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSession();
        app.MapSignInEndpoints();
        app.MapRazorPages();
        return app;
    }
}
