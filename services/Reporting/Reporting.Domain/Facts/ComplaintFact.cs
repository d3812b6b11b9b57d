namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>A complaint as intake recorded it: how it arrived. Written once, by the first report of it.</summary>
/// <param name="complaintId">The complaint.</param>
/// <param name="channel">Online, Phone, Letter, Email, InPerson, Pals.</param>
/// <param name="imported">Imported from an earlier system.</param>
public sealed class ComplaintFact(Guid complaintId, string channel, bool imported)
{
    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; private set; } = complaintId;

    /// <summary>Online, Phone, Letter, Email, InPerson, Pals.</summary>
    public string Channel { get; private set; } = channel;

    /// <summary>Imported from an earlier system.</summary>
    public bool Imported { get; private set; } = imported;
}
