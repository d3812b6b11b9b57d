using System.Diagnostics;
using IcsComplaints.Platform.Correlation;
using Microsoft.AspNetCore.Http;

namespace IcsComplaints.ServiceDefaults;

/// <summary>Adds the trace and correlation ids to every problem details response (RFC 9457).</summary>
internal static class ProblemDetailsEnricher
{
    public static void Enrich(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        if (Activity.Current is { } activity)
        {
            context.ProblemDetails.Extensions["traceId"] = activity.TraceId.ToString();
        }
        if (CorrelationContext.CorrelationId is { } correlationId)
        {
            context.ProblemDetails.Extensions["correlationId"] = correlationId;
        }
    }
}
