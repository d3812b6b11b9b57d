using IcsComplaints.Calendar;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// The stages of the model complaint handling procedure and the moves between them. A move not listed here is
/// refused with the stages that may follow, so a case cannot skip acknowledgement, be answered before it is looked
/// into, or be closed before its final response has gone.
/// </summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Next = new()
    {
        [CaseStage.Received] = [CaseStage.Acknowledged],
        [CaseStage.Acknowledged] = [CaseStage.EarlyResolution, CaseStage.CloserLook],
        [CaseStage.EarlyResolution] = [CaseStage.CloserLook, CaseStage.ResponseDrafted],
        [CaseStage.CloserLook] = [CaseStage.ResponseDrafted],
        [CaseStage.ResponseDrafted] = [CaseStage.CloserLook, CaseStage.FinalResponseSent],
        [CaseStage.FinalResponseSent] = [CaseStage.Closed, CaseStage.Reopened, CaseStage.ReferredToOmbudsman],
        [CaseStage.Closed] = [CaseStage.Reopened, CaseStage.ReferredToOmbudsman],
        [CaseStage.Reopened] = [CaseStage.EarlyResolution, CaseStage.CloserLook],
        [CaseStage.ReferredToOmbudsman] = [CaseStage.Reopened, CaseStage.Closed],
    };

    /// <summary>The stages that may follow <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseStage> From(CaseStage from) => Next.TryGetValue(from, out var next) ? next : [];

    /// <summary>True when the move is allowed.</summary>
    public static bool Allows(CaseStage from, CaseStage to) => From(from).Contains(to);
}

/// <summary>The procedure's actions on a case; each checks the move and its rule, then applies it.</summary>
public sealed partial class ComplaintCase
{
    /// <summary>True until the final response has gone or the case closed: the clocks run.</summary>
    public bool IsOpen => Stage is CaseStage.Received or CaseStage.Acknowledged or CaseStage.EarlyResolution or CaseStage.CloserLook
        or CaseStage.ResponseDrafted or CaseStage.Reopened;

    /// <summary>The clock is paused now.</summary>
    public bool IsPaused => _pauses.Any(p => p.Until is null);

    /// <summary>Acknowledges the complaint, recording the offer to discuss handling and the response period (Reg 13(2)–(3)).</summary>
    public void Acknowledge(DateOnly on, ContactChannel channel, bool discussionOffered, DateOnly? discussedOn)
    {
        MoveTo(CaseStage.Acknowledged, "acknowledge");
        if (!discussionOffered)
        {
            throw new RequestValidationException("discussionOffered", "The acknowledgement offers to discuss how the complaint will be handled and the response period (Reg 13).");
        }
        NotBefore(on, ReceivedOn, "acknowledgedOn", "received");
        AcknowledgedOn = on;
        AcknowledgementChannel = channel;
        DiscussionOffered = true;
        DiscussedOn = discussedOn;
    }

    /// <summary>Assigns the complaints team member handling it.</summary>
    public void Assign(StaffRef handler) => Handler = handler;

    /// <summary>Starts early resolution, due within the organisation's target counted from receipt.</summary>
    public void StartEarlyResolution(DateOnly on, int targetWorkingDays, WorkingDayCalendar calendar)
    {
        EnsureNotOnHold("start early resolution");
        MoveTo(CaseStage.EarlyResolution, "start early resolution");
        EarlyResolutionStartedOn = on;
        EarlyResolutionDueBy = calendar.AddWorkingDays(ReceivedOn, targetWorkingDays);
    }

    /// <summary>
    /// Starts a closer look with its plan, an investigator whose conflict check is recorded, and the person
    /// responsible for the final response. From early resolution, or back from a draft, a reason is required.
    /// </summary>
    public void StartCloserLook(DateOnly on, string? reason, InvestigationPlan plan, StaffRef investigator, ConflictCheck check, StaffRef responsiblePerson)
    {
        EnsureNotOnHold("start a closer look");
        if (Stage is CaseStage.EarlyResolution or CaseStage.ResponseDrafted && string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestValidationException("reason", "Say why the complaint needs a closer look.");
        }
        MoveTo(CaseStage.CloserLook, "start a closer look");
        CloserLookStartedOn = on;
        EscalationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Plan = plan;
        Investigator = investigator;
        ConflictCheck = check;
        ResponsiblePerson = responsiblePerson;
    }

