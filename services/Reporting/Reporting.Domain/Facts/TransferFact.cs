namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>
/// A complaint made to an ICB about a provider it commissions, from the ICB's side (Reg 7(3)-(5), domain.md §2 and
/// §4.3): when the ICB received it, whether and when the complainant's consent to share it was recorded, and when the
/// ICB transferred it and to whom. Reporting's case facts say what the provider did afterwards. As with
/// <see cref="CaseFact"/>, each method takes in one event so that any order and any repeat give the same fact: a
/// row may be created by a consent, a transfer or a withdrawal that overtook the complaint's submission, and is one
/// of an ICB's only once a submission or a transfer names the ICB.
/// </summary>
public sealed class TransferFact
{
    /// <summary>A complaint known so far only by its id.</summary>
    public TransferFact(Guid complaintId)
    {
        ComplaintId = complaintId;
    }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>ODS code of the ICB that received it; empty until a submission or a transfer names it.</summary>
    public string IcbCode { get; private set; } = "";

    /// <summary>Intake's submission said the ICB received it (not only a transfer that overtook it).</summary>
    public bool SubmittedToIcb { get; private set; }

    /// <summary>The day the ICB received it: every statutory clock starts here, for the provider too (Reg 7(5)).</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>It arrived waiting for the complainant's consent to share it with the provider (Reg 7(3)).</summary>
    public bool ConsentAwaited { get; private set; }

    /// <summary>The day the complainant's answer on consent was recorded (the first, when recorded more than once).</summary>
    public DateOnly? ConsentRecordedOn { get; private set; }

    /// <summary>The complainant's answer on consent.</summary>
    public bool? ConsentGiven { get; private set; }

    /// <summary>The day the ICB transferred it.</summary>
    public DateOnly? TransferredOn { get; private set; }

    /// <summary>The provider it was transferred to.</summary>
    public string? ToOrganisationCode { get; private set; }

    /// <summary>The day it was withdrawn or excluded from the procedure: it waits for nothing after that.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>A complaint the ICB received about a provider, waiting for consent or for the ICB's decision.</summary>
    public void ReceiveAtIcb(string icbCode, DateOnly receivedOn, bool consentAwaited)
    {
        IcbCode = icbCode;
        SubmittedToIcb = true;
        ReceivedOn = receivedOn;
        ConsentAwaited = consentAwaited;
    }

    /// <summary>The complainant's answer on consent; the first recorded stands, however the events arrive.</summary>
    public void RecordConsent(bool given, DateOnly recordedOn)
    {
        if (ConsentRecordedOn is null || recordedOn < ConsentRecordedOn)
        {
            ConsentRecordedOn = recordedOn;
            ConsentGiven = given;
        }
    }

    /// <summary>
    /// The ICB sent it to the provider. A transfer names the ICB and the original date received, so it completes a
    /// fact whose submission has not arrived. The first transfer is the ICB's: one the provider makes on later is
    /// ignored, and replaced if it arrived first.
    /// </summary>
    public void Transfer(string fromOrganisationCode, string toOrganisationCode, DateOnly receivedOn, DateOnly transferredOn)
    {
        if ((SubmittedToIcb && IcbCode != fromOrganisationCode) || (TransferredOn is not null && TransferredOn <= transferredOn))
        {
            return;
        }
        if (!SubmittedToIcb)
        {
            IcbCode = fromOrganisationCode;
        }
        ReceivedOn ??= receivedOn;
        TransferredOn = transferredOn;
        ToOrganisationCode = toOrganisationCode;
    }

    /// <summary>Withdrawn by the complainant or excluded from the procedure (Reg 8): the earliest day stands.</summary>
    public void End(DateOnly on)
    {
        if (EndedOn is null || on < EndedOn)
        {
            EndedOn = on;
        }
    }
}
