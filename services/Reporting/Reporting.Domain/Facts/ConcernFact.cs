namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>
/// An everyday concern or oral complaint resolved by the next working day (Reg 8(1)(c): outside the procedure). One
/// that became a complaint is kept, marked, and counted as that complaint only.
/// </summary>
/// <param name="concernId">Intake's identifier of the concern (none for concerns reported before it was kept).</param>
/// <param name="organisationCode">ODS code.</param>
/// <param name="receivedOn">Received.</param>
/// <param name="channel">Channel.</param>
public sealed class ConcernFact(Guid? concernId, string organisationCode, DateOnly receivedOn, string channel)
{
    /// <summary>Row.</summary>
    public long Id { get; private set; }

    /// <summary>Intake's identifier of the concern.</summary>
    public Guid? ConcernId { get; private set; } = concernId;

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>Received.</summary>
    public DateOnly ReceivedOn { get; private set; } = receivedOn;

    /// <summary>Channel.</summary>
    public string Channel { get; private set; } = channel;

    /// <summary>True once it became a complaint: the complaint is counted, the concern no longer.</summary>
    public bool BecameComplaint { get; private set; }

    /// <summary>Marks it as the complaint it became.</summary>
    public void BecomeComplaint() => BecameComplaint = true;
}
