namespace IcsComplaints.Validation;

/// <summary>
/// The record does not exist, or the caller may not know that it does. REST answers 404, gRPC <c>NOT_FOUND</c>,
/// in both cases without saying which.
/// </summary>
public sealed class RequestNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestNotFoundException()
        : base("Not found.")
    {
    }

    /// <inheritdoc cref="Exception(string)"/>
    public RequestNotFoundException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public RequestNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The action does not fit the record's current state (a transition the procedure does not allow, a decision
/// already taken, a decision still awaited). REST answers 409 with the reason, gRPC <c>FAILED_PRECONDITION</c>.
/// </summary>
public sealed class RequestStateException : Exception
{
    /// <summary>Creates the exception with a message safe to show to the caller.</summary>
    public RequestStateException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="Exception()"/>
    public RequestStateException()
    {
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public RequestStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
