using IcsComplaints.Calendar;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Nhs.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>The procedure's steps on a case; each checks the move (<see cref="StageTransitions"/>) and its rule, then applies it.</summary>
public sealed partial class ComplaintCase
{
    /// <summary>Acknowledges the complaint, recording the offer to discuss handling and the response period (<see cref="AcknowledgementDeadline"/>).</summary>
    public void Acknowledge(DateOnly on, ContactChannel channel, bool discussionOffered, DateOnly? discussedOn)
    {
        MoveTo(CaseStage.Acknowledged, "acknowledge");
        if (!discussionOffered)
        {
            throw new RequestValidationException("discussionOffered", AcknowledgementDeadline.DiscussionOfferMissing);
        }
        NotBefore(on, ReceivedOn, "acknowledgedOn", "received");
        AcknowledgedOn = on;
        AcknowledgementChannel = channel;
        DiscussionOffered = true;
        DiscussedOn = discussedOn;
    }

    /// <summary>Assigns the complaints team member handling it.</summary>
    public void Assign(StaffRef handler) => Handler = handler;

    /// <summary>Starts early resolution, due within the organisation's target counted from receipt (<see cref="EarlyResolutionTarget"/>).</summary>
    public void StartEarlyResolution(DateOnly on, int targetWorkingDays, WorkingDayCalendar calendar)
    {
        EnsureNotOnHold("start early resolution");
        MoveTo(CaseStage.EarlyResolution, "start early resolution");
        EarlyResolutionStartedOn = on;
        EarlyResolutionDueBy = EarlyResolutionTarget.DueBy(ReceivedOn, targetWorkingDays, calendar);
    }

    /// <summary>
    /// Starts a closer look with its plan, an investigator whose conflict check is recorded, and the person
    /// responsible for the final response. From early resolution, or back from a draft, a reason is required.
    /// </summary>
    public void StartCloserLook(DateOnly on, string? reason, InvestigationPlan plan, StaffRef investigator, ConflictCheck check, StaffRef responsiblePerson)
    {
        EnsureNotOnHold("start a closer look");
        if (NeedsEscalationReason && string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestValidationException("reason", EscalationReasonMissing);
        }
        MoveTo(CaseStage.CloserLook, "start a closer look");
        CloserLookStartedOn = on;
        EscalationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Plan = plan;
        Investigator = investigator;
        ConflictCheck = check;
        ResponsiblePerson = responsiblePerson;
    }

    /// <summary>Why a closer look from early resolution or a draft without a reason is refused.</summary>
    public const string EscalationReasonMissing = "Say why the complaint needs a closer look.";

    /// <summary>True when a closer look started now needs a reason: the case escalates from early resolution or goes back from a draft.</summary>
    public bool NeedsEscalationReason => Stage is CaseStage.EarlyResolution or CaseStage.ResponseDrafted;

    /// <summary>Agrees (or, when the complainant declined to discuss it, sets) the response date (<see cref="ResponseDateRenegotiation"/>).</summary>
    public ResponseDateAgreement AgreeResponseDate(DateOnly agreedOn, DateOnly dueBy, bool withComplainant, string? reason, string recordedBy)
    {
        if (!IsOpen)
        {
            throw new RequestStateException($"The case is {Stage}: its response date can no longer change.");
        }
        NotBefore(agreedOn, ReceivedOn, "agreedOn", "received");
        ResponseDateRenegotiation.EnsureAfterAgreement(agreedOn, dueBy);
        var agreement = new ResponseDateAgreement(
            Id, agreedOn, dueBy, withComplainant, ResponseDateRenegotiation.ReasonFor(reason, _agreements.Count), recordedBy);
        _agreements.Add(agreement);
        return agreement;
    }

    /// <summary>Stops the clock with a reason (<see cref="ClockPausing"/>).</summary>
    public ClockPause Pause(PauseReason reason, string detail, DateOnly from)
    {
        ClockPausing.EnsureMayPause(this);
        NotBefore(from, ClockPausing.EarliestStart(this), "from", "end of the last pause or the day received");
        var pause = new ClockPause(Id, reason, detail, from);
        _pauses.Add(pause);
        return pause;
    }

    /// <summary>Restarts the clock.</summary>
    public ClockPause Resume(DateOnly on)
    {
        var pause = _pauses.SingleOrDefault(p => p.Until is null)
            ?? throw new RequestStateException("The clock is not paused.");
        NotBefore(on, pause.From, "on", "pause began");
        pause.End(on);
        return pause;
    }

    /// <summary>Logs a contact with the complainant; an outgoing contact while the clocks run may count as an update.</summary>
    public ContactLogEntry LogContact(DateOnly on, ContactChannel channel, bool outgoing, bool isUpdate, string summary, string recordedBy)
    {
        NotBefore(on, ReceivedOn, "on", "received");
        var entry = new ContactLogEntry(Id, on, channel, outgoing, isUpdate && outgoing && IsOpen, summary, recordedBy);
        _contacts.Add(entry);
        return entry;
    }

