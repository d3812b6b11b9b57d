using IcsComplaints.Calendar;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 8(1)(c): an oral complaint resolved by the next working day is a concern, not a complaint.</summary>
public sealed class OralComplaintResolvedNextWorkingDayTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());

    [Fact]
    public void AnOralComplaintResolvedByTheNextWorkingDay_IsNotAComplaint_ButOneResolvedLaterIs()
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
}
