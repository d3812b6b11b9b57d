namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// A complaint being handled by one organisation under the model complaint handling procedure. Opened when
/// intake records a complaint; the stages beyond acknowledgement arrive with case handling.
/// </summary>
public sealed class ComplaintCase
{
    private ComplaintCase()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The complaint this case handles (one case per complaint).</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Current stage.</summary>
    public CaseStage Stage { get; private set; }

    /// <summary>Date received (Europe/London): the start of every clock.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The third working day after receipt (Reg 13(3)).</summary>
    public DateOnly AcknowledgementDueBy { get; private set; }

    /// <summary>When the case was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Token subject of the signed-in complainant, who may follow their own case; <c>null</c> otherwise.</summary>
    public string? ComplainantSubjectId { get; private set; }

    /// <summary>Opens a case for a newly recorded complaint.</summary>
    public static ComplaintCase Open(
        Guid complaintId, string reference, string organisationCode, DateOnly receivedOn, DateOnly acknowledgementDueBy, DateTimeOffset openedAt,
        string? complainantSubjectId) =>
        new()
        {
            Id = Guid.CreateVersion7(openedAt),
            ComplaintId = complaintId,
            Reference = reference,
            OrganisationCode = organisationCode,
            Stage = CaseStage.Received,
            ReceivedOn = receivedOn,
            AcknowledgementDueBy = acknowledgementDueBy,
            OpenedAt = openedAt,
            ComplainantSubjectId = complainantSubjectId,
        };
}

/// <summary>Where a case is in the complaint handling procedure.</summary>
public enum CaseStage
{
    /// <summary>Received and not yet acknowledged.</summary>
    Received = 1,

    /// <summary>Acknowledged (Reg 13(3)).</summary>
    Acknowledged = 2,
}
