namespace IcsComplaints.Validation;

/// <summary>
/// Bad input, with the message for each offending field. REST answers it with an RFC 9457 validation problem
/// (400) and gRPC with <c>INVALID_ARGUMENT</c> carrying <c>google.rpc.BadRequest</c> field violations.
/// Field names are JSON paths in camelCase (<c>complainant.email</c>).
/// </summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception from collected errors.</summary>
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request is not valid: " + string.Join(", ", errors.Keys))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single field.</summary>
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    /// <summary>Messages per field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc cref="Exception()"/>
    public RequestValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    /// <inheritdoc cref="Exception(string)"/>
    public RequestValidationException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }
}

/// <summary>Collects field errors while a request is checked, then throws them together.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error has been recorded.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>True when the field already has an error.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Records an error for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    /// <summary>Throws a <see cref="RequestValidationException"/> if any error was recorded.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