    /// <summary>Agrees (or, when the complainant declined to discuss it, sets) the response date; a change needs a reason.</summary>
    public ResponseDateAgreement AgreeResponseDate(DateOnly agreedOn, DateOnly dueBy, bool withComplainant, string reason, string recordedBy)
    {
        if (!IsOpen)
        {
            throw new RequestStateException($"The case is {Stage}: its response date can no longer change.");
        }
        NotBefore(agreedOn, ReceivedOn, "agreedOn", "received");
        if (dueBy <= agreedOn)
        {
            throw new RequestValidationException("dueBy", "The response date is after the day it is agreed.");
        }
        var agreement = new ResponseDateAgreement
        {
            CaseId = Id, AgreedOn = agreedOn, DueBy = dueBy, WithComplainant = withComplainant, Reason = reason, RecordedBy = recordedBy,
        };
        _agreements.Add(agreement);
        return agreement;
    }

    /// <summary>Stops the clock with a reason.</summary>
    public ClockPause Pause(PauseReason reason, string detail, DateOnly from)
    {
        if (!IsOpen)
        {
            throw new RequestStateException($"The case is {Stage}: there is no clock to pause.");
        }
        if (IsPaused)
        {
            throw new RequestStateException("The clock is already paused; restart it before pausing again.");
        }
        NotBefore(from, _pauses.Select(p => p.Until ?? p.From).DefaultIfEmpty(ReceivedOn).Max(), "from", "end of the last pause or the day received");
        var pause = new ClockPause { CaseId = Id, Reason = reason, Detail = detail, From = from };
        _pauses.Add(pause);
        return pause;
    }

    /// <summary>Restarts the clock.</summary>
    public ClockPause Resume(DateOnly on)
    {
        var pause = _pauses.SingleOrDefault(p => p.Until is null)
            ?? throw new RequestStateException("The clock is not paused.");
        NotBefore(on, pause.From, "on", "pause began");
        pause.Until = on;
        return pause;
    }

    /// <summary>Logs a contact with the complainant.</summary>
    public ContactLogEntry LogContact(DateOnly on, ContactChannel channel, bool outgoing, bool isUpdate, string summary, string recordedBy)
    {
        NotBefore(on, ReceivedOn, "on", "received");
        var entry = new ContactLogEntry
        {
            CaseId = Id, On = on, Channel = channel, Outgoing = outgoing, IsUpdate = isUpdate && outgoing && IsOpen, Summary = summary, RecordedBy = recordedBy,
        };
        _contacts.Add(entry);
        return entry;
    }

    /// <summary>Records how often the complainant will be updated, as agreed with them.</summary>
    public void AgreeUpdateFrequency(int everyWorkingDays, DateOnly agreedOn)
    {
        if (everyWorkingDays is < 1 or > 60)
        {
            throw new RequestValidationException("everyWorkingDays", "Agree updates every 1 to 60 working days.");
        }
        UpdateEveryWorkingDays = everyWorkingDays;
        UpdateFrequencyAgreedOn = agreedOn;
    }

