namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>An everyday concern or oral complaint resolved by the next working day (Reg 8(1)(c): outside the procedure).</summary>
/// <param name="organisationCode">ODS code.</param>
/// <param name="receivedOn">Received.</param>
/// <param name="channel">Channel.</param>
public sealed class ConcernFact(string organisationCode, DateOnly receivedOn, string channel)
{
    /// <summary>Row.</summary>
    public long Id { get; private set; }

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>Received.</summary>
    public DateOnly ReceivedOn { get; private set; } = receivedOn;

    /// <summary>Channel.</summary>
    public string Channel { get; private set; } = channel;
}
