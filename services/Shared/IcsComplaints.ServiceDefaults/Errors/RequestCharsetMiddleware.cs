using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IcsComplaints.ServiceDefaults.Errors;

/// <summary>
/// Refuses a request body declared in any character set but UTF-8 with 415 and a problem naming the header. The
/// framework would otherwise look the name up as it reads the body and fail with a 500 on one it does not know
/// (<c>charset=bogus</c>); and JSON is UTF-8 by definition (RFC 8259 §8.1).
/// </summary>
internal sealed class RequestCharsetMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ||
            MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && IsUtf8(mediaType))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["Content-Type"] = ["Send the body in UTF-8: application/json, or application/json; charset=utf-8."],
            })
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "The request body must be UTF-8.",
            },
        });
    }

    private static bool IsUtf8(MediaTypeHeaderValue mediaType)
    {
        // Without a charset parameter the body is read as UTF-8.
        if (mediaType.Parameters.All(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        var charset = mediaType.Charset.Value?.Trim('"');
        return charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