    /// <summary>Adds a member of staff complained about.</summary>
    public StaffInvolved AddStaff(string name, string role)
    {
        var staff = new StaffInvolved { CaseId = Id, Name = name, Role = role };
        _staff.Add(staff);
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

    /// <summary>Names a delegate who may sign for the responsible person (Reg 4(3)).</summary>
    public void DelegateSigning(StaffRef responsiblePerson, StaffRef? delegatedTo)
    {
        ResponsiblePerson = responsiblePerson;
        SigningDelegate = delegatedTo;
    }

    /// <summary>Signs the current draft, which must be complete.</summary>
    public void Sign(ResponseSignature signature)
    {
        if (Stage != CaseStage.ResponseDrafted || Draft is null)
        {
            throw new RequestStateException("There is no draft final response to sign.");
        }
        FinalResponseRules.EnsureComplete(this);
        Signature = signature with { DraftVersion = DraftVersion };
    }

    /// <summary>Sends the signed final response; the outcome follows from the findings (KO41a definitions).</summary>
    public CaseOutcome SendFinalResponse(DateOnly sentOn, ContactChannel channel)
    {
        EnsureNotOnHold("send the final response");
        if (Stage != CaseStage.ResponseDrafted || Draft is null)
        {
            throw new RequestStateException("Draft the final response first.");
        }
        FinalResponseRules.EnsureComplete(this);
        if (Signature is null || Signature.DraftVersion != DraftVersion)
        {
            throw new RequestStateException("The final response must be signed by the responsible person or their named delegate (Reg 14), after its last change.");
        }
        NotBefore(sentOn, Signature.SignedOn, "sentOn", "response was signed");
        EnsureReviewsDone(sentOn);
        MoveTo(CaseStage.FinalResponseSent, "send the final response");
        FinalResponseSentOn = sentOn;
        FinalResponseChannel = channel;
        Outcome = FinalResponseRules.OutcomeOf(Draft.Findings);
        EndOpenPause(sentOn);
        return Outcome.Value;
    }

    /// <summary>Closes a case whose final response has gone; it must be coded for KO41.</summary>
    public void CloseResolved(DateOnly on)
    {
        if (Coding is null)
        {
            throw new RequestStateException("Code the case for KO41 before closing it (subject, service area, profession, age band, complainant status).");
        }
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
        OmbudsmanReferralLearnedOn = learnedOn;
        OmbudsmanReference = reference;
    }

    /// <summary>Records the letter explaining why no response had gone by the Reg 14 backstop.</summary>
    public void RecordDelayLetter(DateOnly sentOn, string reasons, DateOnly backstop)
    {
        if (FinalResponseSentOn is not null || !IsOpen)
        {
            throw new RequestStateException("The final response has gone: no delay letter is needed.");
        }
        if (sentOn <= backstop)
        {
            throw new RequestValidationException("sentOn", $"The delay letter is for a response not sent by {backstop:yyyy-MM-dd} (Reg 14); record an agreed response date instead.");
        }
        DelayLetterSentOn = sentOn;
        DelayLetterReasons = reasons;
    }

    /// <summary>Records the KO41 coding.</summary>
    public void Code(Coding.Ko41Coding coding) => Coding = coding;

    /// <summary>Saves a contributing organisation's section (Reg 9); a change clears its sign-off.</summary>
    public Contribution SaveContribution(string organisationCode, string text, DateTimeOffset at)
    {
        var contribution = ContributionOf(organisationCode);
        if (Stage is CaseStage.FinalResponseSent or CaseStage.Closed)
        {
            throw new RequestStateException("The co-ordinated response has gone.");
        }
        contribution.Text = text;
        contribution.UpdatedAt = at;
        contribution.SignedOffBy = null;
        contribution.SignedOffOn = null;
        return contribution;
    }

    /// <summary>The contributing organisation signs off its own section.</summary>
    public Contribution SignOffContribution(string organisationCode, string signedBy, DateOnly on)
    {
        var contribution = ContributionOf(organisationCode);
        if (string.IsNullOrWhiteSpace(contribution.Text))
        {
            throw new RequestStateException("Write the section before signing it off.");
        }
        contribution.SignedOffBy = signedBy;
        contribution.SignedOffOn = on;
        return contribution;
    }

    /// <summary>Stores an experience survey answered after the final response.</summary>
    public SurveyResponse AddSurvey(SurveyKind kind, Dictionary<string, string> answers, string? comment, DateOnly on)
    {
        if (FinalResponseSentOn is null && Closure != CaseClosure.Resolved)
        {
            throw new RequestStateException("Experience surveys are answered once the final response has gone.");
        }
        if (kind == SurveyKind.Complainant && _surveys.Any(s => s.Kind == SurveyKind.Complainant))
        {
            throw new RequestStateException("The complainant's survey for this case has been answered.");
        }
        var survey = new SurveyResponse { CaseId = Id, Kind = kind, Answers = answers, Comment = comment, SubmittedOn = on };
        _surveys.Add(survey);
        return survey;
    }

    private Contribution ContributionOf(string organisationCode) =>
        _contributions.FirstOrDefault(c => string.Equals(c.OrganisationCode, organisationCode, StringComparison.OrdinalIgnoreCase))
        ?? throw new RequestNotFoundException();

    private void MoveTo(CaseStage to, string action)
    {
        if (!CaseTransitions.Allows(Stage, to))
        {
            var next = CaseTransitions.From(Stage);
            throw new RequestStateException(
                $"Cannot {action}: the case is {Stage}" + (next.Count == 0 ? "." : $"; next it can be {string.Join(" or ", next)}."));
        }
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

    private void EndOpenPause(DateOnly on)
    {
        if (_pauses.SingleOrDefault(p => p.Until is null) is { } open)
        {
            open.Until = on < open.From ? open.From : on;
        }
    }

    private static void NotBefore(DateOnly value, DateOnly earliest, string field, string what)
    {
        if (value < earliest)
        {
            throw new RequestValidationException(field, $"The date is before the {what} ({earliest:yyyy-MM-dd}).");
        }
    }
}
