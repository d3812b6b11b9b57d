using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IcsComplaints.ServiceDefaults.GrpcProtocol;

/// <summary>
/// Reads a unary gRPC request before the gRPC framework does and answers what the framework would turn into
/// <c>UNKNOWN</c> or <c>INTERNAL</c> with the status a caller can act on: a message over the size limit is
/// <c>RESOURCE_EXHAUSTED</c> (always, not only when the framework rather than the server's body limit notices first);
/// a body that is not exactly one gRPC message, or a message that does not parse (truncated, invalid UTF-8, a wrong
/// wire type) is <c>INVALID_ARGUMENT</c>. In the gateway, which knows no message types, it checks size and framing
/// of each message, and lets a body of several through: a client stream, such as a file sent in chunks (ADR 43).
/// A service's own client-streaming methods take a body up to <see cref="MaxStreamBytes"/>, each message still limited
/// by the framework to <see cref="MaxMessageBytes"/>.
/// </summary>
internal sealed class GrpcRequestGuard(RequestDelegate next)
{
    /// <summary>Largest message accepted, in bytes: the same as REST bodies.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>Largest body of a client stream: a file of the largest size allowed, in chunks, with their framing.</summary>
    public const int MaxStreamBytes = 11 * 1024 * 1024;

    private const int HeaderBytes = 5;

    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (!GrpcStatusResponse.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }
        if (method is { Type: not MethodType.Unary })
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } streamLimit)
            {
                streamLimit.MaxRequestBodySize = MaxStreamBytes;
            }
            await next(context);
            return;
        }
        var cap = method is null ? MaxStreamBytes : MaxMessageBytes + HeaderBytes;
        // This guard enforces the limit itself, so the server's generic body limit must not cut the message first.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > cap)
            {
                await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, $"The message is larger than {MaxMessageBytes / 1024} KiB.");
                return;
            }
            body.Write(buffer, 0, read);
        }

        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (Problem(bytes.Span, method) is { } problem)
        {
            await GrpcStatusResponse.WriteAsync(context, problem.Code, problem.Message);
            return;
        }
        body.Position = 0;
        context.Request.Body = body;
        // The body is in memory now: there is no limit left to enforce, and the proxy may ask to lift it.
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(new BufferedBody());
        await next(context);
    }

    private sealed class BufferedBody : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }

    private static (StatusCode Code, string Message)? Problem(ReadOnlySpan<byte> frame, IMethod? method)
    {
        if (method is null)
        {
            return FramingProblem(frame);
        }
        if (frame.Length < HeaderBytes || frame[0] > 1)
        {
            return (StatusCode.InvalidArgument, "The request is not a gRPC message.");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..]);
        if (length > MaxMessageBytes)
        {
            return (StatusCode.ResourceExhausted, $"The message is larger than {MaxMessageBytes / 1024} KiB.");
        }
        if (length != frame.Length - HeaderBytes)
        {
            return (StatusCode.InvalidArgument, "The request must be exactly one complete gRPC message.");
        }
        // A compressed message is parsed by the framework after it inflates it.
        if (frame[0] == 1 || method is null || ParserOf(method) is not { } parser)
        {
            return null;
        }
        try
        {
            parser.ParseFrom(frame[HeaderBytes..]);
            return null;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or System.Text.DecoderFallbackException or ArgumentException)
        {
            return (StatusCode.InvalidArgument, "The request message could not be read: it is truncated, not valid UTF-8, or has a field of the wrong type.");
        }
    }

    // In the gateway: one or more complete messages, each within the size limit; the service parses them.
    private static (StatusCode Code, string Message)? FramingProblem(ReadOnlySpan<byte> body)
    {
        if (body.Length < HeaderBytes)
        {
            return (StatusCode.InvalidArgument, "The request is not a gRPC message.");
        }
        while (body.Length > 0)
        {
            if (body.Length < HeaderBytes || body[0] > 1)
            {
                return (StatusCode.InvalidArgument, "The request is not a sequence of complete gRPC messages.");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
            if (length > MaxMessageBytes)
            {
                return (StatusCode.ResourceExhausted, $"The message is larger than {MaxMessageBytes / 1024} KiB.");
            }
            if (length > body.Length - HeaderBytes)
            {
                return (StatusCode.InvalidArgument, "The request must be complete gRPC messages.");
            }
            body = body[(HeaderBytes + (int)length)..];
        }
        return null;
    }

    // Generated messages expose their parser statically; the request type is the first argument of Method<TRequest, TResponse>.
    private static MessageParser? ParserOf(IMethod method) =>
        Parsers.GetOrAdd(method.GetType(), static type =>
            type.IsGenericType && type.GetGenericArguments() is [var request, _]
                ? request.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser
                : null);
}
