using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using IcsComplaints.Identity.Api.Features.SignIn;
using IcsComplaints.Identity.Api.Server;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Api;

/// <summary>The sign-in page that the authorization code flow sends a browser to.</summary>
public static class SignInEndpoints
{
    /// <summary>Maps <c>/account/login</c> and <c>/account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null)).AllowAnonymous();
        // Anti-forgery is checked in the handler (IsRequestValidAsync), which reads the form itself.
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(ConnectEndpoints.SignInScheme);
            return Results.Redirect("/account/login");
        }).AllowAnonymous();
        return app;
    }

    // The form is read here rather than bound, so that whatever is posted (a NUL, too many fields, a stale
    // anti-forgery token) is answered with this page and its error, never a JSON problem or a 500.
    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, PasswordCheck passwords, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The sign-in page posts a form (application/x-www-form-urlencoded).");
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Page(http, antiforgery, form["returnUrl"], "The sign-in page had expired. Please try again.");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Page(http, antiforgery, returnUrl: null, "The form could not be read. Please try again.");
        }
        string? returnUrl = form["returnUrl"];
        var user = await passwords.SignInAsync(form["userName"], form["password"], ct);
        if (user is null)
        {
            return Page(http, antiforgery, returnUrl, "The user name or password is not right.");
        }
        var identity = new ClaimsIdentity(ConnectEndpoints.SignInScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.DisplayName));
        await http.SignInAsync(ConnectEndpoints.SignInScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/account/login");
    }

    // Only same-site paths: never an open redirect to another host. Printable ASCII only, as a Location header must be
    // (anything else was not produced by the authorization endpoint, which escapes its query).
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && url.All(c => c is > ' ' and < '\x7f');

    // A strict policy (nothing but this page's own style, by its nonce); the form posts here and, once signed in, the
    // browser is redirected on to a registered client, which form-action must allow for browsers that check redirects.
    private static string ContentSecurityPolicy(HttpContext http, string nonce)
    {
        var formTargets = http.RequestServices.GetRequiredService<IOptions<IdentitySettings>>().Value.WebRedirectUris
            .Select(uri => new Uri(uri).GetLeftPart(UriPartial.Authority))
            .Prepend("'self'")
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return $"default-src 'none'; style-src 'nonce-{nonce}'; form-action {string.Join(' ', formTargets)}; frame-ancestors 'none'; base-uri 'none'";
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(http, nonce);
        var e = HtmlEncoder.Default;
        var errorBlock = error is null ? "" : $"""
            <div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{e.Encode(error)}</p></div>
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
              </style>
            </head>
            <body>
              <main>
                <h1>Sign in</h1>
                {{errorBlock}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}">
                  <input type="hidden" name="returnUrl" value="{{e.Encode(returnUrl ?? "")}}">
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
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }
}
