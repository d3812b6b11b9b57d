using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Cases;

namespace IcsComplaints.UnitTests.CaseRules;

/// <summary>Cases and drafts the case rule tests start from, received on a Monday with no bank holiday near.</summary>
internal static class CaseFixtures
{
    public static readonly WorkingDayCalendar EnglandAndWales = new(BankHolidays.Embedded());
    public static readonly DateOnly Received = new(2026, 11, 2); // a Monday

    public static readonly StaffRef Investigator = new("inv-1", "Ivy Investigator");
    public static readonly StaffRef Responsible = new("ceo-1", "Rhys Responsible");

    public static ComplaintCase NewCase(bool onHold = false) => ComplaintCase.Open(
        new CaseOpening(Guid.NewGuid(), "K3QX-9HF7", "RJ1", Received, null, AwaitingTimeLimitDecision: onHold),
        EnglandAndWales, DateTimeOffset.UtcNow);

    public static InvestigationPlan Plan(params string[] issues) => new(issues, ["An explanation"], ["Ward notes"], ["Ward manager"]);

    public static ConflictCheck NoConflict => new(false, false, null, "handler", Received);

    public static ResponseDraft CompleteDraft(params ResponseFinding[] findings) => new(
        "You told us your mother waited nine hours.", "An explanation and an apology.", "We read the notes and spoke to the nurse in charge.",
        findings.Length == 0 ? [new ResponseFinding("The wait", "She waited too long.", "The notes show nine hours.", true)] : findings,
        "We are sorry your mother waited so long.", [new ResponseChange("Hourly checks in the waiting area", new DateOnly(2027, 1, 31))], null);

    /// <summary>A case in early resolution with a complete draft, ready to be signed.</summary>
    public static ComplaintCase Drafted()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, EnglandAndWales);
        c.SaveDraft(CompleteDraft());
        return c;
    }
}
