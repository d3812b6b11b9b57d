namespace IcsComplaints.Correspondence.Domain.Complaints;

/// <summary>
/// A complaint as intake announced it (ADR 37): its reference and day of receipt, which the messages about it quote
/// before any case exists, the organisation it was made to and the one handling it now. Nothing about the person.
/// </summary>
public sealed class KnownComplaint
{
    private KnownComplaint()
    {
    }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>Its reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation it was made to.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>ODS code of the organisation handling it: the one it was made to until it is transferred.</summary>
    public string HandlingOrganisationCode { get; private set; } = "";

    /// <summary>When it was received: the day every statutory clock starts from, kept when it is transferred (Reg 6(6), 7(5)).</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>A complaint intake has just recorded.</summary>
    public static KnownComplaint Received(Guid complaintId, string reference, string organisationCode, string handlingOrganisationCode, DateOnly receivedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(handlingOrganisationCode);
        return new KnownComplaint
        {
            ComplaintId = complaintId, Reference = reference, OrganisationCode = organisationCode,
            HandlingOrganisationCode = handlingOrganisationCode, ReceivedOn = receivedOn,
        };
    }

    /// <summary>The complaint went to another organisation, which is treated as having received it on the original day.</summary>
    public void TransferredTo(string organisationCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        HandlingOrganisationCode = organisationCode;
    }
}
