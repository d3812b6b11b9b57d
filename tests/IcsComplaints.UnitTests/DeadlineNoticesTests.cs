using IcsComplaints.Correspondence.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>What the complaints team is told before and after each of a case's deadlines (Reg 13, 14).</summary>
public sealed class DeadlineNoticesTests
{
    public static TheoryData<string> Deadlines => [.. DeadlineNotices.Deadlines];

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void EveryDeadlineCaseAnnounces_HasItsOwnNameAndAdviceBeforeIt(string deadline)
    {
        Assert.NotEqual(deadline, DeadlineNotices.Name(deadline));
        Assert.NotEqual(DeadlineNotices.BeforeIt("Unknown"), DeadlineNotices.BeforeIt(deadline));
    }

    [Fact]
    public void AMissedBackstop_OwesTheComplainantALetterExplainingWhy_UnderReg14()
    {
        Assert.Equal("six-month backstop", DeadlineNotices.Name("Backstop"));
        Assert.Contains("letter explaining why there is no response yet (Reg 14)", DeadlineNotices.AfterIt("Backstop"), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissedResponseDate_IsPutRightByAgreeingANewDate_UnderReg13()
    {
        Assert.Contains("agree a new date with them (Reg 13(7)-(8))", DeadlineNotices.AfterIt("Response"), StringComparison.Ordinal);
        Assert.Contains("must still be acknowledged", DeadlineNotices.AfterIt("Acknowledgement"), StringComparison.Ordinal);
    }

    [Fact]
    public void ADeadlineItDoesNotKnow_IsNamedAsGiven_WithGeneralAdvice()
    {
        Assert.Equal("Inspection", DeadlineNotices.Name("Inspection"));
        Assert.Equal("Open the case to see what is still to do.", DeadlineNotices.BeforeIt("Inspection"));
    }
}
