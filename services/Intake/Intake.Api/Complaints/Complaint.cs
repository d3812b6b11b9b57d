using IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint as received. Holds personal data; only identifiers, codes and dates leave intake.</summary>
public sealed class Complaint
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>Reference quoted in correspondence.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation complained to.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received (Europe/London).</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>How it arrived.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>Who is complaining.</summary>
    public required Complainant Complainant { get; init; }

    /// <summary>The complaint in the complainant's words.</summary>
    public required string Description { get; init; }

    /// <summary>The patient's name, when the complaint is about someone else's care.</summary>
    public string? PatientName { get; init; }

    /// <summary>The patient's NHS number, ten digits.</summary>
    public string? PatientNhsNumber { get; init; }

    /// <summary>The patient's date of birth.</summary>
    public DateOnly? PatientDateOfBirth { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Subject of the signed-in complainant who submitted it, so they can read it later; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; init; }

    /// <summary>SHA-256 of the secret given to an online submitter to check progress with the reference.</summary>
    public string? StatusSecretHash { get; init; }

    /// <summary>How far intake has seen it go.</summary>
    public ComplaintStatus Status { get; set; } = ComplaintStatus.Received;

    /// <summary>When the handling organisation opened a case for it.</summary>
    public DateTimeOffset? CaseOpenedAt { get; set; }
}

/// <summary>Progress as the complainant sees it from intake.</summary>
public enum ComplaintStatus
{
    /// <summary>Recorded, not yet taken up.</summary>
    Received = 1,

    /// <summary>A case is open at the organisation handling it.</summary>
    BeingHandled = 2,
}

/// <summary>The person complaining.</summary>
public sealed class Complainant
{
    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>UK telephone number, digits only with a leading 0 or +44.</summary>
    public string? Phone { get; init; }
}

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
    /// The status secret the first answer carried, kept only as long as the key (a day) so that a retry gets the
    /// same answer; the complaint itself keeps only its hash.
    /// </summary>
    public string? StatusSecret { get; init; }

    /// <summary>When the first request was handled.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
