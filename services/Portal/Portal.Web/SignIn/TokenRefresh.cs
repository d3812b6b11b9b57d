using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Portal.Web.SignIn;

/// <summary>
/// Keeps the session's access token fresh: shortly before it expires, the refresh token buys a new one, so a person
/// working steadily is never sent back to sign in. If the provider refuses (account disabled, membership ended),
/// the session ends at once.
/// </summary>
public static class TokenRefresh
{
    /// <summary>Refresh this long before the access token expires.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    /// <summary>The path the idle-timeout warning calls to stay signed in: it always renews the session.</summary>
    public const string KeepAlivePath = "/session/keep-alive";

    /// <summary>The cookie handler's principal check.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Request.Path.Equals(KeepAlivePath, StringComparison.OrdinalIgnoreCase))
        {
            context.ShouldRenew = true;
        }
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires))
        {
            return;
        }
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expires - time.GetUtcNow() > Margin)
        {
            return;
        }
        var refreshed = await RefreshAsync(context.HttpContext, context.Properties.GetTokenValue("refresh_token"));
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        if (refreshed.RefreshToken is { } refreshToken)
        {
            context.Properties.UpdateTokenValue("refresh_token", refreshToken);
        }
        context.Properties.UpdateTokenValue("expires_at", time.GetUtcNow().AddSeconds(refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task<Refreshed?> RefreshAsync(HttpContext http, string? refreshToken)
    {
        if (refreshToken is null)
        {
            return null;
        }
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(PortalSignIn.OidcScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = oidc.ClientId!,
            }),
        };
        using var response = await oidc.Backchannel.SendAsync(request, http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        return await response.Content.ReadFromJsonAsync<Refreshed>(http.RequestAborted);
    }

    private sealed record Refreshed(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
}
