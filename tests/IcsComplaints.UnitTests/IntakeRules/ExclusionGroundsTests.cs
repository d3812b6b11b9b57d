using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 8: the grounds on which a complaint is not handled under the Regulations, told in writing.</summary>
public sealed class ExclusionGroundsTests
{
    [Fact]
    public void AnExclusionNamesAGroundOfReg8_AndTheLetterWithTheReasons()
    {
        var fields = new FieldReader();

        Assert.Null(ExclusionGrounds.Read(fields, "Vexatious", "Because.", null, IntakeExamples.Today));

        Assert.Equal(["ground", "letterSentOn"], Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new Exclusion(ExclusionGround.AlreadyInvestigated, "Investigated in 2025.", new DateOnly(2026, 11, 27)),
            ExclusionGrounds.Read(new FieldReader(), "already-investigated", "Investigated in 2025.", "2026-11-27", IntakeExamples.Today));
    }
}
