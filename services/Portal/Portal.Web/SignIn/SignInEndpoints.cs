using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace IcsComplaints.Portal.Web.SignIn;

/// <summary>Sign-in, sign-out and the idle-timeout warning's keep-alive.</summary>
public static class SignInEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // Starts the provider's sign-in; back here, the user lands on the home page for their role.
        app.MapGet("/sign-in", (HttpContext http) => http.User.Identity?.IsAuthenticated == true
            ? Results.LocalRedirect(PortalUser.HomePage(http.User))
            : Results.Challenge(new AuthenticationProperties { RedirectUri = "/signed-in" }, [PortalSignIn.OidcScheme]));
        app.MapGet("/signed-in", (HttpContext http) => Results.LocalRedirect(http.User.Identity?.IsAuthenticated == true ? PortalUser.HomePage(http.User) : "/"));

        // A form post with the antiforgery token, so another site cannot sign a user out. Ends the portal's session
        // and the provider's, which sends the browser back to /signed-out.
        app.MapPost("/sign-out", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.LocalRedirect("/signed-out");
            }
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/signed-out" }, [PortalSignIn.CookieScheme, PortalSignIn.OidcScheme]);
        });

        app.MapPost(TokenRefresh.KeepAlivePath, (HttpContext http) =>
            http.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized()).DisableAntiforgery();
    }
}
