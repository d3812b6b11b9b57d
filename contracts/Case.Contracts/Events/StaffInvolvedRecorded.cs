namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// What is recorded about a member of staff complained about changed (Complaint Standards: told early, offered
/// support, shown the final response). Flags only: no name or role.
/// </summary>
public sealed record StaffInvolvedRecorded
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The complaint; empty in events recorded before it was carried.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The staff record within the case.</summary>
    public required long StaffId { get; init; }

    /// <summary>The day they were told, if recorded.</summary>
    public DateOnly? ToldOn { get; init; }

    /// <summary>Support was offered.</summary>
    public required bool SupportOffered { get; init; }

    /// <summary>They were shown the final response.</summary>
    public required bool SawFinalResponse { get; init; }

    /// <summary>
    /// A work e-mail address is recorded for them, so correspondence tells them of the complaint and sends them the
    /// final response; the address itself is read from case when a message is sent.
    /// </summary>
    public bool HasWorkEmail { get; init; }

    /// <summary>The day recorded.</summary>
    public required DateOnly RecordedOn { get; init; }
}
