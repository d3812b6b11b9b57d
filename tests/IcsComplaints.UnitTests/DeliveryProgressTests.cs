using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>Which delivery outcome may follow which (ADR 39): forward only, the same twice changes nothing, a final outcome is never replaced.</summary>
public sealed class DeliveryProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<DeliveryOutcome> Finals =>
    [
        DeliveryOutcome.Delivered, DeliveryOutcome.Received, DeliveryOutcome.PermanentFailure, DeliveryOutcome.TemporaryFailure,
        DeliveryOutcome.TechnicalFailure, DeliveryOutcome.Cancelled, DeliveryOutcome.ValidationFailed, DeliveryOutcome.VirusScanFailed,
    ];

    [Theory]
    [MemberData(nameof(Finals))]
    public void AFinalOutcome_IsNeverReplaced_ByAnEarlierStateOrAnotherFinalOne(DeliveryOutcome final)
    {
        Assert.True(DeliveryProgress.IsFinal(final));
        foreach (var next in Enum.GetValues<DeliveryOutcome>())
        {
            Assert.False(DeliveryProgress.MayFollow(final, next), $"{next} after {final}");
        }
    }

    [Fact]
    public void ALetter_MovesForwardOnly_ThroughItsChecks()
    {
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.None, DeliveryOutcome.PendingVirusCheck));
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.PendingVirusCheck, DeliveryOutcome.Accepted));
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.Accepted, DeliveryOutcome.Received));
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.PendingVirusCheck, DeliveryOutcome.VirusScanFailed));
        // A retried earlier receipt arriving late.
        Assert.False(DeliveryProgress.MayFollow(DeliveryOutcome.Accepted, DeliveryOutcome.PendingVirusCheck));
    }

    [Fact]
    public void AnEmailsFirstReceipt_MayBeAnyFinalOutcome_ButNoReceiptIsNotAnOutcome()
    {
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.None, DeliveryOutcome.Delivered));
        Assert.True(DeliveryProgress.MayFollow(DeliveryOutcome.None, DeliveryOutcome.PermanentFailure));
        Assert.False(DeliveryProgress.MayFollow(DeliveryOutcome.Accepted, DeliveryOutcome.None));
    }

    [Fact]
    public void TheSameOutcomeTwice_ChangesNothing()
    {
        foreach (var outcome in Enum.GetValues<DeliveryOutcome>())
        {
            Assert.False(DeliveryProgress.MayFollow(outcome, outcome), outcome.ToString());
        }
    }

    [Fact]
    public void OnlyOutcomesWhereThePersonDidNotGetIt_CountAsFailures()
    {
        Assert.Equal(
            [DeliveryOutcome.PermanentFailure, DeliveryOutcome.TemporaryFailure, DeliveryOutcome.TechnicalFailure, DeliveryOutcome.Cancelled,
                DeliveryOutcome.ValidationFailed, DeliveryOutcome.VirusScanFailed],
            Enum.GetValues<DeliveryOutcome>().Where(DeliveryProgress.IsFailure));
    }

    [Fact]
    public void AMessage_KeepsTheFirstFinalReceipt_AndSaysWhetherAReceiptChangedIt()
    {
        var message = SentMessage.Queue(
            Guid.NewGuid(), MessageTemplates.DeadlineMissed, RecipientRole.ComplaintsTeam, Guid.NewGuid(), Guid.NewGuid(), "RJ1",
            new Dictionary<string, string> { ["deadline"] = "Response" }, Now);
        var notification = Guid.NewGuid();

        Assert.True(message.RecordDelivery(DeliveryOutcome.PermanentFailure, Now, notification));
        Assert.False(message.RecordDelivery(DeliveryOutcome.PermanentFailure, Now.AddMinutes(1), notification));
        Assert.False(message.RecordDelivery(DeliveryOutcome.Delivered, Now.AddMinutes(2), Guid.NewGuid()));

        Assert.Equal((DeliveryOutcome.PermanentFailure, Now, notification), (message.Delivery, message.DeliveryAt, message.ChannelNotificationId));
    }
}
