using System.Text.Json;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.ServiceDefaults.Errors;

/// <summary>
/// Turns bad input into 4xx problem details: field errors become a 400 validation problem, unreadable or
/// oversized bodies keep the 400 or 413 the server chose. Bad input must never surface as a 5xx.
/// </summary>
internal sealed class ValidationExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException validation => new HttpValidationProblemDetails(
                ErrorDetails.Bounded(validation.Errors).ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are not valid.",
            },
            RequestForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "You are not allowed to do this.",
                Detail = forbidden.Message,
            },
            RequestNotFoundException => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found.",
            },
            RequestStateException state => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "This cannot be done now.",
                Detail = state.Message,
            },
            RequestConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request conflicts with an earlier one.",
                Detail = conflict.Message,
            },
            BadHttpRequestException { InnerException: JsonException { Path: { } path } json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]>
                {
                    [FieldOf(path)] = [json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                        ? "This field is not part of the request: check its name and where it sits."
                        : "This value has the wrong type or format."],
                })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are not valid.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? null
                    : "The body must be JSON matching the documented request, with values of the documented types.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>True for the exceptions that describe bad input rather than a fault (no error log for those).</summary>
    public static bool IsClientError(Exception exception) =>
        exception is RequestValidationException or RequestConflictException or RequestForbiddenException or RequestNotFoundException
            or RequestStateException or BadHttpRequestException;

    // "$.complainant.name" becomes "complainant.name"; the root becomes "body".
    private static string FieldOf(string jsonPath) =>
        jsonPath is "$" or "" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}
