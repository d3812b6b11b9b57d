namespace IcsComplaints.Validation;

/// <summary>
/// The caller may not do this (a role or organisation that does not allow it). REST answers 403 with problem
/// details, gRPC <c>PERMISSION_DENIED</c>. Reading another organisation's record is not this: it answers 404,
/// never hinting that the record exists.
/// </summary>
public sealed class RequestForbiddenException : Exception
{
    /// <summary>Creates the exception with a message safe to show to the caller.</summary>
    public RequestForbiddenException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="Exception()"/>
    public RequestForbiddenException()
    {
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public RequestForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
