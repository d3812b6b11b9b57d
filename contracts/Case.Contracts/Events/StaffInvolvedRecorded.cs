namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// What is recorded about a member of staff complained about changed (Complaint Standards: told early, offered
/// support, shown the final response). Flags only: no name or role.
/// </summary>
public sealed record StaffInvolvedRecorded
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

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

    /// <summary>The day recorded.</summary>
    public required DateOnly RecordedOn { get; init; }
}
