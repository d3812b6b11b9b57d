namespace IcsComplaints.Correspondence.Domain.Messages;

/// <summary>
/// What the channel last said happened to a message after it accepted it: GOV.UK Notify's delivery receipts, by its
/// statuses (ADR 39). SMTP says nothing after accepting, so a message sent that way stays <see cref="None"/>.
/// </summary>
public enum DeliveryOutcome
{
    /// <summary>No receipt yet, or a channel that sends none.</summary>
    None = 0,

    /// <summary>A letter waits for Notify's virus check (<c>pending-virus-check</c>).</summary>
    PendingVirusCheck = 1,

    /// <summary>Notify has accepted a letter for printing (<c>accepted</c>).</summary>
    Accepted = 2,

    /// <summary>The e-mail reached the recipient's mail server (<c>delivered</c>).</summary>
    Delivered = 10,

    /// <summary>The print provider has printed the letter and handed it to Royal Mail (<c>received</c>).</summary>
    Received = 11,

    /// <summary>The address does not exist or refuses mail for good (<c>permanent-failure</c>): the person did not get it.</summary>
    PermanentFailure = 20,

    /// <summary>The recipient's inbox was full or their server away, and Notify gave up (<c>temporary-failure</c>).</summary>
    TemporaryFailure = 21,

    /// <summary>Notify itself could not send it (<c>technical-failure</c>).</summary>
    TechnicalFailure = 22,

    /// <summary>The letter was cancelled before it was printed (<c>cancelled</c>).</summary>
    Cancelled = 23,

    /// <summary>Notify refused the letter's layout or address (<c>validation-failed</c>).</summary>
    ValidationFailed = 24,

    /// <summary>The letter's PDF failed Notify's virus scan (<c>virus-scan-failed</c>).</summary>
    VirusScanFailed = 25,
}
