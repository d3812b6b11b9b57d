namespace IcsComplaints.Learning.Domain.Cases;

/// <summary>
/// What this service knows of a case, from the case service's events: who handles it, when it was received, its
/// KO41 subject areas (which suggest HCAT categories) and how it ended. No personal data.
/// </summary>
public sealed class LearningCase
{
    private LearningCase()
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

    /// <summary>Date received: the month a theme counts it in.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>KO41 subject areas, once coded.</summary>
    public List<string> SubjectAreas { get; private set; } = [];

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Outcome at closure (KO41a), if any.</summary>
    public string? Outcome { get; private set; }

    /// <summary>When its signed final response letter was sent (not the confirmation of an early resolution).</summary>
    public DateOnly? FinalResponseSentOn { get; private set; }

    /// <summary>When a quality lead put it in a calibration sample, to be coded by a second person.</summary>
    public DateOnly? SecondCodingRequestedOn { get; private set; }

    /// <summary>True for the demonstration history that <c>./ics up</c> generates; never set by events.</summary>
    public bool Synthetic { get; private set; }

    /// <summary>A case the case service opened.</summary>
    public static LearningCase Opened(Guid caseId, Guid complaintId, string reference, string organisationCode, DateOnly receivedOn) => new()
    {
        CaseId = caseId, ComplaintId = complaintId, Reference = reference, OrganisationCode = organisationCode, ReceivedOn = receivedOn,
    };

    /// <summary>A closed, coded case of the demonstration history, marked synthetic so it is never taken for a real one.</summary>
    public static LearningCase Demonstration(
        Guid caseId, string reference, string organisationCode, DateOnly receivedOn, DateOnly closedOn, string outcome, IEnumerable<string> subjectAreas) => new()
    {
        CaseId = caseId, ComplaintId = Guid.CreateVersion7(), Reference = reference, OrganisationCode = organisationCode, ReceivedOn = receivedOn,
        ClosedOn = closedOn, Outcome = outcome, Synthetic = true, SubjectAreas = [.. subjectAreas],
    };

    /// <summary>The case service coded it: its KO41 subject areas replace any earlier ones.</summary>
    public void Coded(IEnumerable<string> subjectAreas) => SubjectAreas = [.. subjectAreas];

    /// <summary>The case service closed it, with its outcome if it has one.</summary>
    public void Closed(DateOnly closedOn, string? outcome) => (ClosedOn, Outcome) = (closedOn, outcome);

    /// <summary>The case service sent its signed final response letter: one a quality lead may draw into a sample to read.</summary>
    public void FinalResponseSent(DateOnly sentOn) => FinalResponseSentOn = sentOn;

    /// <summary>A quality lead put it in a calibration sample: a second person may now code the complaint independently.</summary>
    public void RequestSecondCoding(DateOnly on) => SecondCodingRequestedOn = on;
}
