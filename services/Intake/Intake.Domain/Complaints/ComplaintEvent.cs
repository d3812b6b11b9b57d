namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// What a complaint announces when it changes, in the order it happened. The host turns each into the matching
/// event of <c>Intake.Contracts</c> (or, for a letter owed, a notification row) in the same transaction as the change.
/// </summary>
public abstract record ComplaintEvent
{
    private ComplaintEvent()
    {
    }

    /// <summary>The complaint was recorded; an imported one may arrive already closed, with its outcome.</summary>
    /// <param name="ClosedOn">For an imported complaint already closed: the day it closed.</param>
    /// <param name="Outcome">Its KO41a outcome.</param>
    public sealed record Received(DateOnly? ClosedOn, string? Outcome) : ComplaintEvent;

    /// <summary>The complainant's consent to share with the provider was asked and recorded (Reg 7(3)).</summary>
    /// <param name="Given">Given or refused.</param>
    /// <param name="RecordedOn">The day.</param>
    public sealed record ConsentRecorded(bool Given, DateOnly RecordedOn) : ComplaintEvent;

    /// <summary>The organisation handling the complaint is settled (Reg 7(4), Reg 9).</summary>
    /// <param name="Route">How.</param>
    /// <param name="HandlingOrganisationCode">Who handles it.</param>
    /// <param name="Parties">For a complaint about several organisations, all of them.</param>
    /// <param name="LeadOrganisationCode">Their agreed lead.</param>
    /// <param name="RoutedOn">The day.</param>
    public sealed record Routed(
        ComplaintRoute Route, string HandlingOrganisationCode, IReadOnlyList<string> Parties, string? LeadOrganisationCode, DateOnly RoutedOn) : ComplaintEvent;

    /// <summary>The complaint went to the organisation that should handle it, as if received there on the original day (Reg 6(6), 7(5)).</summary>
    /// <param name="FromOrganisationCode">Who had it.</param>
    /// <param name="ToOrganisationCode">Who handles it now.</param>
    /// <param name="TransferredOn">The day.</param>
    /// <param name="AwaitingTimeLimitDecision">Out of time with no decision yet (Reg 12(4)).</param>
    public sealed record Transferred(string FromOrganisationCode, string ToOrganisationCode, DateOnly TransferredOn, bool AwaitingTimeLimitDecision) : ComplaintEvent;

    /// <summary>A letter is owed because of a routing decision (Reg 7(4)–(5)).</summary>
    /// <param name="Recipient"><c>complainant</c>, or an ODS code.</param>
    /// <param name="Reason">Why, with the regulation.</param>
    public sealed record LetterOwed(string Recipient, string Reason) : ComplaintEvent;

    /// <summary>The complaint is handled under another about the same matter (either/or).</summary>
    /// <param name="LinkedComplaintId">The complaint handled instead.</param>
    /// <param name="LinkedOn">The day.</param>
    public sealed record Linked(Guid LinkedComplaintId, DateOnly LinkedOn) : ComplaintEvent;

    /// <summary>A late complaint was decided (Reg 12(4)).</summary>
    /// <param name="Decision">Considered or declined.</param>
    /// <param name="DecidedOn">The day.</param>
    public sealed record TimeLimitDecided(TimeLimitDecision Decision, DateOnly DecidedOn) : ComplaintEvent;

    /// <summary>A representative's best interests were decided (Reg 5(4)).</summary>
    /// <param name="InBestInterests">The decision.</param>
    /// <param name="DecidedOn">The day.</param>
    public sealed record BestInterestsDecided(bool InBestInterests, DateOnly DecidedOn) : ComplaintEvent;

    /// <summary>The complaint is not handled under the Regulations (Reg 8).</summary>
    /// <param name="Ground">The ground.</param>
    /// <param name="ExcludedOn">The day.</param>
    public sealed record Excluded(ExclusionGround Ground, DateOnly ExcludedOn) : ComplaintEvent;

    /// <summary>The complainant withdrew the complaint.</summary>
    /// <param name="WithdrawnOn">The day.</param>
    public sealed record Withdrawn(DateOnly WithdrawnOn) : ComplaintEvent;
}
