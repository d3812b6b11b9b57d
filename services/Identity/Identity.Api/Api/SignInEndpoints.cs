using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using IcsComplaints.Identity.Api.Features.ExternalSignIn;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Api;

/// <summary>
/// The sign-in page that the authorization code flow sends a browser to: a user name and password, or a configured
/// external provider (ADR 20). Either way it ends with the sign-in cookie naming a local account.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>Maps <c>/account/login</c>, <c>/account/external</c> and <c>/account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http, string? returnUrl) => Page(http, returnUrl, error: null)).AllowAnonymous();
        // Anti-forgery is checked in the handler (IsRequestValidAsync), which reads the form itself.
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().DisableAntiforgery();
        // Federated sign-in (ADR 20): a button posts here, the provider's handler takes the browser there and back to
        // its callback, and the browser lands on /account/external/complete with who the provider said it was.
        app.MapPost("/account/external", ExternalAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet("/account/external/complete", CompleteExternalAsync).AllowAnonymous();
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(ConnectEndpoints.SignInScheme);
            return Results.Redirect("/account/login");
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, PasswordCheck passwords, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return UnsupportedMediaType;
        }
        var (form, refused) = await ReadFormAsync(http, antiforgery, ct);
        if (refused is not null)
        {
            return refused;
        }
        string? returnUrl = form!["returnUrl"];
        var user = await passwords.SignInAsync(form["userName"], form["password"], ct);
        if (user is null)
        {
            return Page(http, returnUrl, "The user name or password is not right.");
        }
        return await SignInLocallyAsync(http, user, returnUrl);
    }

    private static async Task<IResult> ExternalAsync(HttpContext http, IAntiforgery antiforgery, ExternalProviders providers, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return UnsupportedMediaType;
        }
        var (form, refused) = await ReadFormAsync(http, antiforgery, ct);
        if (refused is not null)
        {
            return refused;
        }
        string? returnUrl = form!["returnUrl"];
        if (providers.Find(form["provider"]) is not { } provider)
        {
            return Page(http, returnUrl, "Choose one of the ways to sign in shown.");
        }
        var properties = new AuthenticationProperties { RedirectUri = "/account/external/complete" };
        properties.Items[ExternalProviders.ProviderItem] = provider.Id;
        properties.Items[ExternalProviders.ReturnUrlItem] = IsLocal(returnUrl) ? returnUrl : null;
        return Results.Challenge(properties, [provider.Scheme]);
    }

    // The external cookie is read once and dropped whatever happens: it proves only who the provider said signed in.
    private static async Task<IResult> CompleteExternalAsync(
        HttpContext http, ExternalProviders providers, ExternalSignInHandler externalSignIn, CancellationToken ct)
    {
        var external = await http.AuthenticateAsync(ExternalProviders.CookieScheme);
        await http.SignOutAsync(ExternalProviders.CookieScheme);
        string? returnUrl = null;
        string? providerId = null;
        external.Properties?.Items.TryGetValue(ExternalProviders.ReturnUrlItem, out returnUrl);
        external.Properties?.Items.TryGetValue(ExternalProviders.ProviderItem, out providerId);
        if (!external.Succeeded || providers.Find(providerId) is not { } provider || ExternalIdentity.From(external.Principal) is not { } who)
        {
            return Page(http, returnUrl, "Signing in did not complete. Please try again.");
        }
        var result = await externalSignIn.HandleAsync(provider, who, ct);
        return result.User is { } user
            ? await SignInLocallyAsync(http, user, returnUrl)
            : Page(http, returnUrl, result.Refusal, StatusCodes.Status403Forbidden);
    }

    // The sign-in cookie names the local account only; the authorization endpoint builds the token from its roles and
    // memberships, whichever way the person proved who they are.
    private static async Task<IResult> SignInLocallyAsync(HttpContext http, UserAccount user, string? returnUrl)
    {
        var identity = new ClaimsIdentity(ConnectEndpoints.SignInScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.DisplayName));
        await http.SignInAsync(ConnectEndpoints.SignInScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/account/login");
    }

    private static IResult UnsupportedMediaType =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The sign-in page posts a form (application/x-www-form-urlencoded).");

    // The form is read here rather than bound, so that whatever is posted (a NUL, too many fields, a stale
    // anti-forgery token) is answered with this page and its error, never a JSON problem or a 500.
    private static async Task<(IFormCollection? Form, IResult? Refused)> ReadFormAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            return await antiforgery.IsRequestValidAsync(http)
                ? (form, null)
                : (null, Page(http, form["returnUrl"], "The sign-in page had expired. Please try again."));
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return (null, Page(http, returnUrl: null, "The form could not be read. Please try again."));
        }
    }

    // Only same-site paths: never an open redirect to another host. Printable ASCII only, as a Location header must be
    // (anything else was not produced by the authorization endpoint, which escapes its query).
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && url.All(c => c is > ' ' and < '\x7f');

    // A strict policy (nothing but this page's own style, by its nonce); the forms post here and the browser is then
    // redirected on, to a registered client once signed in or to an external provider, which form-action must allow
    // for browsers that check redirects.
    private static string ContentSecurityPolicy(HttpContext http, IReadOnlyList<ExternalProvider> providers, string nonce)
    {
        var formTargets = http.RequestServices.GetRequiredService<IOptions<IdentitySettings>>().Value.WebRedirectUris
            .Concat(providers.Select(p => p.Settings.Authority))
            .Select(uri => new Uri(uri).GetLeftPart(UriPartial.Authority))
            .Prepend("'self'")
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return $"default-src 'none'; style-src 'nonce-{nonce}'; form-action {string.Join(' ', formTargets)}; frame-ancestors 'none'; base-uri 'none'";
    }

    /// <summary>
    /// The sign-in page, with an error when there is one (answered with <paramref name="status"/>, 400 by default):
    /// user name and password, and a button for each external provider configured.
    /// </summary>
    public static IResult Page(HttpContext http, string? returnUrl, string? error, int status = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var providers = http.RequestServices.GetRequiredService<ExternalProviders>().All;
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(http, providers, nonce);
        var e = HtmlEncoder.Default;
        var errorBlock = error is null ? "" : $"""
            <div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{e.Encode(error)}</p></div>
            """;
        var hiddenFields = $"""
                  <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}">
                  <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl ?? "")}">
            """;
        var providerBlock = providers.Count == 0 ? "" : $"""
                <form method="post" action="/account/external" class="providers">
            {hiddenFields}
            {string.Concat(providers.Select(p => $"      <button type=\"submit\" name=\"provider\" value=\"{e.Encode(p.Id)}\">{e.Encode(p.Settings.DisplayName)}</button>\n"))}
                </form>
                <h2>Or sign in with a user name and password</h2>
            """;
        var html = $$"""
            <!doctype html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in – NHS complaints</title>
              <style nonce="{{nonce}}">
                body { font-family: Arial, sans-serif; max-width: 30rem; margin: 2rem auto; padding: 0 1rem; color: #212b32; }
                label { display: block; font-weight: bold; margin-top: 1rem; }
                input { font-size: 1.1rem; padding: .4rem; width: 100%; box-sizing: border-box; border: 2px solid #4c6272; }
                input:focus, button:focus { outline: 3px solid #ffeb3b; }
                button { margin-top: 1.5rem; font-size: 1.1rem; padding: .6rem 1.2rem; background: #007f3b; color: #fff; border: 0; }
                .error-summary { border: 4px solid #d5281b; padding: .5rem 1rem; }
                .providers button { display: block; width: 100%; margin-top: 1rem; background: #005eb8; }
                main > h2 { font-size: 1.2rem; margin-top: 2rem; }
              </style>
            </head>
            <body>
              <main>
                <h1>Sign in</h1>
                {{errorBlock}}
                {{providerBlock}}
                <form method="post" action="/account/login">
            {{hiddenFields}}
                  <label for="userName">User name</label>
                  <input id="userName" name="userName" autocomplete="username" required>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? StatusCodes.Status200OK : status);
    }
}
