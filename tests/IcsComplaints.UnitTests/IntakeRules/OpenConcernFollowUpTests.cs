using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.IntakeRules.ConcernExamples;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>A concern is resolved, or open until a follow-up day (<see cref="OpenConcernFollowUp"/>).</summary>
public sealed class OpenConcernFollowUpTests
{
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
}
