using System.Security.Claims;
using System.Text.Encodings.Web;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Server;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Accounts;

/// <summary>The sign-in page that the authorization code flow sends a browser to.</summary>
public static class SignInEndpoints
{
    /// <summary>The posted form.</summary>
    /// <param name="UserName">User name.</param>
    /// <param name="Password">Password.</param>
    /// <param name="ReturnUrl">Where to go afterwards (a local path only).</param>
    public sealed record SignInForm(string? UserName, string? Password, string? ReturnUrl);

    /// <summary>Maps <c>/account/login</c> and <c>/account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null)).AllowAnonymous();
        app.MapPost("/account/login", SignInAsync).AllowAnonymous();
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(ConnectEndpoints.SignInScheme);
            return Results.Redirect("/account/login");
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form, HttpContext http, IAntiforgery antiforgery, IdentityServiceDbContext db, CancellationToken ct)
    {
        var userName = (form.UserName ?? "").Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName && !u.Disabled, ct);
        if (user is null || new PasswordHasher<UserAccount>().VerifyHashedPassword(user, user.PasswordHash, form.Password ?? "") == PasswordVerificationResult.Failed)
        {
            return Page(http, antiforgery, form.ReturnUrl, "The user name or password is not right.");
        }
        var identity = new ClaimsIdentity(ConnectEndpoints.SignInScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.DisplayName));
        await http.SignInAsync(ConnectEndpoints.SignInScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/account/login");
    }

    // Only same-site paths: never an open redirect to another host.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
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
              <style>
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
