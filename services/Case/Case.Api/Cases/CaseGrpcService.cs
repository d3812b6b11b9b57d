using System.Globalization;
using Grpc.Core;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using DomainDraft = IcsComplaints.Case.Domain.Cases.ResponseDraft;
using GrpcCase = IcsComplaints.Case.Contracts.Grpc.V1.Case;
using Proto = IcsComplaints.Case.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>
/// The case gRPC service; same rules as the REST API. Every step builds the same <see cref="CaseRequests"/> record
/// REST binds from JSON (an empty proto3 string is "not given", as a missing JSON property is), runs the same
/// <see cref="CaseActions"/> method and returns the case as it now stands. Errors are mapped by the shared gRPC
/// interceptor: validation to <c>INVALID_ARGUMENT</c>, forbidden to <c>PERMISSION_DENIED</c>, unknown to
/// <c>NOT_FOUND</c>, a step the stage does not allow to <c>FAILED_PRECONDITION</c>.
/// </summary>
public sealed class CaseGrpcService(CaseQueries queries, CaseActions actions) : CaseService.CaseServiceBase
{
    /// <inheritdoc />
    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var caseId = ParseCaseId(request.CaseId);
        var found = await queries.GetAsync(CallerOf(context), caseId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such case."));
        return new GetCaseResponse { Case = ToMessage(found) };
    }

