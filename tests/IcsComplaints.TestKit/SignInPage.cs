using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IcsComplaints.TestKit;

/// <summary>
/// What a browser and a script do with the identity service: fill in the sign-in page (with its anti-forgery
/// field), and ask the token endpoint for a token with a user's password.
/// </summary>
public static partial class SignInPage
{
    /// <summary>A browser: keeps cookies, does not follow redirects (tests look at each one).</summary>
    public static HttpClient Browser(Uri origin) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = origin };

    /// <summary>Opens the sign-in page and posts the form on it, as a person would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl = "")
    {
        var page = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(page);
        return await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The error the sign-in page shows, or <c>null</c> when it shows none.</summary>
    public static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        var match = ErrorMessage().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups["message"].Value) : null;
    }

    /// <summary>A password grant request (development profile, client <c>ics-cli</c>).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PasswordGrantAsync(
        HttpClient http, string userName, string password, string? scope = "ics-api")
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "ics-cli", ["username"] = userName, ["password"] = password,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<div class="error-summary"[^>]*><h2>[^<]*</h2><p>(?<message>[^<]*)</p>""")]
    private static partial Regex ErrorMessage();
}
