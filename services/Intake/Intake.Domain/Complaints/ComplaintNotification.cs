namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>A letter or message owed to someone because of a routing decision (Reg 7(4)–(5): "notify").</summary>
public sealed class ComplaintNotification
{
    // For EF Core.
    private ComplaintNotification()
    {
        Recipient = "";
        Reason = "";
    }

    /// <summary>A letter owed, raised now.</summary>
    public ComplaintNotification(Guid complaintId, string recipient, string reason, DateTimeOffset createdAt)
    {
        ComplaintId = complaintId;
        Recipient = recipient;
        Reason = reason;
        CreatedAt = createdAt;
    }

    /// <summary>Identifier, in the order the letters were raised.</summary>
    public long Id { get; private set; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary><c>complainant</c>, or the ODS code of an organisation.</summary>
    public string Recipient { get; private set; }

    /// <summary>Why, with the regulation.</summary>
    public string Reason { get; private set; }

    /// <summary>When it was raised.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
