using IcsComplaints.Calendar;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>
/// The rules about oral complaints: <see cref="OralComplaintResolvedNextWorkingDay"/> (Reg 8(1)(c)),
/// <see cref="WrittenRecordOfOralComplaint"/> (Reg 13(2)) and the grounds of exclusion (<see cref="ExclusionGrounds"/>, Reg 8).
/// </summary>
public sealed class OralComplaintRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    [Fact]
    public void OralComplaintResolvedNextWorkingDay_IsNotAComplaint_ButOneResolvedLaterIs()
    {
        var friday = new DateOnly(2026, 11, 20);
        var inTime = new FieldReader();
        var late = new FieldReader();

        OralComplaintResolvedNextWorkingDay.Check(inTime, InformalConcernKind.OralComplaintResolved, ComplaintChannel.Phone, friday, new DateOnly(2026, 11, 23), Calendar);
        OralComplaintResolvedNextWorkingDay.Check(late, InformalConcernKind.OralComplaintResolved, ComplaintChannel.Letter, friday, new DateOnly(2026, 11, 24), Calendar);

        Assert.True(inTime.Errors.IsEmpty);
        var errors = Assert.Throws<RequestValidationException>(late.ThrowIfAny).Errors;
        Assert.Equal(["channel", "resolvedOn"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WrittenRecordOfOralComplaint_IsSentOnlyForAnOralComplaint_OnOrAfterTheDayItWasMade()
    {
        var received = new DateOnly(2026, 11, 20);
        var letter = new FieldReader();
        var early = new FieldReader();
        var phone = new FieldReader();

        WrittenRecordOfOralComplaint.Check(letter, received, ComplaintChannel.Letter, received, IntakeExamples.Today);
        WrittenRecordOfOralComplaint.Check(early, received.AddDays(-1), ComplaintChannel.Phone, received, IntakeExamples.Today);
        WrittenRecordOfOralComplaint.Check(phone, received.AddDays(1), ComplaintChannel.Phone, received, IntakeExamples.Today);

        Assert.Contains("Reg 13(2)", Assert.Throws<RequestValidationException>(letter.ThrowIfAny).Errors["writtenRecordSentOn"][0], StringComparison.Ordinal);
        Assert.False(early.Errors.IsEmpty);
        Assert.True(phone.Errors.IsEmpty);
    }

    [Fact]
    public void ExclusionGrounds_AnExclusionNamesAGroundOfReg8_AndTheLetterWithTheReasons()
    {
        var fields = new FieldReader();

        Assert.Null(ExclusionGrounds.Read(fields, "Vexatious", "Because.", null, IntakeExamples.Today));

        Assert.Equal(["ground", "letterSentOn"], Assert.Throws<RequestValidationException>(fields.ThrowIfAny).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new Exclusion(ExclusionGround.AlreadyInvestigated, "Investigated in 2025.", new DateOnly(2026, 11, 27)),
            ExclusionGrounds.Read(new FieldReader(), "already-investigated", "Investigated in 2025.", "2026-11-27", IntakeExamples.Today));
    }
}
