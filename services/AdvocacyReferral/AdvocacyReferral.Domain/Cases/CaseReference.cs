namespace IcsComplaints.AdvocacyReferral.Domain.Cases;

/// <summary>
/// What this service knows of a case, from the case service's events: enough to decide who may refer it and
/// consent for it (the organisation handling it, the signed-in complainant), and when grants end (closure).
/// </summary>
public sealed class CaseReference
{
    private CaseReference()
    {
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>Its reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>The signed-in complainant, if any.</summary>
    public string? ComplainantSubjectId { get; private set; }

    /// <summary>Date received.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>True until the case closes: a closed case is referred no more.</summary>
    public bool IsOpen => ClosedOn is null;

    /// <summary>A case as the case service announced its opening.</summary>
    public static CaseReference Opened(Guid caseId, Guid complaintId, string reference, string organisationCode, string? complainantSubjectId, DateOnly receivedOn) =>
        new()
        {
            CaseId = caseId, ComplaintId = complaintId, Reference = reference, OrganisationCode = organisationCode,
            ComplainantSubjectId = complainantSubjectId, ReceivedOn = receivedOn,
        };

    /// <summary>True when the subject is the case's signed-in complainant.</summary>
    public bool IsComplainant(string subjectId) => ComplainantSubjectId is not null && ComplainantSubjectId == subjectId;

    /// <summary>Records the closure the case service announced.</summary>
    public void Close(DateOnly closedOn) => ClosedOn = closedOn;
}
