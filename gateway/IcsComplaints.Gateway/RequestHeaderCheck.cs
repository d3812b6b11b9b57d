using IcsComplaints.ServiceDefaults.GrpcProtocol;

namespace IcsComplaints.Gateway;

/// <summary>
/// Refuses a request whose header values are not printable ASCII (RFC 9110 §5.5 allows other bytes only as opaque
/// data, and nothing here expects them) with a 400 problem naming the header, or <c>INVALID_ARGUMENT</c> for gRPC.
/// Passed on, such a header makes the proxy's own HTTP client fail and the caller would see a 502 from the gateway.
/// </summary>
internal sealed class RequestHeaderCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var bad = context.Request.Headers.FirstOrDefault(h => h.Value.Any(v => v is not null && !IsPrintableAscii(v))).Key;
        if (bad is null)
        {
            await next(context);
            return;
        }
        if (GrpcStatusResponse.IsGrpc(context.Request))
        {
            await GrpcStatusResponse.WriteAsync(context, Grpc.Core.StatusCode.InvalidArgument, $"The {bad} metadata must be printable ASCII.");
            return;
        }
        var problem = TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [bad] = ["Header values must be printable ASCII."] },
            title: "A request header is not valid.");
        await ((IResult)problem).ExecuteAsync(context);
    }

    private static bool IsPrintableAscii(string value) => value.All(c => c is '\t' or (>= ' ' and <= '~'));
}