    /// <inheritdoc />
    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        int? dueWithin = request.HasDueWithinWorkingDays ? request.DueWithinWorkingDays : null;
        if (dueWithin is < 0 or > 260)
        {
            throw new RequestValidationException("dueWithinWorkingDays", "Give 0 to 260 working days.");
        }
        var filter = new CaseFilter(
            Given(request.Reference), ToStage(request.Stage), dueWithin, request.Breached, request.AssignedToMe, request.IncludeClosed);
        var response = new ListCasesResponse();
        response.Cases.AddRange((await queries.ListAsync(CallerOf(context), filter, context.CancellationToken)).Select(ToMessage));
        return response;
    }

    /// <inheritdoc />
    public override async Task<CaseDetailResponse> GetCaseDetail(GetCaseDetailRequest request, ServerCallContext context) =>
        await DetailAsync(CallerOf(context), ParseCaseId(request.CaseId), context.CancellationToken);

    /// <inheritdoc />
    public override Task<CaseDetailResponse> Acknowledge(AcknowledgeRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.AcknowledgeAsync(caller, caseId, new CaseRequests.Acknowledge(
            Given(request.AcknowledgedOn), Given(request.Channel), request.HasDiscussionOffered ? request.DiscussionOffered : null,
            Given(request.DiscussedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> Assign(AssignRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.AssignAsync(caller, caseId, new CaseRequests.Person(Given(request.SubjectId), Given(request.Name)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> StartEarlyResolution(StartEarlyResolutionRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.StartEarlyResolutionAsync(caller, caseId, new CaseRequests.EarlyResolution(Given(request.StartedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> StartCloserLook(StartCloserLookRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.StartCloserLookAsync(caller, caseId, new CaseRequests.CloserLook(
            Given(request.StartedOn), Given(request.Reason), [.. request.Issues], [.. request.OutcomesSought], [.. request.Evidence],
            [.. request.PeopleToSpeakTo], ToPerson(request.Investigator), request.HasPriorInvolvement ? request.PriorInvolvement : null,
            request.HasConflictOfInterest ? request.ConflictOfInterest : null, Given(request.ImpartialityMeasures),
            ToPerson(request.ResponsiblePerson)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AgreeResponseDate(AgreeResponseDateRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.AgreeResponseDateAsync(caller, caseId, new CaseRequests.ResponseDate(
            Given(request.AgreedOn), Given(request.DueBy), request.HasWithComplainant ? request.WithComplainant : null, Given(request.Reason)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> PauseClock(PauseClockRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.PauseAsync(caller, caseId, new CaseRequests.Pause(Given(request.Reason), Given(request.Detail), Given(request.From)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ResumeClock(ResumeClockRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.ResumeAsync(caller, caseId, new CaseRequests.Resume(Given(request.On)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> LogContact(LogContactRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.LogContactAsync(caller, caseId, new CaseRequests.Contact(
            Given(request.On), Given(request.Channel), request.HasOutgoing ? request.Outgoing : null, request.HasIsUpdate ? request.IsUpdate : null,
            Given(request.Summary)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AgreeUpdateFrequency(AgreeUpdateFrequencyRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.AgreeUpdateFrequencyAsync(caller, caseId, new CaseRequests.UpdateFrequency(
            request.HasEveryWorkingDays ? request.EveryWorkingDays : null, Given(request.AgreedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AddStaffInvolved(AddStaffInvolvedRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.AddStaffAsync(caller, caseId, new CaseRequests.Staff(
            Given(request.Name), Given(request.Role), Given(request.ToldOn), Given(request.SupportOffered), Given(request.Comments),
            Given(request.CommentsUse), Given(request.SawFinalResponseOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> UpdateStaffInvolved(UpdateStaffInvolvedRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.UpdateStaffAsync(caller, caseId, request.StaffId, new CaseRequests.Staff(
            Given(request.Name), Given(request.Role), Given(request.ToldOn), Given(request.SupportOffered), Given(request.Comments),
            Given(request.CommentsUse), Given(request.SawFinalResponseOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SaveResponseDraft(SaveResponseDraftRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.SaveDraftAsync(caller, caseId, new CaseRequests.Draft(
            Given(request.ComplaintSummary), Given(request.OutcomesSought), Given(request.Investigation),
            [.. request.Findings.Select(f => new CaseRequests.Finding(Given(f.Issue), Given(f.Conclusion), Given(f.Reasons), f.HasUpheld ? f.Upheld : null))],
            Given(request.Apology),
            [.. request.Changes.Select(c => new CaseRequests.Change(Given(c.Action), Given(c.By)))],
            Given(request.Remedy)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SetSignatories(SetSignatoriesRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.SetSignatoriesAsync(caller, caseId, new CaseRequests.Signatories(
            ToPerson(request.ResponsiblePerson), ToPerson(request.Delegate)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SignFinalResponse(SignFinalResponseRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.SignAsync(caller, caseId, new CaseRequests.Sign(Given(request.Name), Given(request.Title)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SendFinalResponse(SendFinalResponseRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.SendFinalResponseAsync(caller, caseId, new CaseRequests.Send(Given(request.SentOn), Given(request.Channel)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> CloseCase(CloseCaseRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.CloseAsync(caller, caseId, new CaseRequests.Close(Given(request.ClosedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.ReopenAsync(caller, caseId, new CaseRequests.Reopen(Given(request.On), Given(request.Reason)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> RecordOmbudsmanReferral(RecordOmbudsmanReferralRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.ReferToOmbudsmanAsync(caller, caseId, new CaseRequests.OmbudsmanReferral(
            Given(request.LearnedOn), Given(request.OmbudsmanReference)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> RecordDelayLetter(RecordDelayLetterRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) =>
            actions.RecordDelayLetterAsync(caller, caseId, new CaseRequests.DelayLetter(Given(request.SentOn), Given(request.Reasons)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> CodeCase(CodeCaseRequest request, ServerCallContext context) =>
        StepAsync(request.CaseId, context, (caller, caseId, ct) => actions.CodeAsync(caller, caseId, new Ko41CodingInput(
            [.. request.Subjects], Given(request.ServiceArea), [.. request.Professions], [.. request.ClinicalSubCategories],
            Given(request.SiteOdsCode), Given(request.AgeBand), Given(request.ComplainantStatus)), ct));

    // Every step has the same shape: parse the case id, act, and return the case as it now stands.
    private async Task<CaseDetailResponse> StepAsync(
        string caseIdText, ServerCallContext context, Func<Caller, Guid, CancellationToken, Task> act)
    {
        var caseId = ParseCaseId(caseIdText);
        var caller = CallerOf(context);
        await act(caller, caseId, context.CancellationToken);
        return await DetailAsync(caller, caseId, context.CancellationToken);
    }

    private async Task<CaseDetailResponse> DetailAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var detail = await queries.GetDetailAsync(caller, caseId, ct) ?? throw new RequestNotFoundException();
        return new CaseDetailResponse { Detail = ToMessage(detail) };
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    private static Guid ParseCaseId(string caseId) =>
        Guid.TryParse(caseId, out var parsed) ? parsed : throw new RequestValidationException("caseId", "Give the case id as a UUID.");

    // proto3 has no null string: empty means "not given", as a missing JSON property does over REST.
    private static string? Given(string value) => value.Length == 0 ? null : value;

    private static CaseRequests.Person? ToPerson(Proto.Person? person) =>
        person is null ? null : new CaseRequests.Person(Given(person.SubjectId), Given(person.Name));

    private static CaseStage? ToStage(Stage stage) => stage switch
    {
        Stage.Unspecified => null,
        Stage.Received => CaseStage.Received,
        Stage.Acknowledged => CaseStage.Acknowledged,
        Stage.EarlyResolution => CaseStage.EarlyResolution,
        Stage.CloserLook => CaseStage.CloserLook,
        Stage.ResponseDrafted => CaseStage.ResponseDrafted,
        Stage.FinalResponseSent => CaseStage.FinalResponseSent,
        Stage.Closed => CaseStage.Closed,
        Stage.Reopened => CaseStage.Reopened,
        Stage.ReferredToOmbudsman => CaseStage.ReferredToOmbudsman,
        _ => throw new RequestValidationException("stage", "Not a stage of the procedure."),
    };

    private static Stage ToStage(CaseStage stage) => stage switch
    {
        CaseStage.Received => Stage.Received,
        CaseStage.Acknowledged => Stage.Acknowledged,
        CaseStage.EarlyResolution => Stage.EarlyResolution,
        CaseStage.CloserLook => Stage.CloserLook,
        CaseStage.ResponseDrafted => Stage.ResponseDrafted,
        CaseStage.FinalResponseSent => Stage.FinalResponseSent,
        CaseStage.Closed => Stage.Closed,
        CaseStage.Reopened => Stage.Reopened,
        CaseStage.ReferredToOmbudsman => Stage.ReferredToOmbudsman,
        _ => Stage.Unspecified,
    };

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static GrpcCase ToMessage(CaseView view)
    {
        var message = new GrpcCase
        {
            CaseId = view.CaseId.ToString(),
            ComplaintId = view.ComplaintId.ToString(),
            Reference = view.Reference,
            OrganisationCode = view.OrganisationCode,
            Stage = ToStage(view.Stage),
            ReceivedOn = Iso(view.ReceivedOn),
            AcknowledgementDueBy = Iso(view.AcknowledgementDueBy),
            OnHold = { view.OnHold },
            TransferredFromOrganisationCode = view.TransferredFromOrganisationCode ?? "",
            ClosedOn = Iso(view.ClosedOn),
            Closure = view.Closure?.ToString() ?? "",
            Outcome = view.Outcome?.ToString() ?? "",
            Handler = view.Handler ?? "",
            NextDeadlineKind = view.NextDeadline?.Kind.ToString() ?? "",
            NextDeadlineDueOn = Iso(view.NextDeadline?.DueOn),
            MissedDeadlines = { view.Missed.Select(kind => kind.ToString()) },
            Paused = view.Paused,
        };
        if (view.NextDeadline is { } next)
        {
            message.NextDeadlineWorkingDaysLeft = next.WorkingDaysLeft;
        }
        return message;
    }

    private static Proto.CaseDetail ToMessage(CaseDetail detail)
    {
        var message = new Proto.CaseDetail
        {
            Summary = ToMessage(detail.Summary),
            AcknowledgedOn = Iso(detail.AcknowledgedOn),
            DiscussionOffered = detail.DiscussionOffered,
            DiscussedOn = Iso(detail.DiscussedOn),
            EarlyResolutionDueBy = Iso(detail.EarlyResolutionDueBy),
            CloserLookStartedOn = Iso(detail.CloserLookStartedOn),
            EscalationReason = detail.EscalationReason ?? "",
            Plan = detail.Plan is { } plan
                ? new Proto.InvestigationPlan
                {
                    Issues = { plan.Issues }, OutcomesSought = { plan.OutcomesSought }, Evidence = { plan.Evidence }, PeopleToSpeakTo = { plan.PeopleToSpeakTo },
                }
                : null,
            InvestigatorName = detail.Investigator?.Name ?? "",
            ConflictCheck = detail.ConflictCheck is { } check
                ? new Proto.ConflictCheck
                {
                    PriorInvolvement = check.PriorInvolvement, ConflictOfInterest = check.ConflictOfInterest,
                    ImpartialityMeasures = check.ImpartialityMeasures ?? "", CheckedOn = Iso(check.CheckedOn),
                }
                : null,
            ResponsiblePersonName = detail.ResponsiblePerson?.Name ?? "",
            SigningDelegateName = detail.SigningDelegate?.Name ?? "",
            ResponseDueBy = Iso(detail.ResponseDueBy),
            Backstop = Iso(detail.Backstop),
            PausedWorkingDays = detail.PausedWorkingDays,
            Deadlines =
            {
                detail.Deadlines.Select(d => new CaseDeadline
                {
                    Kind = d.Kind.ToString(), DueOn = Iso(d.DueOn), WorkingDaysLeft = d.WorkingDaysLeft, Met = d.Met, Done = d.Done,
                }),
            },
            Agreements =
            {
                detail.Agreements.Select(a => new Proto.ResponseDateAgreement
                {
                    AgreedOn = Iso(a.AgreedOn), DueBy = Iso(a.DueBy), WithComplainant = a.WithComplainant, Reason = a.Reason,
                }),
            },
            Pauses =
            {
                detail.Pauses.Select(p => new Proto.ClockPause { Reason = p.Reason.ToString(), Detail = p.Detail, From = Iso(p.From), Until = Iso(p.Until) }),
            },
            NextUpdateDue = Iso(detail.NextUpdateDue),
            Contacts =
            {
                detail.Contacts.Select(c => new Proto.ContactLogEntry
                {
                    On = Iso(c.On), Channel = c.Channel.ToString(), Outgoing = c.Outgoing, IsUpdate = c.IsUpdate, Summary = c.Summary,
                }),
            },
            Staff =
            {
                detail.Staff.Select(s => new Proto.StaffInvolved
                {
                    Id = s.Id, Name = s.Name, Role = s.Role, ToldOn = Iso(s.ToldOn), SupportOffered = s.SupportOffered ?? "", Comments = s.Comments ?? "",
                    CommentsUse = s.CommentsUse ?? "", SawFinalResponseOn = Iso(s.SawFinalResponseOn),
                }),
            },
            Draft = detail.Draft is { } draft ? ToMessage(draft) : null,
            MissingFromResponse = { detail.MissingFromResponse },
            SignedBy = detail.Signature?.SignedBy.Name ?? "",
            SignedTitle = detail.Signature?.Title ?? "",
            SignedOnBehalfOf = detail.Signature?.OnBehalfOf ?? "",
            SignedOn = Iso(detail.Signature?.SignedOn),
            FinalResponseSentOn = Iso(detail.FinalResponseSentOn),
            DelayLetterSentOn = Iso(detail.DelayLetterSentOn),
            Coding = detail.Coding is { } coding
                ? new Proto.Ko41Coding
                {
                    Subjects = { coding.Subjects }, ServiceArea = coding.ServiceArea, Professions = { coding.Professions },
                    ClinicalSubCategories = { coding.ClinicalSubCategories }, SiteOdsCode = coding.SiteOdsCode ?? "", AgeBand = coding.AgeBand,
                    ComplainantStatus = coding.ComplainantStatus,
                }
                : null,
            Contributions =
            {
                detail.Contributions.Select(c => new Proto.Contribution
                {
                    OrganisationCode = c.OrganisationCode, Text = c.Text ?? "", SignedOffOn = Iso(c.SignedOffOn),
                }),
            },
            ReopenCount = detail.ReopenCount,
            OmbudsmanReferralLearnedOn = Iso(detail.OmbudsmanReferralLearnedOn),
            SurveysAnswered = { detail.Surveys.Select(kind => kind.ToString()) },
        };
        if (detail.UpdateEveryWorkingDays is { } every)
        {
            message.UpdateEveryWorkingDays = every;
        }
        return message;
    }

    private static Proto.ResponseDraft ToMessage(DomainDraft draft) => new()
    {
        ComplaintSummary = draft.ComplaintSummary ?? "",
        OutcomesSought = draft.OutcomesSought ?? "",
        Investigation = draft.Investigation ?? "",
        Findings =
        {
            draft.Findings.Select(f => new Finding { Issue = f.Issue, Conclusion = f.Conclusion, Reasons = f.Reasons, Upheld = f.Upheld }),
        },
        Apology = draft.Apology ?? "",
        Changes = { draft.Changes.Select(c => new Change { Action = c.Action, By = Iso(c.By) }) },
        Remedy = draft.Remedy ?? "",
    };
}
