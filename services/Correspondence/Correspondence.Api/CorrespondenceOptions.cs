namespace IcsComplaints.Correspondence.Api;

/// <summary>Settings of the correspondence service (<c>Correspondence</c>).</summary>
public sealed class CorrespondenceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Correspondence";

    /// <summary>
    /// The complaints team's mailbox of an organisation, with <c>{ods}</c> standing for its ODS code in lower case: a
    /// team address, not a person's, which each organisation sets to its own in production. Empty: no team is written to.
    /// </summary>
    public string TeamMailbox { get; set; } = "complaints.{ods}@nhs.example";

    /// <summary>Mailboxes of organisations whose address does not follow <see cref="TeamMailbox"/>, by ODS code; empty: none.</summary>
    public Dictionary<string, string> TeamMailboxes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An advocacy service's mailbox, with <c>{code}</c> standing for its code in lower case: the service's shared
    /// address, never an advocate's own, which each service gives the ICB in production. Empty: no advocacy service is written to.
    /// </summary>
    public string AdvocacyMailbox { get; set; } = "advocacy.{code}@nhs.example";

    /// <summary>Mailboxes of advocacy services whose address does not follow <see cref="AdvocacyMailbox"/>, by code; empty: none.</summary>
    public Dictionary<string, string> AdvocacyMailboxes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The time of day (Europe/London) a reminder on a review window's last day is sent.</summary>
    public TimeSpan ReviewReminderTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// With the <c>Smtp</c> channel, the mailbox printed letters go to as PDFs, to be printed and posted (the mail
    /// catcher in development); empty: no print route, and a letter for someone who wants post is not sent.
    /// </summary>
    public string? PrintMailbox { get; set; } = "print-room@ics-complaints.example";

    /// <summary>
    /// Where people reach the portal, which survey links and notices to advocates and contributing organisations point
    /// at: the gateway's public address in production (https), the local gateway under <c>./ics</c>.
    /// </summary>
    public Uri PortalAddress { get; set; } = new("http://localhost:8080/");

    /// <summary>Which channel sends e-mail: <c>Smtp</c> or <c>Notify</c> (see <see cref="CorrespondenceServiceCollectionExtensions.AddMailChannel"/>).</summary>
    public string Channel { get; set; } = "Smtp";

    /// <summary>How long the dispatcher waits when nothing is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an attempt may take before a dispatcher counts it lost (its process died) and tries again.</summary>
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failed attempt, doubling after each further failure.</summary>
    public TimeSpan FirstRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message has failed for good.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The team mailbox of an organisation, or <c>null</c> when none is set.</summary>
    public string? TeamMailboxOf(string organisationCode)
    {
        var mailbox = TeamMailboxes.TryGetValue(organisationCode, out var own)
            ? own
            : TeamMailbox.Replace("{ods}", organisationCode.ToLowerInvariant(), StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(mailbox) ? null : mailbox;
    }

    /// <summary>The mailbox of an advocacy service, or <c>null</c> when none is set.</summary>
    public string? AdvocacyMailboxOf(string advocacyServiceCode)
    {
        var mailbox = AdvocacyMailboxes.TryGetValue(advocacyServiceCode, out var own)
            ? own
            : AdvocacyMailbox.Replace("{code}", advocacyServiceCode.ToLowerInvariant(), StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(mailbox) ? null : mailbox;
    }

    /// <summary>The portal page at <paramref name="path"/>, under <see cref="PortalAddress"/>.</summary>
    public string PortalPage(string path) => new Uri(PortalAddress, (path ?? "").TrimStart('/')).ToString();
}
