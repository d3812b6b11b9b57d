namespace IcsComplaints.Intake.Contracts.Events;

/// <summary>
/// A complaint has been recorded by intake. Carries identifiers, codes and dates only: the complainant's details
/// and the complaint's text stay in intake. The namespace and type name are the message's identity on the
/// broker: never move or rename them; add members, never change or remove them.
/// </summary>
public sealed record ComplaintSubmitted
{
    /// <summary>Identifier of the complaint.</summary>
    public required Guid ComplaintId { get; init; }

    /// <summary>Short reference quoted in correspondence.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation the complaint was made to.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>
    /// ODS code of the organisation that handles it: the recipient, the trust of a site, or an ICB handling a
    /// complaint about a provider it commissions. Defaults to <see cref="OrganisationCode"/> for older messages.
    /// </summary>
    public string? HandlingOrganisationCode { get; init; }

    /// <summary>The providers the complaint is about, when not (only) the recipient.</summary>
    public IReadOnlyList<string> AboutOrganisationCodes { get; init; } = [];

    /// <summary>How it was routed on arrival.</summary>
    public ComplaintRoute Route { get; init; } = ComplaintRoute.HandledByRecipient;

    /// <summary>For a complaint about several organisations: all of them (Reg 9).</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>For a complaint about several organisations: the lead, which co-ordinates the response.</summary>
    public string? LeadOrganisationCode { get; init; }

    /// <summary>Who is complaining (Reg 5).</summary>
    public ComplainantType ComplainantType { get; init; } = ComplainantType.Patient;

    /// <summary>Received more than 12 months after the events or the complainant's awareness of them (Reg 12): it waits for a decision.</summary>
    public bool OutOfTime { get; init; }

    /// <summary>A representative acts for a child or a person lacking capacity: it waits for a best-interests decision (Reg 5(4)).</summary>
    public bool AwaitingBestInterestsDecision { get; init; }

    /// <summary>Imported from an earlier system rather than received now.</summary>
    public bool Imported { get; init; }

    /// <summary>For an imported complaint already closed: the day it closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>For an imported complaint already closed: upheld, partly-upheld or not-upheld (KO41 outcomes).</summary>
    public string? Outcome { get; init; }

    /// <summary>Date the organisation received it (Europe/London); every statutory clock starts here.</summary>
    public required DateOnly ReceivedOn { get; init; }

    /// <summary>How it arrived.</summary>
    public required ComplaintChannel Channel { get; init; }

    /// <summary>When intake recorded it.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>
    /// Token subject of the signed-in complainant who submitted it (a pseudonymous identifier, not a name), so the
    /// complainant can follow their own case; <c>null</c> for complaints submitted by anyone else.
    /// </summary>
    public string? ComplainantSubjectId { get; init; }
}

/// <summary>How a complaint reached the organisation.</summary>
public enum ComplaintChannel
{
    /// <summary>The public online form.</summary>
    Online = 1,

    /// <summary>A telephone call, written down by staff (Reg 13(2)).</summary>
    Phone = 2,

    /// <summary>A letter.</summary>
    Letter = 3,

    /// <summary>An e-mail.</summary>
    Email = 4,

    /// <summary>In person, written down by staff.</summary>
    InPerson = 5,

    /// <summary>Through the Patient Advice and Liaison Service.</summary>
    Pals = 6,

    /// <summary>Another system, over the API.</summary>
    Integration = 7,
}
