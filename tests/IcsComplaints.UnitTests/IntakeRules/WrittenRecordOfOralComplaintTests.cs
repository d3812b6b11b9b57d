using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests.IntakeRules;

/// <summary>Reg 13(2): an oral complaint is written down and a copy sent to the complainant.</summary>
public sealed class WrittenRecordOfOralComplaintTests
{
    [Fact]
    public void TheWrittenRecord_IsSentOnlyForAnOralComplaint_OnOrAfterTheDayItWasMade()
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
}
