namespace IcsComplaints.Intake.Api.Data;

/// <summary>
/// The first answer given to a request carrying an <c>Idempotency-Key</c>, so a retry gets the same answer and
/// records nothing new.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The key the client sent, prefixed with the caller's subject so keys never collide across callers.</summary>
    public required string Key { get; init; }

    /// <summary>SHA-256 of the request, to refuse reuse of a key for a different request.</summary>
    public required string RequestHash { get; init; }

    /// <summary>The complaint the first request recorded.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>
    /// The status secret the first answer carried, encrypted with the service's Data Protection keys and kept only as
    /// long as the key (a day), so that a retry gets the same answer; the complaint itself keeps only its hash. Never
    /// stored in clear: a copy of the database alone does not give anyone a complaint's progress.
    /// </summary>
    public string? ProtectedStatusSecret { get; init; }

    /// <summary>When the first request was handled.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
