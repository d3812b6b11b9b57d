using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Cases;
using IcsComplaints.Case.Api.Coding;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary>The model complaint handling procedure as the case enforces it: stages, the working-day clock, and the final response.</summary>
public sealed class CaseProcedureTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());
    private static readonly DateOnly Received = new(2026, 11, 2); // a Monday

    private static ComplaintCase NewCase(bool onHold = false) => ComplaintCase.Open(
        new CaseOpening(Guid.NewGuid(), "K3QX-9HF7", "RJ1", Received, null, AwaitingTimeLimitDecision: onHold),
        Calendar.AddWorkingDays(Received, 3), DateTimeOffset.UtcNow);

    private static readonly StaffRef Investigator = new("inv-1", "Ivy Investigator");
    private static readonly StaffRef Responsible = new("ceo-1", "Rhys Responsible");

    private static InvestigationPlan Plan(params string[] issues) => new(issues, ["An explanation"], ["Ward notes"], ["Ward manager"]);

    private static ConflictCheck NoConflict => new(false, false, null, "handler", Received);

    private static ResponseDraft CompleteDraft(params ResponseFinding[] findings) => new(
        "You told us your mother waited nine hours.", "An explanation and an apology.", "We read the notes and spoke to the nurse in charge.",
        findings.Length == 0 ? [new ResponseFinding("The wait", "She waited too long.", "The notes show nine hours.", true)] : findings,
        "We are sorry your mother waited so long.", [new ResponseChange("Hourly checks in the waiting area", new DateOnly(2027, 1, 31))], null);

    [Fact]
    public void Transitions_RefuseSkippingTheAcknowledgement_AndNameWhatMayFollow()
    {
        var c = NewCase();

        var ex = Assert.Throws<RequestStateException>(() => c.StartEarlyResolution(Received, 3, Calendar));

        Assert.Contains("next it can be Acknowledged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reg13_AcknowledgementWithoutTheOfferToDiscuss_IsRefused()
    {
        var c = NewCase();

        var ex = Assert.Throws<RequestValidationException>(() => c.Acknowledge(Received, ContactChannel.Letter, discussionOffered: false, null));

        Assert.Contains("Reg 13", ex.Errors["discussionOffered"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reg12_ACaseOnHold_IsAcknowledgedButNotLookedInto()
    {
        var c = NewCase(onHold: true);
        c.Acknowledge(Received, ContactChannel.Letter, true, null);

        var ex = Assert.Throws<RequestStateException>(() => c.StartEarlyResolution(Received, 3, Calendar));

        Assert.Contains("Reg 12(4)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyResolution_IsDueOnTheTargetWorkingDayFromReceipt_AndEscalationNeedsAReason()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, Calendar);

        Assert.Equal(new DateOnly(2026, 11, 5), c.EarlyResolutionDueBy);
        Assert.Throws<RequestValidationException>(() => c.StartCloserLook(Received, null, Plan("The wait"), Investigator, NoConflict, Responsible));
        c.StartCloserLook(Received, "Needs the ward's records", Plan("The wait"), Investigator, NoConflict, Responsible);
        Assert.Equal(CaseStage.CloserLook, c.Stage);
    }

    [Fact]
    public void ResponseClock_PausedWorkingDays_MoveTheAgreedDateOn_ButNotTheSixMonthBackstop_Reg14()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.AgreeResponseDate(new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 16), true, "Agreed by phone", "handler");
        c.Pause(PauseReason.ParallelProcess, "Inquest", new DateOnly(2026, 11, 9));
        c.Resume(new DateOnly(2026, 11, 16)); // five working days

        Assert.Equal(5, CaseClock.PausedWorkingDays(c, new DateOnly(2026, 11, 20), Calendar));
        Assert.Equal(new DateOnly(2026, 12, 23), CaseClock.ResponseDueBy(c, new DateOnly(2026, 11, 20), Calendar));
        Assert.Equal(new DateOnly(2027, 5, 2), CaseClock.Backstop(c));
    }

    [Fact]
    public void Reg14_ALaterDateAgreedBeforeSixMonths_MovesTheBackstop_OneAgreedAfterDoesNot()
    {
        var c = NewCase();
        c.AgreeResponseDate(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 1), true, "Complex clinical review", "handler");
        Assert.Equal(new DateOnly(2027, 6, 1), CaseClock.Backstop(c));

        var late = NewCase();
        late.AgreeResponseDate(new DateOnly(2027, 5, 10), new DateOnly(2027, 7, 1), true, "Agreed after six months", "handler");
        Assert.Equal(new DateOnly(2027, 5, 2), CaseClock.Backstop(late));
    }

    [Fact]
    public void Deadlines_AMissedAcknowledgement_IsMissedTheWorkingDayAfter()
    {
        var c = NewCase();
        var ack = CaseClock.Deadlines(c, new DateOnly(2026, 11, 6), Calendar).Single(d => d.Kind == DeadlineKind.Acknowledgement);

        Assert.Equal(new DateOnly(2026, 11, 5), ack.DueOn);
        Assert.False(ack.IsMissed(new DateOnly(2026, 11, 5)));
        Assert.True(ack.IsMissed(new DateOnly(2026, 11, 6)));
    }

    [Fact]
    public void Deadlines_WhileTheClockIsPaused_TheResponseIsNotLate()
    {
        var c = NewCase();
        c.AgreeResponseDate(Received, new DateOnly(2026, 11, 20), true, "Agreed", "handler");
        c.Pause(PauseReason.AwaitingConsent, "Patient consent to share records", new DateOnly(2026, 11, 10));

        var response = CaseClock.Deadlines(c, new DateOnly(2026, 12, 1), Calendar).Single(d => d.Kind == DeadlineKind.Response);

        Assert.False(response.IsMissed(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Updates_AreDueAtTheAgreedFrequency_AfterTheLastUpdate()
    {
        var c = NewCase();
        c.AgreeUpdateFrequency(5, Received);
        c.LogContact(new DateOnly(2026, 11, 6), ContactChannel.Phone, outgoing: true, isUpdate: true, "Progress call", "handler");

        Assert.Equal(new DateOnly(2026, 11, 13), CaseClock.NextUpdateDue(c, Calendar));
    }

    [Fact]
    public void FinalResponse_Incomplete_IsRefused_NamingEveryMissingSection()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartCloserLook(Received, null, Plan("The wait", "Rudeness"), Investigator, NoConflict, Responsible);
        c.SaveDraft(new ResponseDraft(null, null, "We read the notes.", [new ResponseFinding("The wait", "Too long", "", true)], "We are sorry you feel upset.", [], null));

        var ex = Assert.Throws<RequestValidationException>(() => c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0)));

        Assert.Equal(["apology", "changes", "complaintSummary", "findings", "findings[0].reasons", "outcomesSought"], ex.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Rudeness", ex.Errors["findings"][0], StringComparison.Ordinal);
        Assert.Contains("unconditional", ex.Errors["apology"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reg14_TheResponseGoesOnlySignedAfterItsLastChange_AndTheOutcomeFollowsTheFindings()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartCloserLook(Received, null, Plan("The wait", "Rudeness"), Investigator, NoConflict, Responsible);
        var findings = new[]
        {
            new ResponseFinding("The wait", "Too long", "Nine hours in the notes", true),
            new ResponseFinding("Rudeness", "Not found", "Two witnesses disagree", false),
        };
        c.SaveDraft(CompleteDraft(findings));
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        c.SaveDraft(CompleteDraft(findings) with { Remedy = "A meeting with the matron" });

        Assert.Throws<RequestStateException>(() => c.SendFinalResponse(Received, ContactChannel.Letter));
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        Assert.Equal(CaseOutcome.PartiallyUpheld, c.SendFinalResponse(Received, ContactChannel.Letter));
        Assert.Equal(CaseStage.FinalResponseSent, c.Stage);
    }

    [Theory]
    [InlineData(new[] { true }, CaseOutcome.Upheld)]
    [InlineData(new[] { true, true }, CaseOutcome.Upheld)]
    [InlineData(new[] { true, false }, CaseOutcome.PartiallyUpheld)]
    [InlineData(new[] { false, false }, CaseOutcome.NotUpheld)]
    public void Ko41_TheOutcome_IsUpheldPartiallyUpheldOrNotUpheld_ByTheFindings(bool[] upheld, CaseOutcome expected)
    {
        Assert.Equal(expected, FinalResponseRules.OutcomeOf([.. upheld.Select(u => new ResponseFinding("x", "y", "z", u))]));
    }

    [Fact]
    public void Closing_NeedsKo41Coding_AndReopeningClearsTheOutcome()
    {
        var c = NewCase();
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, Calendar);
        c.SaveDraft(CompleteDraft());
        c.Sign(new ResponseSignature(Responsible, "Chief Executive", null, Received, 0));
        c.SendFinalResponse(Received.AddDays(2), ContactChannel.Email);

        Assert.Throws<RequestStateException>(() => c.CloseResolved(Received.AddDays(3)));
        c.Code(Ko41.Validate(new Ko41CodingInput(["Waiting times"], "A&E", ["Nursing, midwifery and health visiting"], [], null, "65-74", "On behalf of the patient")));
        c.CloseResolved(Received.AddDays(3));
        Assert.Equal((CaseStage.Closed, CaseClosure.Resolved, CaseOutcome.Upheld), (c.Stage, c.Closure, c.Outcome));

        c.Reopen(Received.AddDays(10), "New evidence from the family");
        Assert.Equal((CaseStage.Reopened, (CaseClosure?)null, (CaseOutcome?)null, 1), (c.Stage, c.Closure, c.Outcome, c.ReopenCount));
    }

    [Fact]
    public void Reg9_ACoordinatedResponse_WaitsForEveryContributorsSignOff()
    {
        var c = ComplaintCase.Open(
            new CaseOpening(Guid.NewGuid(), "K3QX-9HF7", "RJ1", Received, null) { Contributors = ["Y99901", "RJ1"] },
            Calendar.AddWorkingDays(Received, 3), DateTimeOffset.UtcNow);
        c.Acknowledge(Received, ContactChannel.Letter, true, null);
        c.StartEarlyResolution(Received, 3, Calendar);
        c.SaveDraft(CompleteDraft());

        Assert.Equal(["Y99901"], c.Contributions.Select(x => x.OrganisationCode));
        Assert.Contains("contributions.Y99901", Assert.Throws<RequestValidationException>(() => c.Sign(new ResponseSignature(Responsible, "CEO", null, Received, 0))).Errors.Keys);
        c.SaveContribution("Y99901", "The practice did receive the letter on 3 November.", DateTimeOffset.UtcNow);
        c.SignOffContribution("Y99901", "gp-partner", Received);
        c.Sign(new ResponseSignature(Responsible, "CEO", null, Received, 0));
    }
}
