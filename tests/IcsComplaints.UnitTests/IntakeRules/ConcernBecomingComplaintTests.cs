using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.IntakeRules.ConcernExamples;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>An open concern becomes a complaint keeping the day and channel it was raised with (<see cref="ConcernBecomingComplaint"/>).</summary>
public sealed class ConcernBecomingComplaintTests
{
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
        // Not refused by the rule: a retry of the request that made it one is answered from its Idempotency-Key, and any
        // other second complaint is refused by the unique index (ConcernsBecomingComplaintsTests).
        Assert.Empty(Carrying(concern, receivedOn: null, channel: null));

        var resolved = Open(Today.AddDays(-2));
        resolved.Resolve(Today, null);
        Assert.Equal(["fromConcernId"], Carrying(resolved, receivedOn: null, channel: null));
    }

    private static string[] Carrying(InformalConcern? concern, string? receivedOn, string? channel)
    {
        var fields = new FieldReader();
        ConcernBecomingComplaint.Carry(fields, concern, receivedOn, channel);
        return Fields(fields);
    }
}
