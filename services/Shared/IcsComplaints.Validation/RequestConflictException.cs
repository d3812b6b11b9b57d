namespace IcsComplaints.Validation;

/// <summary>
/// A well-formed request that conflicts with what the service already holds, such as an
/// <c>Idempotency-Key</c> reused for a different request. REST answers 422, gRPC <c>FAILED_PRECONDITION</c>.
/// </summary>
public sealed class RequestConflictException : Exception
{
    /// <summary>Creates the exception with a message safe to show to the caller.</summary>
    public RequestConflictException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="Exception()"/>
    public RequestConflictException()
    {
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public RequestConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