    /// <summary>Who is named as having recorded an update the platform wrote on the agreed schedule.</summary>
    public const string ScheduledUpdateAuthor = "The complaints platform";

    /// <summary>
    /// Records the update written on the agreed schedule (<see cref="UpdateFrequency.ScheduledUpdateOwed"/>) as a
    /// letter, the form every written update takes whether it travels by e-mail or post; the next is due from it.
    /// </summary>
    public ContactLogEntry RecordScheduledUpdate(DateOnly on) =>
        LogContact(on, ContactChannel.Letter, outgoing: true, isUpdate: true,
            "Update on progress written on the agreed schedule, because none had been given by its day. Whether it reached the complainant is shown with the letters sent about the case.", ScheduledUpdateAuthor);

    /// <summary>Records how often the complainant will be updated, as agreed with them (<see cref="UpdateFrequency"/>).</summary>
    public void AgreeUpdateFrequency(int everyWorkingDays, DateOnly agreedOn)
    {
        UpdateFrequency.EnsureWithinRange(everyWorkingDays);
        UpdateEveryWorkingDays = everyWorkingDays;
        UpdateFrequencyAgreedOn = agreedOn;
    }

    /// <summary>Adds a member of staff complained about, with what is known of them so far.</summary>
    public StaffInvolved AddStaff(string name, string role, StaffDetails details)
    {
        var staff = new StaffInvolved(Id, name, role);
        staff.Record(null, null, details);
        _staff.Add(staff);
        return staff;
    }

    /// <summary>Updates what is recorded about a member of staff complained about; what is not given keeps its value.</summary>
    public StaffInvolved UpdateStaff(long staffId, string? name, string? role, StaffDetails details)
    {
        var staff = _staff.FirstOrDefault(s => s.Id == staffId) ?? throw new RequestNotFoundException();
        staff.Record(name, role, details);
        return staff;
    }

    /// <summary>Saves the draft final response; the case moves to drafting, and a signature on an earlier version lapses.</summary>
    public void SaveDraft(ResponseDraft draft)
    {
        EnsureNotOnHold("draft a response");
        if (Stage != CaseStage.ResponseDrafted)
        {
            MoveTo(CaseStage.ResponseDrafted, "draft the response");
        }
        Draft = draft;
        DraftVersion++;
        Signature = null;
    }

    /// <summary>Names a delegate who may sign for the responsible person (Reg 4(3), <see cref="ResponseSigning"/>).</summary>
    public void DelegateSigning(StaffRef responsiblePerson, StaffRef? delegatedTo)
    {
        ResponsiblePerson = responsiblePerson;
        SigningDelegate = delegatedTo;
    }

    /// <summary>Signs the current draft, which must be complete (<see cref="FinalResponseCompleteness"/>); the signature covers this version only.</summary>
    public void Sign(ResponseSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (Stage != CaseStage.ResponseDrafted || Draft is null)
        {
            throw new RequestStateException("There is no draft final response to sign.");
        }
        FinalResponseCompleteness.EnsureComplete(this);
        // The day the draft was saved is not kept, so the latest step that started its preparation bounds the signature.
        NotBefore(signature.SignedOn, ResponsePreparedFrom, "signedOn", "response was being prepared");
        Signature = signature with { DraftVersion = DraftVersion };
    }

    /// <summary>The earliest day the current response can have been prepared: the latest of receipt, acknowledgement, the start of either stage, and reopening.</summary>
    public DateOnly ResponsePreparedFrom =>
        new[] { AcknowledgedOn, EarlyResolutionStartedOn, CloserLookStartedOn, ReopenedOn }.Aggregate(ReceivedOn, (latest, d) => d is { } day && day > latest ? day : latest);

    /// <summary>Sends the signed final response; the outcome follows from the findings (<see cref="Ko41Coding.OutcomeOf"/>).</summary>
    public CaseOutcome SendFinalResponse(DateOnly sentOn, ContactChannel channel)
    {
        EnsureNotOnHold("send the final response");
        if (Stage != CaseStage.ResponseDrafted || Draft is null)
        {
            throw new RequestStateException("Draft the final response first.");
        }
        FinalResponseCompleteness.EnsureComplete(this);
        ResponseSigning.EnsureSignedAfterLastChange(Signature, DraftVersion);
        NotBefore(sentOn, Signature!.SignedOn, "sentOn", "response was signed");
        EnsureReviewsDone(sentOn);
        MoveTo(CaseStage.FinalResponseSent, "send the final response");
        FinalResponseSentOn = sentOn;
        FinalResponseChannel = channel;
        Outcome = Ko41Coding.OutcomeOf(Draft.Findings);
        EndOpenPause(sentOn);
        return Outcome.Value;
    }

