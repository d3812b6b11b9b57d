using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>
/// A concern is resolved or open until a follow-up day (<see cref="OpenConcernFollowUp"/>), and an open one becomes a
/// complaint keeping the day and channel it was raised with (<see cref="ConcernBecomingComplaint"/>).
/// </summary>
public sealed class ConcernRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void AConcern_IsEitherResolved_OrAnOpenEverydayConversationWithAFollowUpDayFromToday()
    {
        Assert.Empty(Recording(InformalConcernKind.EverydayConversation, Today.AddDays(-1), resolvedOn: Today, followUpOn: null));
        Assert.Empty(Recording(InformalConcernKind.EverydayConversation, Today.AddDays(-1), resolvedOn: null, followUpOn: Today));
        Assert.Equal(["followUpOn"], Recording(InformalConcernKind.EverydayConversation, Today, resolvedOn: null, followUpOn: null));
        Assert.Equal(["followUpOn"], Recording(InformalConcernKind.EverydayConversation, Today, resolvedOn: null, followUpOn: Today.AddDays(-1)));
        Assert.Equal(["followUpOn"], Recording(InformalConcernKind.EverydayConversation, Today, resolvedOn: Today, followUpOn: Today.AddDays(2)));
        Assert.Equal(["resolvedOn"], Recording(InformalConcernKind.EverydayConversation, Today, resolvedOn: Today.AddDays(-1), followUpOn: null));
        // An oral complaint not resolved by the next working day is a complaint (Reg 8(1)(c)): it cannot wait open.
        Assert.Equal(["resolvedOn"], Recording(InformalConcernKind.OralComplaintResolved, Today, resolvedOn: null, followUpOn: Today.AddDays(1)));
    }

    [Fact]
    public void OnlyAnOpenConcern_IsResolved_OnOrAfterTheDayItWasRaised()
    {
        var concern = Open(Today.AddDays(-3));
        Assert.Equal(["resolvedOn"], Resolution(concern, Today.AddDays(-4)));
        Assert.Empty(Resolution(concern, Today));

        concern.Resolve(Today, "Rang back.");

        Assert.Equal((ConcernStatus.Resolved, null), (concern.Status, concern.FollowUpOn));
        Assert.Equal(["resolvedOn"], Resolution(concern, Today));
    }

    [Fact]
    public void AnOpenConcern_BecomesAComplaint_WithItsOwnDayAndChannel_ButAResolvedOneDoesNot()
    {
        var concern = Open(Today.AddDays(-10));

        var fields = new FieldReader();
        Assert.Equal((Today.AddDays(-10), ComplaintChannel.Phone), ConcernBecomingComplaint.Carry(fields, concern, receivedOn: null, channel: " phone "));
        Assert.True(fields.Errors.IsEmpty);
        Assert.Equal(["channel", "receivedOn"], Carrying(concern, receivedOn: "2026-12-07", channel: "Letter"));
        Assert.Equal(["fromConcernId"], Carrying(null, receivedOn: null, channel: null));

        concern.BecomeComplaint(Guid.NewGuid());
        Assert.Equal((ConcernStatus.BecameComplaint, null), (concern.Status, concern.FollowUpOn));
        Assert.Throws<InvalidOperationException>(() => concern.BecomeComplaint(Guid.NewGuid()));

        var resolved = Open(Today.AddDays(-2));
        resolved.Resolve(Today, null);
        Assert.Equal(["fromConcernId"], Carrying(resolved, receivedOn: null, channel: null));
    }

    private static InformalConcern Open(DateOnly raisedOn) => InformalConcern.Record(
        "RJ1", InformalConcernKind.EverydayConversation, ComplaintChannel.Phone, raisedOn, resolvedOn: null, followUpOn: Today.AddDays(2),
        domain: null, "Waiting for a call back.", "handler", DateTimeOffset.UnixEpoch);

    private static string[] Recording(InformalConcernKind kind, DateOnly receivedOn, DateOnly? resolvedOn, DateOnly? followUpOn)
    {
        var fields = new FieldReader();
        OpenConcernFollowUp.CheckRecording(fields, kind, receivedOn, resolvedOn, followUpOn, Today);
        return Fields(fields);
    }

    private static string[] Resolution(InformalConcern concern, DateOnly resolvedOn)
    {
        var fields = new FieldReader();
        OpenConcernFollowUp.CheckResolution(fields, concern, resolvedOn);
        return Fields(fields);
    }

    private static string[] Carrying(InformalConcern? concern, string? receivedOn, string? channel)
    {
        var fields = new FieldReader();
        ConcernBecomingComplaint.Carry(fields, concern, receivedOn, channel);
        return Fields(fields);
    }

    private static string[] Fields(FieldReader fields) => fields.Errors.IsEmpty
        ? []
        : [.. Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors.Keys.Order(StringComparer.Ordinal)];
}
