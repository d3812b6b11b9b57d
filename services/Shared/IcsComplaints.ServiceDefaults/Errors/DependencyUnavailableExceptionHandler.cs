using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IcsComplaints.ServiceDefaults.Errors;

/// <summary>
/// Answers 503 with <c>Retry-After</c> when the service's own database cannot be reached. Nothing was stored,
/// and the caller (with its <c>Idempotency-Key</c>) can safely try again.
/// </summary>
internal sealed partial class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }
        LogUnavailable(logger, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = "Nothing was stored. Try again shortly with the same Idempotency-Key.",
            },
            Exception = exception,
        });
    }

    /// <summary>True when the exception, or one it wraps, says PostgreSQL could not be reached.</summary>
    public static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // A database that cannot be reached, or another service that cannot answer in time, is the same to the caller: try later.
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded })
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType);
}
