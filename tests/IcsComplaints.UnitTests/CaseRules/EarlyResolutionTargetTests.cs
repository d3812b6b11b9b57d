using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Validation;
using static IcsComplaints.UnitTests.CaseRules.CaseFixtures;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary><see cref="EarlyResolutionTarget"/>: MCHP early resolution within the organisation's own target.</summary>
public sealed class EarlyResolutionTargetTests
{
    [Fact]
    public void IsDueOnTheTargetWorkingDayFromReceipt_AndEscalationNeedsAReason()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, EarlyResolutionTarget.DefaultWorkingDays, EnglandAndWales);

        Assert.Equal(new DateOnly(2026, 11, 5), c.EarlyResolutionDueBy);
        Assert.Throws<RequestValidationException>(() => c.StartCloserLook(Received, null, Plan("The wait"), Investigator, NoConflict, Responsible));
        c.StartCloserLook(Received, "Needs the ward's records", Plan("The wait"), Investigator, NoConflict, Responsible);
        Assert.Equal(CaseStage.CloserLook, c.Stage);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    [InlineData(0, false)]
    [InlineData(21, false)]
    public void AnOrganisationsTarget_IsOneToTwentyWorkingDays(int? target, bool accepted)
    {
        var errors = new ValidationErrors();

        EarlyResolutionTarget.Check(target, "target", errors);

        Assert.Equal(accepted, errors.IsEmpty);
    }
}
