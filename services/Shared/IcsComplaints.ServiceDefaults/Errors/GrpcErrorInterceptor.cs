using System.Text;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IcsComplaints.Validation;

namespace IcsComplaints.ServiceDefaults.Errors;

/// <summary>
/// Maps <see cref="RequestValidationException"/> to <c>INVALID_ARGUMENT</c> with <c>google.rpc.BadRequest</c>
/// field violations, naming fields as the proto does (snake_case), and an unreachable database to
/// <c>UNAVAILABLE</c>, the gRPC counterparts of the REST problem details.
/// </summary>
public sealed class GrpcErrorInterceptor : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        MappedAsync(() => continuation(request, context));

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MappedAsync(() => continuation(requestStream, context));

    // A streamed upload fails in the same words as a unary step.
    private static async Task<TResponse> MappedAsync<TResponse>(Func<Task<TResponse>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestValidationException ex)
        {
            throw ToRpcException(ex);
        }
        catch (RequestForbiddenException ex)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, ex.Message));
        }
        catch (RequestNotFoundException)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "Not found."));
        }
        catch (RequestStateException ex)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (RequestConflictException ex)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            // A streamed message that does not parse: in a unary call the request guard answers this before the method runs.
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "A message of the stream could not be read: it is truncated, not valid UTF-8, or has a field of the wrong type."));
        }
        catch (Exception ex) when (DependencyUnavailableExceptionHandler.IsDatabaseUnavailable(ex))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "The service is temporarily unavailable; nothing was stored."));
        }
    }

    private static bool Unreadable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is Google.Protobuf.InvalidProtocolBufferException or DecoderFallbackException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Builds the rich gRPC error for a validation failure.</summary>
    public static RpcException ToRpcException(RequestValidationException ex)
    {
        var badRequest = new BadRequest();
        foreach (var (field, messages) in ErrorDetails.Bounded(ex.Errors))
        {
            foreach (var message in messages)
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = ToSnakeCase(field), Description = message });
            }
        }
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "One or more fields are not valid.",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    /// <summary>Turns a camelCase JSON path into the snake_case path of the proto fields.</summary>
    public static string ToSnakeCase(string path)
    {
        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsUpper(c))
            {
                if (sb.Length > 0 && sb[^1] != '.' && sb[^1] != '[')
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
