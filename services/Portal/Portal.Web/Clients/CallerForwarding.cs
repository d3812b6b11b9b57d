using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// Makes every API call the person's own: their access token when signed in (so the services' authorisation is the
/// only authorisation), and their address in <c>X-Forwarded-For</c>, so the gateway's rate limits count people, not
/// the portal. The gateway believes that header only from the proxies it trusts.
/// </summary>
public sealed class CallerForwarding(IHttpContextAccessor accessor) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accessor.HttpContext is { } http)
        {
            if (http.User.Identity?.IsAuthenticated == true && await http.GetTokenAsync("access_token") is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (http.Connection.RemoteIpAddress is { } client)
            {
                request.Headers.Remove("X-Forwarded-For");
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", client.ToString());
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
