using IcsComplaints.Correspondence.Domain.Messages;

namespace IcsComplaints.Correspondence.Domain.Rules;

/// <summary>
/// Which delivery outcome may follow which (ADR 39). GOV.UK Notify calls back once per change and again after any
/// answer other than success, so receipts can arrive twice and out of order; the record must still end on what finally
/// happened, since a complainant who never got their letter is owed another way of being told (Complaint Standards:
/// every stage responsive to individual needs).
/// <list type="bullet">
/// <item>A letter moves forward only: waiting for its virus check, accepted for printing, then received by the
/// printer (or refused, cancelled, failed).</item>
/// <item>An outcome that ends the message's life at Notify (delivered, received, any failure, cancelled) is final:
/// nothing replaces it, neither a late receipt of an earlier state nor a second, different final one.</item>
/// <item>The same outcome again changes nothing, so a receipt sent twice is recorded once.</item>
/// </list>
/// </summary>
public static class DeliveryProgress
{
    /// <summary>Whether <paramref name="outcome"/> ends the message's life at the channel.</summary>
    public static bool IsFinal(DeliveryOutcome outcome) => outcome is not (DeliveryOutcome.None or DeliveryOutcome.PendingVirusCheck or DeliveryOutcome.Accepted);

    /// <summary>Whether <paramref name="outcome"/> means the person did not get the message, which the case's staff must see.</summary>
    public static bool IsFailure(DeliveryOutcome outcome) => IsFinal(outcome) && outcome is not (DeliveryOutcome.Delivered or DeliveryOutcome.Received);

    /// <summary>Whether a receipt saying <paramref name="next"/> changes a message whose outcome is <paramref name="current"/>.</summary>
    public static bool MayFollow(DeliveryOutcome current, DeliveryOutcome next)
    {
        if (next == DeliveryOutcome.None || next == current || IsFinal(current))
        {
            return false;
        }
        // Before a final outcome: only forward, so a late "pending" never undoes an "accepted".
        return IsFinal(next) || Stage(next) > Stage(current);
    }

    private static int Stage(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.None => 0,
        DeliveryOutcome.PendingVirusCheck => 1,
        DeliveryOutcome.Accepted => 2,
        _ => 3,
    };
}
