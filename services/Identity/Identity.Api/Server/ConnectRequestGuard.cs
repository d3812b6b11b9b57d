using IcsComplaints.Validation;
using Microsoft.Extensions.Primitives;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// Answers a malformed request to the OpenID Connect endpoints (<c>/connect/...</c>) with an OAuth error,
/// <c>400 invalid_request</c> (RFC 6749 §5.2), before OpenIddict reads it and fails with a 500: a form ASP.NET Core
/// cannot read (more than 1,024 fields, a field too long, a NUL), or a parameter with a control character or a broken
/// one (a NUL in the query would otherwise reach PostgreSQL, which refuses it). It runs first in the pipeline, as a
/// startup filter, because OpenIddict handles these endpoints inside the authentication middleware.
/// </summary>
public sealed class ConnectRequestGuard : IStartupFilter
{
    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase), branch => branch.Use(GuardAsync));
        next(app);
    };

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var (status, problem) = (StatusCodes.Status400BadRequest, FirstProblem(context.Request.Query));
        if (problem is null && context.Request.HasFormContentType)
        {
            try
            {
                // Read once, within the usual limits; OpenIddict reuses the parsed form.
                problem = FirstProblem(await context.Request.ReadFormAsync(context.RequestAborted));
            }
            catch (InvalidDataException)
            {
                problem = "The form could not be read: too many fields, a field too long, or a character that is not allowed.";
            }
            catch (BadHttpRequestException ex)
            {
                (status, problem) = (ex.StatusCode, "The request body could not be read (too large, or cut short).");
            }
        }
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new OAuthError("invalid_request", problem), context.RequestAborted);
    }

    private static string? FirstProblem(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        foreach (var (name, values) in parameters)
        {
            if (TextRules.Problem(name, int.MaxValue, singleLine: true) is not null)
            {
                return "A parameter name contains a control character or a broken character.";
            }
            foreach (var value in values)
            {
                if (value is not null && TextRules.Problem(value, int.MaxValue, singleLine: true) is not null)
                {
                    // The parameter's name only (cut short: the caller chose it); its value may be a password or a user name.
                    return $"The '{(name.Length > 50 ? name[..50] : name)}' parameter contains a control character or a broken character.";
                }
            }
        }
        return null;
    }

    private sealed record OAuthError(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
}
