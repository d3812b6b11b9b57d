using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>
/// What a complaint is owed before (or without) a case (ADR 37): the written record of an oral complaint (Reg 13(2)),
/// the request for consent to share and the ICB's notice (Reg 7(3)), the notice of a transfer (Reg 6(6), 7(5)); nothing
/// for an imported complaint.
/// </summary>
public sealed class ComplaintNoticesTests
{
    private static readonly OwedMessage WrittenRecord = new(MessageTemplates.OralComplaintRecord, RecipientRole.Complainant);
    private static readonly OwedMessage ConsentRequest = new(MessageTemplates.ConsentRequest, RecipientRole.Complainant);
    private static readonly OwedMessage ConsentAwaited = new(MessageTemplates.ConsentAwaited, RecipientRole.ComplaintsTeam);

    [Theory]
    [InlineData("Phone")]
    [InlineData("InPerson")]
    [InlineData("Pals")]
    public void AComplaintMadeOrally_IsOwedItsWrittenRecord_AndNothingElse(string channel)
    {
        Assert.Equal([WrittenRecord], ComplaintNotices.OnArrival(channel, "HandledByRecipient", imported: false));
    }

    [Theory]
    [InlineData("Online")]
    [InlineData("Letter")]
    [InlineData("Email")]
    [InlineData("Integration")]
    public void AComplaintMadeInWriting_IsOwedNothingOnArrival(string channel)
    {
        Assert.Empty(ComplaintNotices.OnArrival(channel, "HandledByRecipient", imported: false));
    }

    [Fact]
    public void AComplaintToAnIcbWaitingForConsent_OwesTheComplainantTheRequest_AndTheTeamTheNotice()
    {
        Assert.Equal([ConsentRequest, ConsentAwaited], ComplaintNotices.OnArrival("Letter", "AwaitingConsent", imported: false));
    }

    [Fact]
    public void AnOralComplaintWaitingForConsent_OwesItsWrittenRecordFirst_ThenTheRequestAndTheNotice()
    {
        Assert.Equal([WrittenRecord, ConsentRequest, ConsentAwaited], ComplaintNotices.OnArrival("Phone", "AwaitingConsent", imported: false));
    }

    [Theory]
    [InlineData("AwaitingRoutingDecision")]
    [InlineData("HandledByCommissioner")]
    [InlineData("Misdirected")]
    public void AComplaintWhoseConsentWasRecordedAtIntake_OrThatIsNotWaitingForIt_IsNotAskedForIt(string route)
    {
        Assert.Empty(ComplaintNotices.OnArrival("Email", route, imported: false));
    }

    [Theory]
    [InlineData("Phone", "AwaitingConsent")]
    [InlineData("InPerson", "HandledByRecipient")]
    [InlineData("Letter", "AwaitingConsent")]
    public void AnImportedComplaint_IsOwedNothing_HoweverItWasMadeOrRouted(string channel, string route)
    {
        Assert.Empty(ComplaintNotices.OnArrival(channel, route, imported: true));
    }

    [Fact]
    public void ATransfer_OwesTheComplainantItsNotice()
    {
        Assert.Equal([new OwedMessage(MessageTemplates.TransferNotice, RecipientRole.Complainant)], ComplaintNotices.OnTransfer());
    }

    [Fact]
    public void AWrittenRecordTheTeamSentThemselves_IsNotSentAgain_AndTheReasonSaysWhen()
    {
        Assert.Null(ComplaintNotices.WrittenRecordAlreadySent(null));
        Assert.Equal(
            "The complaints team recorded at intake that they sent the written record themselves on 2026-12-02 (Reg 13(2)).",
            ComplaintNotices.WrittenRecordAlreadySent(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData("Phone", "by telephone")]
    [InlineData("InPerson", "in person")]
    [InlineData("Pals", "through our Patient Advice and Liaison Service (PALS)")]
    [InlineData("Unknown", "by speaking to us")]
    public void TheWrittenRecord_SaysHowTheComplaintWasMade(string channel, string phrase)
    {
        Assert.Equal(phrase, ComplaintNotices.HowMade(channel));
    }

    [Fact]
    public void DaysWaiting_CountsWholeDaysSinceReceipt_AndNeverLessThanNone()
    {
        Assert.Equal(0, ComplaintNotices.DaysWaiting(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7)));
        Assert.Equal(9, ComplaintNotices.DaysWaiting(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 7)));
        Assert.Equal(0, ComplaintNotices.DaysWaiting(new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData("AwaitingConsent")]
    [InlineData("")]
    public void AComplaintStillWaitingForConsent_IsAskedForIt(string route)
    {
        Assert.Null(ComplaintNotices.ConsentNoLongerAwaited(route));
    }

    [Theory]
    [InlineData("AwaitingRoutingDecision")]
    [InlineData("HandledByCommissioner")]
    [InlineData("Transferred")]
    public void AComplaintWhoseAnswerWasRecordedBeforeTheLetterWent_IsNotAskedAgain(string route)
    {
        Assert.Equal(
            $"The complaint no longer waits for consent to share at intake ({route}): the complainant is not asked for it.",
            ComplaintNotices.ConsentNoLongerAwaited(route));
    }
}
