namespace IcsComplaints.Case.Domain.Cases;

/// <summary>How a contact was made.</summary>
public enum ContactChannel
{
    /// <summary>Telephone.</summary>
    Phone = 1,

    /// <summary>E-mail.</summary>
    Email = 2,

    /// <summary>Letter.</summary>
    Letter = 3,

    /// <summary>A meeting in person or by video.</summary>
    Meeting = 4,

    /// <summary>Text message.</summary>
    Text = 5,
}

/// <summary>A contact with the complainant: keeping people informed (NHS Complaint Standards, "Being thorough and fair").</summary>
public sealed class ContactLogEntry
{
    private ContactLogEntry()
    {
    }

    internal ContactLogEntry(Guid caseId, DateOnly on, ContactChannel channel, bool outgoing, bool isUpdate, string summary, string recordedBy)
    {
        CaseId = caseId;
        On = on;
        Channel = channel;
        Outgoing = outgoing;
        IsUpdate = isUpdate;
        Summary = summary;
        RecordedBy = recordedBy;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The day.</summary>
    public DateOnly On { get; private set; }

    /// <summary>How.</summary>
    public ContactChannel Channel { get; private set; }

    /// <summary>True when the organisation contacted the complainant; false when they contacted it.</summary>
    public bool Outgoing { get; private set; }

    /// <summary>An update on progress given before the outcome (My Expectations: "updates before the outcome").</summary>
    public bool IsUpdate { get; private set; }

    /// <summary>What was said.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; private set; } = "";
}
