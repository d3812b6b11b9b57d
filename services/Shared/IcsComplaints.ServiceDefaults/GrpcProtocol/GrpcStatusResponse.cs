using System.Globalization;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace IcsComplaints.ServiceDefaults.GrpcProtocol;

/// <summary>
/// Answers a gRPC call from middleware, before the gRPC framework runs: a trailers-only response (HTTP 200, the
/// status in <c>grpc-status</c> and <c>grpc-message</c>), which every gRPC client reads as the call's status.
/// </summary>
public static class GrpcStatusResponse
{
    /// <summary>True for a gRPC request (content type <c>application/grpc</c>, with or without a suffix).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) &&
        !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the status, unless a response has already begun.</summary>
    public static async Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        await response.CompleteAsync();
    }

    // The gRPC protocol carries grpc-message percent-encoded: printable ASCII but '%' as is, every other byte as %XX.
    private static string PercentEncode(string message)
    {
        var sb = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
