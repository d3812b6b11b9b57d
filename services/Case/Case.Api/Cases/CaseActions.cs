using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// The actions of the complaint handling procedure on a case, for REST and gRPC alike. Each checks who may act
/// (role and organisation) before reading the input, validates it field by field, applies the procedure's rule,
/// audits the change and publishes its events through the outbox in the same transaction.
/// </summary>
public sealed class CaseActions(
    CaseDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar, DraftSharing reviews, DraftReviewerLookup advocates)
{
    /// <summary>Roles that run the procedure for their organisation: the complaints team (and the ICB's, for cases it handles).</summary>
    public static readonly IReadOnlyList<string> Managers = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>Roles that work on a case: the complaints team and investigators.</summary>
    public static readonly IReadOnlyList<string> Workers = [Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.Investigator];

    /// <summary>Roles that may sign a final response, with the named delegate of a case.</summary>
    public static readonly IReadOnlyList<string> Signers = [Roles.ResponsiblePerson];

    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Acknowledges the complaint (Reg 13(2)–(3)).</summary>
    public async Task AcknowledgeAsync(Caller caller, Guid caseId, CaseRequests.Acknowledge input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.AcknowledgedOn, "acknowledgedOn", errors) ?? Today;
        var channel = Enum<ContactChannel>(input.Channel, "channel", errors, required: true);
        var discussedOn = Date(input.DiscussedOn, "discussedOn", errors);
        if (input.DiscussionOffered != true)
        {
            errors.Add("discussionOffered", AcknowledgementDeadline.DiscussionOfferMissing.TrimEnd('.') + ": send true.");
        }
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.Acknowledge(on, channel!.Value, true, discussedOn), ct, () =>
            outbox.Publish(new CaseAcknowledged
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, AcknowledgedOn = on,
                DueBy = c.AcknowledgementDueBy, InTime = AcknowledgementDeadline.InTime(on, c.AcknowledgementDueBy),
            }));
    }

    /// <summary>Assigns the case to a member of the complaints team ("me" for the caller).</summary>
    public async Task AssignAsync(Caller caller, Guid caseId, CaseRequests.Person input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var handler = Person(caller, input, "", errors, required: true);
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.Assign(handler!), ct);
    }

    /// <summary>Starts early resolution, due within the organisation's target.</summary>
    public async Task StartEarlyResolutionAsync(Caller caller, Guid caseId, CaseRequests.EarlyResolution input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.StartedOn, "startedOn", errors) ?? Today;
        errors.ThrowIfAny();
        var target = (await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationCode == c.OrganisationCode, ct))
            ?.EarlyResolutionTargetWorkingDays ?? EarlyResolutionTarget.DefaultWorkingDays;
        await ApplyAsync(c, () => c.StartEarlyResolution(on, target, calendar), ct);
    }

    /// <summary>Starts a closer look with its plan, investigator, conflict check and responsible person.</summary>
    public async Task StartCloserLookAsync(Caller caller, Guid caseId, CaseRequests.CloserLook input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.StartedOn, "startedOn", errors) ?? Today;
        var issues = Items(input.Issues, "issues", errors, required: true);
        var sought = Items(input.OutcomesSought, "outcomesSought", errors, required: true);
        var evidence = Items(input.Evidence, "evidence", errors, required: false);
        var people = Items(input.PeopleToSpeakTo, "peopleToSpeakTo", errors, required: false);
        var investigator = Person(caller, input.Investigator, "investigator", errors, required: true);
        var responsible = Person(caller, input.ResponsiblePerson, "responsiblePerson", errors, required: true);
        if (input.PriorInvolvement is null)
        {
            errors.Add("priorInvolvement", "Record the conflict check: was the investigator involved in what is complained about? (true or false)");
        }
        if (input.ConflictOfInterest is null)
        {
            errors.Add("conflictOfInterest", "Record the conflict check: does the investigator have any other conflict of interest? (true or false)");
        }
        var measures = Text(input.ImpartialityMeasures, "impartialityMeasures", errors, 2_000);
        if ((input.PriorInvolvement == true || input.ConflictOfInterest == true) && measures is null)
        {
            errors.Add("impartialityMeasures", "The investigator is not independent: say how impartiality is protected (NHS Complaint Standards, closer look).");
        }
        var reason = Text(input.Reason, "reason", errors, 2_000);
        if (reason is null && c.NeedsEscalationReason)
        {
            errors.Add("reason", ComplaintCase.EscalationReasonMissing);
        }
        errors.ThrowIfAny();
        var check = new ConflictCheck(input.PriorInvolvement!.Value, input.ConflictOfInterest!.Value, measures, caller.SubjectId, on);
        await ApplyAsync(c, () => c.StartCloserLook(on, reason, new InvestigationPlan(issues, sought, evidence, people), investigator!, check, responsible!), ct);
    }

    /// <summary>Agrees or renegotiates the response date.</summary>
    public async Task AgreeResponseDateAsync(Caller caller, Guid caseId, CaseRequests.ResponseDate input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var agreedOn = Date(input.AgreedOn, "agreedOn", errors) ?? Today;
        var dueBy = ResponseDateRenegotiation.CheckDueBy(FutureDate(input.DueBy, "dueBy", errors), Today, calendar, "dueBy", errors);
        var reason = Text(input.Reason, "reason", errors, 2_000);
        ResponseDateRenegotiation.CheckReason(reason, c.Agreements.Count, "reason", errors);
        errors.ThrowIfAny();
        ResponseDateAgreement? agreement = null;
        await ApplyAsync(c, () => agreement = c.AgreeResponseDate(agreedOn, dueBy!.Value, input.WithComplainant ?? true, reason, caller.SubjectId), ct, () =>
            outbox.Publish(new ResponseDateAgreed
            {
                CaseId = c.Id, OrganisationCode = c.OrganisationCode, AgreedOn = agreedOn, DueBy = agreement!.DueBy,
                Renegotiation = ResponseDateRenegotiation.Renegotiations(c.Agreements.Count), WithComplainant = agreement.WithComplainant,
            }));
    }

    /// <summary>Pauses the clock.</summary>
    public async Task PauseAsync(Caller caller, Guid caseId, CaseRequests.Pause input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var reason = Enum<PauseReason>(input.Reason, "reason", errors, required: true);
        var detail = Text(input.Detail, "detail", errors, ClockPausing.DetailMaxLength);
        if (detail is null)
        {
            errors.Add("detail", ClockPausing.DetailMissing);
        }
        var from = Date(input.From, "from", errors) ?? Today;
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.Pause(reason!.Value, detail!, from), ct, () =>
            outbox.Publish(new CaseClockPaused { CaseId = c.Id, OrganisationCode = c.OrganisationCode, Reason = reason!.Value.ToString(), From = from }));
    }

    /// <summary>Restarts the clock.</summary>
    public async Task ResumeAsync(Caller caller, Guid caseId, CaseRequests.Resume input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.On, "on", errors) ?? Today;
        errors.ThrowIfAny();
        ClockPause? pause = null;
        await ApplyAsync(c, () => pause = c.Resume(on), ct, () =>
            outbox.Publish(new CaseClockResumed
            {
                CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on,
                PausedWorkingDays = calendar.WorkingDaysBetween(pause!.From, on),
                TotalPausedWorkingDays = ClockPausing.PausedWorkingDays(c, Today, calendar),
            }));
    }

    /// <summary>Logs a contact with the complainant.</summary>
    public async Task LogContactAsync(Caller caller, Guid caseId, CaseRequests.Contact input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.On, "on", errors) ?? Today;
        var channel = Enum<ContactChannel>(input.Channel, "channel", errors, required: true);
        var summary = Text(input.Summary, "summary", errors, 2_000);
        if (summary is null)
        {
            errors.Add("summary", "Say briefly what was said.");
        }
        errors.ThrowIfAny();
        ContactLogEntry? entry = null;
        await ApplyAsync(c, () => entry = c.LogContact(on, channel!.Value, input.Outgoing ?? true, input.IsUpdate ?? false, summary!, caller.SubjectId), ct, () =>
            outbox.Publish(new CaseContactLogged { CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on, Channel = channel!.Value.ToString(), IsUpdate = entry!.IsUpdate }));
    }

    /// <summary>Records the agreed update frequency.</summary>
    public async Task AgreeUpdateFrequencyAsync(Caller caller, Guid caseId, CaseRequests.UpdateFrequency input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var agreedOn = Date(input.AgreedOn, "agreedOn", errors) ?? Today;
        if (input.EveryWorkingDays is null)
        {
            errors.Add("everyWorkingDays", UpdateFrequency.Missing);
        }
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.AgreeUpdateFrequency(input.EveryWorkingDays!.Value, agreedOn), ct);
    }

    /// <summary>Adds a member of staff complained about.</summary>
    public async Task<long> AddStaffAsync(Caller caller, Guid caseId, CaseRequests.Staff input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var name = Text(input.Name, "name", errors, 200) ?? Missing(errors, "name", "Give the name of the member of staff.");
        var role = Text(input.Role, "role", errors, 200) ?? Missing(errors, "role", "Give their job role.");
        var details = StaffDetails(input, errors);
        errors.ThrowIfAny();
        StaffInvolved? staff = null;
        // The staff record's id exists only once saved, so the event is written by a second save in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ApplyAsync(c, () => staff = c.AddStaff(name, role, details), ct);
        PublishStaff(c, staff!);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return staff!.Id;
    }

    /// <summary>Updates what is recorded about a member of staff complained about.</summary>
    public async Task UpdateStaffAsync(Caller caller, Guid caseId, long staffId, CaseRequests.Staff input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var name = Text(input.Name, "name", errors, 200);
        var role = Text(input.Role, "role", errors, 200);
        var details = StaffDetails(input, errors);
        errors.ThrowIfAny();
        StaffInvolved? staff = null;
        await ApplyAsync(c, () => staff = c.UpdateStaff(staffId, name, role, details), ct, () => PublishStaff(c, staff!));
    }

    private void PublishStaff(ComplaintCase c, StaffInvolved staff) => outbox.Publish(new StaffInvolvedRecorded
    {
        CaseId = c.Id, OrganisationCode = c.OrganisationCode, StaffId = staff.Id, ToldOn = staff.ToldOn, SupportOffered = staff.SupportOffered is not null,
        SawFinalResponse = staff.SawFinalResponseOn is not null, RecordedOn = Today,
    });

    /// <summary>Saves the draft final response.</summary>
    public async Task SaveDraftAsync(Caller caller, Guid caseId, CaseRequests.Draft input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var findings = new List<ResponseFinding>();
        var givenFindings = input.Findings ?? [];
        if (givenFindings.Count > 50)
        {
            errors.Add("findings", "At most 50 findings.");
        }
        for (var i = 0; i < givenFindings.Count && i < 50; i++)
        {
            var f = givenFindings[i];
            findings.Add(new ResponseFinding(
                Text(f?.Issue, $"findings[{i}].issue", errors, 1_000) ?? "",
                Text(f?.Conclusion, $"findings[{i}].conclusion", errors, 10_000) ?? "",
                Text(f?.Reasons, $"findings[{i}].reasons", errors, 10_000) ?? "",
                f?.Upheld ?? false));
            if (f?.Upheld is null)
            {
                errors.Add($"findings[{i}].upheld", "Say whether this point is upheld (true or false).");
            }
        }
        var changes = new List<ResponseChange>();
        var givenChanges = input.Changes ?? [];
        for (var i = 0; i < givenChanges.Count && i < 50; i++)
        {
            var action = Text(givenChanges[i]?.Action, $"changes[{i}].action", errors, 2_000) ?? "";
            if (Date(givenChanges[i]?.By, $"changes[{i}].by", errors, allowFuture: true) is { } by)
            {
                changes.Add(new ResponseChange(action, by));
            }
            else if (!errors.Has($"changes[{i}].by"))
            {
                errors.Add($"changes[{i}].by", "Say by when the change will be made.");
            }
        }
        var draft = new ResponseDraft(
            Text(input.ComplaintSummary, "complaintSummary", errors, 20_000),
            Text(input.OutcomesSought, "outcomesSought", errors, 10_000),
            Text(input.Investigation, "investigation", errors, 20_000),
            findings,
            Text(input.Apology, "apology", errors, 10_000),
            changes,
            Text(input.Remedy, "remedy", errors, 10_000));
        errors.ThrowIfAny();
        var window = await ReviewWindowEndsAsync(c.OrganisationCode, ct);
        var reviewers = await ReviewersAsync(c, ct);
        await ApplyAsync(c, () => c.SaveDraft(draft), ct, () => reviews.Share(db, outbox, c, reviewers, Today, window));
    }

    /// <summary>A contributing organisation finishes its review of a shared draft (Reg 9).</summary>
    public async Task ReviewAsContributorAsync(Caller caller, Guid caseId, int version, CaseRequests.ContributorReview input, CancellationToken ct)
    {
        var c = await LoadAsContributorAsync(caller, caseId, CaseQueries.DetailRoles, ct);
        var errors = new ValidationErrors();
        var comment = Text(input.Comment, "comment", errors, 10_000);
        errors.ThrowIfAny();
        var organisation = caller.OrganisationCode!;
        if (!c.CloseReview(version, organisation, DraftReviewStatus.Completed, Today, comment is null ? 0 : 1, comment))
        {
            throw new RequestStateException($"There is no open review of draft {version} for {organisation}.");
        }
        reviews.PublishClosed(outbox, c, version, organisation, DraftReviewStatus.Completed, comment is null ? 0 : 1, Today);
        audit.Record(AuditAction.Update, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names the responsible person and a delegate who may sign for them; the responsible person does this.</summary>
    public async Task SetSignatoriesAsync(Caller caller, Guid caseId, CaseRequests.Signatories input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Signers, ct);
        var errors = new ValidationErrors();
        var responsible = Person(caller, input.ResponsiblePerson ?? new CaseRequests.Person("me", null), "responsiblePerson", errors, required: true);
        var delegatedTo = input.Delegate is null ? null : Person(caller, input.Delegate, "delegate", errors, required: true);
        ResponseSigning.CheckDelegate(delegatedTo, "delegate.subjectId", errors);
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.DelegateSigning(responsible!, delegatedTo), ct);
    }

    /// <summary>Signs the draft: the responsible person of the organisation, or the case's named delegate (Reg 14).</summary>
    public async Task SignAsync(Caller caller, Guid caseId, CaseRequests.Sign input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, [.. Signers, .. Workers], ct);
        var onBehalfOf = ResponseSigning.OnBehalfOf(c, caller.SubjectId, isResponsiblePerson: caller.ActsFor(c.OrganisationCode, Signers));
        var errors = new ValidationErrors();
        var name = Text(input.Name, "name", errors, 200) ?? Missing(errors, "name", "Give the signatory's name as printed.");
        var title = Text(input.Title, "title", errors, 200) ?? Missing(errors, "title", "Give the signatory's title as printed.");
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.Sign(new ResponseSignature(new StaffRef(caller.SubjectId, name), title, onBehalfOf, Today, 0)), ct);
    }

    /// <summary>Sends the signed final response.</summary>
    public async Task SendFinalResponseAsync(Caller caller, Guid caseId, CaseRequests.Send input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var sentOn = Date(input.SentOn, "sentOn", errors) ?? Today;
        var channel = Enum<ContactChannel>(input.Channel, "channel", errors, required: true);
        if (channel is not (null or ContactChannel.Letter or ContactChannel.Email))
        {
            errors.Add("channel", "A final response is a letter, sent by post (Letter) or e-mail (Email) (Reg 14: in writing).");
        }
        errors.ThrowIfAny();
        reviews.Expire(outbox, c, Today);
        // A reviewer who joined since the draft was saved (a referral accepted a moment ago) sees it before it goes.
        if (c.Stage == CaseStage.ResponseDrafted)
        {
            var missing = (await ReviewersAsync(c, ct)).Where(r => !c.Reviews.Any(x => x.Version == c.DraftVersion && string.Equals(x.ReviewerCode, r.Code, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0)
            {
                reviews.Share(db, outbox, c, missing, Today, await ReviewWindowEndsAsync(c.OrganisationCode, ct));
                await db.SaveChangesAsync(ct);
            }
        }
        await ApplyAsync(c, () => c.SendFinalResponse(sentOn, channel!.Value), ct, () =>
        {
            var due = CaseClock.ResponseDueBy(c, sentOn, calendar);
            var findings = c.Draft!.Findings;
            outbox.Publish(new FinalResponseSent
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ReceivedOn = c.ReceivedOn, SentOn = sentOn,
                Outcome = c.Outcome!.Value.ToString(),
                ResolvedEarly = c.CloserLookStartedOn is null,
                WorkingDaysTaken = calendar.WorkingDaysBetween(c.ReceivedOn, sentOn) - ClockPausing.PausedWorkingDays(c, sentOn, calendar),
                ByAgreedDate = due is null ? null : sentOn <= due,
                Renegotiations = ResponseDateRenegotiation.Renegotiations(c.Agreements.Count),
                WithinBackstop = SixMonthBackstop.Met(sentOn, SixMonthBackstop.For(c)),
                UpdatesBeforeOutcome = c.Contacts.Count(x => x.IsUpdate),
                Findings = findings.Count,
                FindingsUpheld = findings.Count(f => f.Upheld),
                Apology = !string.IsNullOrWhiteSpace(c.Draft.Apology),
                Changes = c.Draft.Changes.Count,
                Remedy = !string.IsNullOrWhiteSpace(c.Draft.Remedy),
                Contributors = [.. c.Contributions.Select(x => x.OrganisationCode)],
            });
        });
    }

    /// <summary>Closes a case whose final response has gone.</summary>
    public async Task CloseAsync(Caller caller, Guid caseId, CaseRequests.Close input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.ClosedOn, "closedOn", errors) ?? Today;
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.CloseResolved(on), ct, () =>
            outbox.Publish(new CaseClosed
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ClosedOn = on,
                Closure = CaseClosure.Resolved.ToString(), Outcome = c.Outcome?.ToString(),
            }));
    }

    /// <summary>Reopens a resolved case.</summary>
    public async Task ReopenAsync(Caller caller, Guid caseId, CaseRequests.Reopen input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.On, "on", errors) ?? Today;
        var reason = Text(input.Reason, "reason", errors, 2_000) ?? Missing(errors, "reason", "Say why the case is reopened.");
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.Reopen(on, reason), ct, () =>
            outbox.Publish(new CaseReopened { CaseId = c.Id, OrganisationCode = c.OrganisationCode, On = on, Count = c.ReopenCount }));
    }

    /// <summary>Records that the complainant went to the Ombudsman.</summary>
    public async Task ReferToOmbudsmanAsync(Caller caller, Guid caseId, CaseRequests.OmbudsmanReferral input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.LearnedOn, "learnedOn", errors) ?? Today;
        var reference = Text(input.OmbudsmanReference, "ombudsmanReference", errors, 50);
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.ReferToOmbudsman(on, reference), ct, () =>
            outbox.Publish(new CaseReferredToOmbudsman { CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, LearnedOn = on }));
    }

    /// <summary>Records the Reg 14 delay letter.</summary>
    public async Task RecordDelayLetterAsync(Caller caller, Guid caseId, CaseRequests.DelayLetter input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Managers, ct);
        var errors = new ValidationErrors();
        var on = Date(input.SentOn, "sentOn", errors) ?? Today;
        var reasons = Text(input.Reasons, "reasons", errors, 2_000) ?? Missing(errors, "reasons", SixMonthBackstop.ReasonsMissing);
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.RecordDelayLetter(on, reasons), ct, () =>
            outbox.Publish(new DelayLetterSent { CaseId = c.Id, OrganisationCode = c.OrganisationCode, SentOn = on }));
    }

    /// <summary>Records the KO41 coding.</summary>
    public async Task CodeAsync(Caller caller, Guid caseId, Ko41CodingInput? input, CancellationToken ct)
    {
        var c = await LoadAsync(caller, caseId, Workers, ct);
        var coding = Ko41Coding.Validate(input);
        await ApplyAsync(c, () => c.Code(coding), ct, () =>
            outbox.Publish(new CaseCoded
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, ReceivedOn = c.ReceivedOn,
                Subjects = coding.Subjects, ServiceArea = coding.ServiceArea, Professions = coding.Professions,
                ClinicalSubCategories = coding.ClinicalSubCategories, SiteOdsCode = coding.SiteOdsCode, AgeBand = coding.AgeBand,
                ComplainantStatus = coding.ComplainantStatus,
            }));
    }

    /// <summary>A contributing organisation saves its section of a co-ordinated response (Reg 9).</summary>
    public async Task SaveContributionAsync(Caller caller, Guid caseId, CaseRequests.ContributionText input, CancellationToken ct)
    {
        var c = await LoadAsContributorAsync(caller, caseId, Workers, ct);
        var errors = new ValidationErrors();
        var text = Text(input.Text, "text", errors, 20_000) ?? Missing(errors, "text", "Write your organisation's part of the response.");
        errors.ThrowIfAny();
        await ApplyAsync(c, () => c.SaveContribution(caller.OrganisationCode!, text, time.GetUtcNow()), ct);
    }

    /// <summary>The contributing organisation's responsible person signs off its section.</summary>
    public async Task SignOffContributionAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await LoadAsContributorAsync(caller, caseId, Signers, ct);
        await ApplyAsync(c, () => c.SignOffContribution(caller.OrganisationCode!, caller.SubjectId, Today), ct);
    }

    /// <summary>Stores an experience survey: the complainant's (by them, or entered for them by the complaints team) or a member of staff's.</summary>
    public async Task SubmitSurveyAsync(Caller caller, Guid caseId, SurveyKind kind, CaseRequests.Survey input, CancellationToken ct)
    {
        var c = await db.Cases.Include(x => x.Surveys).FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new RequestNotFoundException();
        var ownCase = caller.Has(Roles.Complainant) && c.ComplainantSubjectId is not null && c.ComplainantSubjectId == caller.SubjectId;
        var staffOfCase = caller.ActsFor(c.OrganisationCode, CaseQueries.ReaderRoles.Where(r => r != Roles.IntegrationSystem));
        if (!ownCase && !staffOfCase)
        {
            throw new RequestNotFoundException();
        }
        if (kind == SurveyKind.Complainant && !ownCase && !caller.ActsFor(c.OrganisationCode, Managers))
        {
            throw new RequestForbiddenException("The complainant answers their survey, or the complaints team enters their answers for them.");
        }
        if (kind == SurveyKind.Staff && !staffOfCase)
        {
            throw new RequestForbiddenException("The staff survey is for staff of the organisation handling the complaint.");
        }
        var questions = ExperienceSurvey.QuestionsOf(kind);
        var errors = new ValidationErrors();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Answers is null || input.Answers.Count == 0)
        {
            errors.Add("answers", "Answer at least one question: " + string.Join(", ", questions.Keys) + ".");
        }
        foreach (var (question, answer) in input.Answers ?? new Dictionary<string, string>())
        {
            var known = ExperienceSurvey.Answers.FirstOrDefault(a => a.Equals(answer?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (!questions.ContainsKey(question))
            {
                errors.Add($"answers.{question}", "Not a question of this survey: " + string.Join(", ", questions.Keys) + ".");
            }
            else if (known is null)
            {
                errors.Add($"answers.{question}", "Answer Yes, Partly, No or NotSure.");
            }
            else
            {
                answers[question] = known;
            }
        }
        var comment = Text(input.Comment, "comment", errors, 2_000);
        errors.ThrowIfAny();
        var survey = c.AddSurvey(kind, answers, comment, Today);
        audit.Record(AuditAction.Create, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        outbox.Publish(new ExperienceSurveyAnswered
        {
            SurveyId = Guid.CreateVersion7(time.GetUtcNow()), OrganisationCode = c.OrganisationCode,
            Month = survey.SubmittedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), Kind = kind.ToString(), Answers = answers,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Changes the organisation's settings (responsible person or quality lead).</summary>
    public async Task<OrganisationSettings> SaveSettingsAsync(Caller caller, CaseRequests.Settings input, CancellationToken ct)
    {
        if (!caller.HasAny([Roles.ResponsiblePerson, Roles.QualityLead]) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("The responsible person or quality lead sets how the organisation runs the procedure.");
        }
        var errors = new ValidationErrors();
        EarlyResolutionTarget.Check(input.EarlyResolutionTargetWorkingDays, "earlyResolutionTargetWorkingDays", errors);
        AdvocateReviewWindow.Check(input.ReviewWindowWorkingDays, "reviewWindowWorkingDays", errors);
        if (input is { EarlyResolutionTargetWorkingDays: null, ReviewWindowWorkingDays: null })
        {
            errors.Add("body", "Give earlyResolutionTargetWorkingDays, reviewWindowWorkingDays or both.");
        }
        errors.ThrowIfAny();
        var settings = await db.OrganisationSettings.FirstOrDefaultAsync(s => s.OrganisationCode == organisation, ct);
        if (settings is null)
        {
            settings = new OrganisationSettings(organisation);
            db.OrganisationSettings.Add(settings);
        }
        settings.Change(input.EarlyResolutionTargetWorkingDays, input.ReviewWindowWorkingDays, caller.SubjectId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return settings;
    }

    // Loads the case with its records; 404 when the caller's organisation does not handle it (or they are not its
    // complainant), 403 when it does but the caller's role may not take this action.
    private async Task<ComplaintCase> LoadAsync(Caller caller, Guid caseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var c = await Cases().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !CaseQueries.MayRead(caller, c))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(c.OrganisationCode, roles))
        {
            throw new RequestForbiddenException("Your role does not take this step on a case.");
        }
        return c;
    }

    private async Task<ComplaintCase> LoadAsContributorAsync(Caller caller, Guid caseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var c = await Cases().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || caller.OrganisationCode is not { } organisation || !c.Contributions.Any(x => x.OrganisationCode == organisation)
            || !caller.HasAny(CaseQueries.ReaderRoles))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(organisation, roles))
        {
            throw new RequestForbiddenException("Your role does not take this step on your organisation's contribution.");
        }
        return c;
    }

    private IQueryable<ComplaintCase> Cases() => db.Cases
        .Include(x => x.Agreements).Include(x => x.Pauses).Include(x => x.Contacts).Include(x => x.Staff).Include(x => x.Contributions).Include(x => x.Surveys)
        .Include(x => x.Reviews)
        .AsSplitQuery();

    private Task<DateOnly> ReviewWindowEndsAsync(string organisation, CancellationToken ct) => reviews.WindowEndsAsync(db, organisation, Today, ct);

    // Who reviews a draft before it is final: every other organisation of a co-ordinated response (Reg 9), and each
    // advocacy service that accepted a referral with the complainant's consent to share drafts.
    private async Task<List<(string Code, ReviewerKind Kind)>> ReviewersAsync(ComplaintCase c, CancellationToken ct) =>
        [.. c.Contributions.Select(x => (x.OrganisationCode, ReviewerKind.Contributor)), .. (await advocates.ForAsync(c.Id, ct)).Select(a => (a, ReviewerKind.Advocacy))];

    // Applies a change, publishes a stage change if there was one, audits and saves.
    private async Task ApplyAsync(ComplaintCase c, Action change, CancellationToken ct, Action? publish = null)
    {
        var before = c.Stage;
        change();
        publish?.Invoke();
        if (c.Stage != before)
        {
            outbox.Publish(new CaseStageChanged
            {
                CaseId = c.Id, ComplaintId = c.ComplaintId, OrganisationCode = c.OrganisationCode, From = before.ToString(), To = c.Stage.ToString(),
                On = Today, WorkingDaysSinceReceipt = calendar.WorkingDaysBetween(c.ReceivedOn, Today),
            });
        }
        audit.Record(AuditAction.Update, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        await db.SaveChangesAsync(ct);
    }

    private StaffDetails StaffDetails(CaseRequests.Staff input, ValidationErrors errors) => new(
        Date(input.ToldOn, "toldOn", errors),
        Text(input.SupportOffered, "supportOffered", errors, 2_000),
        Text(input.Comments, "comments", errors, 10_000),
        Text(input.CommentsUse, "commentsUse", errors, 2_000),
        Date(input.SawFinalResponseOn, "sawFinalResponseOn", errors));

    private static StaffRef? Person(Caller caller, CaseRequests.Person? input, string field, ValidationErrors errors, bool required)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        if (input is null)
        {
            if (required)
            {
                errors.Add(field.Length == 0 ? "name" : field, "Name the person.");
            }
            return null;
        }
        var name = TextRules.Read(input.Name, prefix + "name", errors, 200, "Give the person's name.", singleLine: true);
        var subject = TextRules.Read(input.SubjectId, prefix + "subjectId", errors, 200, singleLine: true);
        if (subject is "me")
        {
            subject = caller.SubjectId;
        }
        return name is null ? null : new StaffRef(subject, name);
    }

    private static List<string> Items(IReadOnlyList<string>? values, string field, ValidationErrors errors, bool required)
    {
        var items = new List<string>();
        var given = values ?? [];
        if (required && given.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(field, "Give at least one.");
        }
        if (given.Count > 30)
        {
            errors.Add(field, "At most 30.");
        }
        for (var i = 0; i < given.Count && i < 30; i++)
        {
            if (Text(given[i], $"{field}[{i}]", errors, 1_000) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }

    private static string Missing(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return "";
    }

    private static string? Text(string? value, string field, ValidationErrors errors, int maxLength) =>
        TextRules.Read(value, field, errors, maxLength);

    private static TEnum? Enum<TEnum>(string? value, string field, ValidationErrors errors, bool required)
        where TEnum : struct, Enum
    {
        var given = value?.Trim().Replace("_", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(given))
        {
            if (required)
            {
                errors.Add(field, "Required: one of " + string.Join(", ", System.Enum.GetNames<TEnum>()) + ".");
            }
            return null;
        }
        if (System.Enum.TryParse<TEnum>(given, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(given, out _))
        {
            return parsed;
        }
        errors.Add(field, "Must be one of: " + string.Join(", ", System.Enum.GetNames<TEnum>()) + ".");
        return null;
    }

    private DateOnly? Date(string? value, string field, ValidationErrors errors, bool allowFuture = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Give the date as YYYY-MM-DD.");
            return null;
        }
        if (!allowFuture && date > Today)
        {
            errors.Add(field, $"The date cannot be after today ({Today:yyyy-MM-dd}).");
            return null;
        }
        if (date.Year < calendar.BankHolidays.FirstYear || date.Year > calendar.BankHolidays.LastYear)
        {
            errors.Add(field, $"The date must be between {calendar.BankHolidays.FirstYear} and {calendar.BankHolidays.LastYear}, the years of the working-day calendar.");
            return null;
        }
        return date;
    }

    private DateOnly? FutureDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Give the date as YYYY-MM-DD.");
            return null;
        }
        return Date(value, field, errors, allowFuture: true);
    }
}