    /// <summary>
    /// Records how the complaint was resolved early and its outcome; the confirming letter is the response
    /// (<see cref="EarlyResolutionConfirmation"/>), so the response clock stops on the day.
    /// </summary>
    public void ResolveEarly(EarlyResolutionRecord record, CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureNotOnHold("record the early resolution");
        EarlyResolutionConfirmation.EnsureResolvingEarly(this);
        NotBefore(record.ResolvedOn, EarlyResolutionStartedOn ?? ReceivedOn, "resolvedOn", "early resolution started");
        MoveTo(CaseStage.FinalResponseSent, "record the early resolution");
        EarlyResolution = record;
        FinalResponseSentOn = record.ResolvedOn;
        // The confirmation goes in writing, whatever the conversation was held by.
        FinalResponseChannel = ContactChannel.Letter;
        Outcome = outcome;
        EndOpenPause(record.ResolvedOn);
    }

    /// <summary>Closes a case whose final response has gone; it must be coded for KO41 (<see cref="Ko41Coding"/>).</summary>
    public void CloseResolved(DateOnly on)
    {
        Ko41Coding.EnsureCodedBeforeClosing(Coding);
        if (Stage == CaseStage.ReferredToOmbudsman && Closure is not null)
        {
            throw new RequestStateException("The case is already closed; the Ombudsman referral is recorded on it.");
        }
        MoveTo(CaseStage.Closed, "close");
        NotBefore(on, FinalResponseSentOn ?? ReceivedOn, "closedOn", "final response was sent");
        Closure = CaseClosure.Resolved;
        ClosedOn = on;
    }

    /// <summary>Reopens a resolved case (the complainant is still unhappy, or new information came to light).</summary>
    public void Reopen(DateOnly on, string reason)
    {
        if (Closure is not (null or CaseClosure.Resolved))
        {
            throw new RequestStateException($"A case closed as {Closure} is not reopened here: that was decided at intake.");
        }
        MoveTo(CaseStage.Reopened, "reopen");
        ReopenCount++;
        ReopenedOn = on;
        ReopenReason = reason;
        Closure = null;
        ClosedOn = null;
        Outcome = null;
        FinalResponseSentOn = null;
        Signature = null;
    }

    /// <summary>Records that the complainant went to the Ombudsman, when the organisation learns of it.</summary>
    public void ReferToOmbudsman(DateOnly learnedOn, string? reference)
    {
        if (Closure is not (null or CaseClosure.Resolved))
        {
            throw new RequestStateException("Only a case that received a final response can be taken to the Ombudsman.");
        }
        MoveTo(CaseStage.ReferredToOmbudsman, "record the Ombudsman referral");
        NotBefore(learnedOn, FinalResponseSentOn ?? ReceivedOn, "learnedOn", "final response was sent");
        OmbudsmanReferralLearnedOn = learnedOn;
        OmbudsmanReference = reference;
    }

    /// <summary>Records the letter explaining why no response had gone by the backstop (<see cref="SixMonthBackstop"/>).</summary>
    public void RecordDelayLetter(DateOnly sentOn, string reasons)
    {
        if (FinalResponseSentOn is not null || !IsOpen)
        {
            throw new RequestStateException("The final response has gone: no delay letter is needed.");
        }
        SixMonthBackstop.EnsureDelayLetterDue(sentOn, SixMonthBackstop.For(this));
        DelayLetterSentOn = sentOn;
        DelayLetterReasons = reasons;
    }

    /// <summary>Records the KO41 coding, checked by <see cref="Ko41Coding.Validate"/>.</summary>
    public void Code(CaseCoding coding) => Coding = coding;

    private void MoveTo(CaseStage to, string action)
    {
        StageTransitions.EnsureAllowed(Stage, to, action);
        Stage = to;
    }

    private void EnsureNotOnHold(string action)
    {
        if (AwaitingTimeLimitDecision)
        {
            throw new RequestStateException($"Cannot {action}: intake has not decided whether to consider this late complaint (Reg 12(4)).");
        }
        if (AwaitingBestInterestsDecision)
        {
            throw new RequestStateException($"Cannot {action}: intake has not decided whether the representative acts in the person's best interests (Reg 5(4)).");
        }
        if (AwaitingRouting)
        {
            throw new RequestStateException($"Cannot {action}: the ICB has not decided who handles this complaint (Reg 7).");
        }
    }

    private void EndOpenPause(DateOnly on) => _pauses.SingleOrDefault(p => p.Until is null)?.End(on);

    private static void NotBefore(DateOnly value, DateOnly earliest, string field, string what)
    {
        if (value < earliest)
        {
            throw new RequestValidationException(field, $"The date is before the {what} ({earliest:yyyy-MM-dd}).");
        }
    }
}
