namespace IcsComplaints.Correspondence.Domain.Cases;

/// <summary>
/// A case as the case service announced it: which organisation handles it (who may read its messages) and the
/// reference and day of receipt the messages quote. Nothing about the person.
/// </summary>
public sealed class KnownCase
{
    private KnownCase()
    {
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The complaint it handles.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>When the complaint was received.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>A case just opened.</summary>
    public static KnownCase Opened(Guid caseId, Guid complaintId, string reference, string organisationCode, DateOnly receivedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        return new KnownCase
        {
            CaseId = caseId, ComplaintId = complaintId, Reference = reference, OrganisationCode = organisationCode, ReceivedOn = receivedOn,
        };
    }
}
