using Grpc.Core;
using IcsComplaints.Case.Api.Features;
using IcsComplaints.Case.Api.Features.AcknowledgeComplaint;
using IcsComplaints.Case.Api.Features.AdvocateView;
using IcsComplaints.Case.Api.Features.AgreeResponseDate;
using IcsComplaints.Case.Api.Features.AgreeUpdateFrequency;
using IcsComplaints.Case.Api.Features.AssignCase;
using IcsComplaints.Case.Api.Features.CaseDocuments;
using IcsComplaints.Case.Api.Features.LogContact;
using IcsComplaints.Case.Api.Features.PauseClock;
using IcsComplaints.Case.Api.Features.RecordStaffInvolved;
using IcsComplaints.Case.Api.Features.ResumeClock;
using IcsComplaints.Case.Api.Features.SaveResponseDraft;
using IcsComplaints.Case.Api.Features.SendFinalResponse;
using IcsComplaints.Case.Api.Features.SetSignatories;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Api.Features.SignFinalResponse;
using IcsComplaints.Case.Api.Features.StartCloserLook;
using IcsComplaints.Case.Api.Features.ResolveEarly;
using IcsComplaints.Case.Api.Features.StartEarlyResolution;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Documents;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.Extensions.Options;
using Proto = IcsComplaints.Case.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Grpc;

/// <summary>
/// The case gRPC service; same rules as the REST API. Every step builds the same <see cref="CaseRequests"/> record
/// REST binds from JSON (an empty proto3 string is "not given", as a missing JSON property is), runs the same
/// handler of the use case (<c>Features/</c>) and returns the case as it now stands. Errors are mapped by the shared gRPC
/// interceptor: validation to <c>INVALID_ARGUMENT</c>, forbidden to <c>PERMISSION_DENIED</c>, unknown to
/// <c>NOT_FOUND</c>, a step the stage does not allow to <c>FAILED_PRECONDITION</c>.
/// </summary>
public sealed class CaseGrpcService(CaseQueries queries) : CaseService.CaseServiceBase
{
    /// <inheritdoc />
    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var caseId = ParseCaseId(request.CaseId);
        var found = await queries.GetAsync(CallerOf(context), caseId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such case."));
        return new GetCaseResponse { Case = CaseMessages.ToMessage(found) };
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
            Given(request.Reference), CaseMessages.ToStage(request.Stage), dueWithin, request.Breached, request.AssignedToMe, request.IncludeClosed,
            request.Paused, Given(request.AssignedTo), CaseQueries.ParseSort(request.Sort));
        var response = new ListCasesResponse();
        response.Cases.AddRange((await queries.ListAsync(CallerOf(context), filter, context.CancellationToken)).Select(CaseMessages.ToMessage));
        return response;
    }

    /// <inheritdoc />
    public override async Task<CaseDetailResponse> GetCaseDetail(GetCaseDetailRequest request, ServerCallContext context) =>
        await DetailAsync(CallerOf(context), ParseCaseId(request.CaseId), context.CancellationToken);

    /// <inheritdoc />
    public override Task<CaseDetailResponse> Acknowledge(AcknowledgeRequest request, ServerCallContext context) =>
        StepAsync<AcknowledgeComplaint>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Acknowledge(
            Given(request.AcknowledgedOn), Given(request.Channel), request.HasDiscussionOffered ? request.DiscussionOffered : null,
            Given(request.DiscussedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> Assign(AssignRequest request, ServerCallContext context) =>
        StepAsync<AssignCase>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.Person(Given(request.SubjectId), Given(request.Name)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> StartEarlyResolution(StartEarlyResolutionRequest request, ServerCallContext context) =>
        StepAsync<StartEarlyResolution>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.EarlyResolution(Given(request.StartedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ResolveEarly(ResolveEarlyRequest request, ServerCallContext context) =>
        StepAsync<ResolveEarly>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.EarlyResolutionOutcome(
            Given(request.ResolvedOn), Given(request.Channel), Given(request.Discussed), Given(request.Agreed), Given(request.Outcome)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> StartCloserLook(StartCloserLookRequest request, ServerCallContext context) =>
        StepAsync<StartCloserLook>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.CloserLook(
            Given(request.StartedOn), Given(request.Reason), [.. request.Issues], [.. request.OutcomesSought], [.. request.Evidence],
            [.. request.PeopleToSpeakTo], ToPerson(request.Investigator), request.HasPriorInvolvement ? request.PriorInvolvement : null,
            request.HasConflictOfInterest ? request.ConflictOfInterest : null, Given(request.ImpartialityMeasures),
            ToPerson(request.ResponsiblePerson)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AgreeResponseDate(AgreeResponseDateRequest request, ServerCallContext context) =>
        StepAsync<AgreeResponseDate>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.ResponseDate(
            Given(request.AgreedOn), Given(request.DueBy), request.HasWithComplainant ? request.WithComplainant : null, Given(request.Reason)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> PauseClock(PauseClockRequest request, ServerCallContext context) =>
        StepAsync<PauseClock>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.Pause(Given(request.Reason), Given(request.Detail), Given(request.From)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ResumeClock(ResumeClockRequest request, ServerCallContext context) =>
        StepAsync<ResumeClock>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Resume(Given(request.On)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> LogContact(LogContactRequest request, ServerCallContext context) =>
        StepAsync<LogContact>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Contact(
            Given(request.On), Given(request.Channel), request.HasOutgoing ? request.Outgoing : null, request.HasIsUpdate ? request.IsUpdate : null,
            Given(request.Summary)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AgreeUpdateFrequency(AgreeUpdateFrequencyRequest request, ServerCallContext context) =>
        StepAsync<AgreeUpdateFrequency>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.UpdateFrequency(
            request.HasEveryWorkingDays ? request.EveryWorkingDays : null, Given(request.AgreedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> AddStaffInvolved(AddStaffInvolvedRequest request, ServerCallContext context) =>
        StepAsync<AddStaffInvolved>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Staff(
            Given(request.Name), Given(request.Role), Given(request.ToldOn), Given(request.SupportOffered), Given(request.Comments),
            Given(request.CommentsUse), Given(request.SawFinalResponseOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> UpdateStaffInvolved(UpdateStaffInvolvedRequest request, ServerCallContext context) =>
        StepAsync<UpdateStaffInvolved>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, request.StaffId, new CaseRequests.Staff(
            Given(request.Name), Given(request.Role), Given(request.ToldOn), Given(request.SupportOffered), Given(request.Comments),
            Given(request.CommentsUse), Given(request.SawFinalResponseOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SaveResponseDraft(SaveResponseDraftRequest request, ServerCallContext context) =>
        StepAsync<SaveResponseDraft>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Draft(
            Given(request.ComplaintSummary), Given(request.OutcomesSought), Given(request.Investigation),
            [.. request.Findings.Select(f => new CaseRequests.Finding(Given(f.Issue), Given(f.Conclusion), Given(f.Reasons), f.HasUpheld ? f.Upheld : null))],
            Given(request.Apology),
            [.. request.Changes.Select(c => new CaseRequests.Change(Given(c.Action), Given(c.By)))],
            Given(request.Remedy)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ShareResponseDraft(ShareResponseDraftRequest request, ServerCallContext context) =>
        StepAsync<ShareResponseDraft>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.ShareDraft(), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SetSignatories(SetSignatoriesRequest request, ServerCallContext context) =>
        StepAsync<SetSignatories>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Signatories(
            ToPerson(request.ResponsiblePerson), ToPerson(request.Delegate)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SignFinalResponse(SignFinalResponseRequest request, ServerCallContext context) =>
        StepAsync<SignFinalResponse>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.Sign(Given(request.Name), Given(request.Title), Given(request.SignedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> SendFinalResponse(SendFinalResponseRequest request, ServerCallContext context) =>
        StepAsync<SendFinalResponse>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.Send(Given(request.SentOn), Given(request.Channel)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> CloseCase(CloseCaseRequest request, ServerCallContext context) =>
        StepAsync<Features.CloseCase.CloseCase>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.Close(Given(request.ClosedOn)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        StepAsync<Features.ReopenCase.ReopenCase>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.Reopen(Given(request.On), Given(request.Reason)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> RecordOmbudsmanReferral(RecordOmbudsmanReferralRequest request, ServerCallContext context) =>
        StepAsync<Features.RecordOmbudsmanReferral.RecordOmbudsmanReferral>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new CaseRequests.OmbudsmanReferral(
            Given(request.LearnedOn), Given(request.OmbudsmanReference)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> RecordDelayLetter(RecordDelayLetterRequest request, ServerCallContext context) =>
        StepAsync<Features.RecordDelayLetter.RecordDelayLetter>(request.CaseId, context, (step, caller, caseId, ct) =>
            step.HandleAsync(caller, caseId, new CaseRequests.DelayLetter(Given(request.SentOn), Given(request.Reasons)), ct));

    /// <inheritdoc />
    public override Task<CaseDetailResponse> CodeCase(CodeCaseRequest request, ServerCallContext context) =>
        StepAsync<Features.CodeCase.CodeCase>(request.CaseId, context, (step, caller, caseId, ct) => step.HandleAsync(caller, caseId, new Ko41CodingInput(
            [.. request.Subjects], Given(request.ServiceArea), [.. request.Professions], [.. request.ClinicalSubCategories],
            Given(request.SiteOdsCode), Given(request.AgeBand), Given(request.ComplainantStatus)), ct));

    /// <inheritdoc />
    public override Task<CodingSchemeResponse> GetCodingScheme(GetCodingSchemeRequest request, ServerCallContext context)
    {
        var scheme = context.GetHttpContext().RequestServices.GetRequiredService<Features.CodeCase.ReadCodingScheme>().Handle(CallerOf(context));
        return Task.FromResult(CaseMessages.ToMessage(scheme));
    }

    /// <inheritdoc />
    public override async Task<Proto.AdvocateView> GetAdvocateView(GetAdvocateViewRequest request, ServerCallContext context)
    {
        var caseId = ParseCaseId(request.CaseId);
        var caller = CallerOf(context);
        var access = context.GetHttpContext().RequestServices.GetRequiredService<AdvocateAccess>();
        var authorization = context.RequestHeaders.GetValue("authorization") ?? "";
        if (await access.GetAsync(caller, caseId, authorization, context.CancellationToken) is { } view)
        {
            return CaseMessages.ToMessage(view);
        }
        // As over REST: an advocate whose consent ended is told when; one who never had the case learns nothing of it.
        throw await access.AccessEndedOnAsync(caller, caseId, authorization, context.CancellationToken) is { } endedOn
            ? new RpcException(new Status(StatusCode.PermissionDenied, AdvocateAccess.AccessEndedDetail(endedOn)))
            : new RpcException(new Status(StatusCode.NotFound, "No such case."));
    }

    // Every step has the same shape: parse the case id, run the use case, and return the case as it now stands.
    // The use case's handler comes from the call's scope, as REST's does from the request's.
    private async Task<CaseDetailResponse> StepAsync<THandler>(
        string caseIdText, ServerCallContext context, Func<THandler, Caller, Guid, CancellationToken, Task> act)
        where THandler : notnull
    {
        var caseId = ParseCaseId(caseIdText);
        var caller = CallerOf(context);
        var step = context.GetHttpContext().RequestServices.GetRequiredService<THandler>();
        await act(step, caller, caseId, context.CancellationToken);
        return await DetailAsync(caller, caseId, context.CancellationToken);
    }

    private async Task<CaseDetailResponse> DetailAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var detail = await queries.GetDetailAsync(caller, caseId, ct) ?? throw new RequestNotFoundException();
        return new CaseDetailResponse { Detail = CaseMessages.ToMessage(detail) };
    }

    /// <inheritdoc />
    public override async Task<Proto.CaseDocument> AddDocument(IAsyncStreamReader<AddDocumentRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != AddDocumentRequest.PartOneofCase.Header)
        {
            throw new RequestValidationException("header", "Send the case and the file's name first, then the file's bytes.");
        }
        var header = requestStream.Current.Header;
        var documents = context.GetHttpContext().RequestServices.GetRequiredService<CaseDocuments>();
        // Who may add to the case is settled before the bytes are read.
        var target = await documents.TargetAsync(CallerOf(context), ParseCaseId(header.CaseId), ct);
        var max = context.GetHttpContext().RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxFileBytes;
        using var buffer = new MemoryStream();
        var tooLarge = false;
        while (!tooLarge && await requestStream.MoveNext(ct))
        {
            var chunk = requestStream.Current.Chunk;
            tooLarge = buffer.Length + chunk.Length > max;
            if (!tooLarge)
            {
                chunk.WriteTo(buffer);
            }
        }
        var added = await documents.AddAsync(target, new ReceivedFile(Given(header.FileName), tooLarge ? [] : buffer.ToArray(), tooLarge, FormCollection.Empty), ct);
        return ToMessage(added);
    }

    /// <inheritdoc />
    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var documents = context.GetHttpContext().RequestServices.GetRequiredService<CaseDocuments>();
        var response = new ListDocumentsResponse();
        response.Documents.AddRange((await documents.ListAsync(CallerOf(context), ParseCaseId(request.CaseId), context.CancellationToken)).Select(ToMessage));
        return response;
    }

    private static Proto.CaseDocument ToMessage(DocumentView d) => new()
    {
        Id = d.Id.ToString(), FileName = d.FileName, Type = d.Type, SizeBytes = d.SizeBytes, AddedBy = d.AddedBy,
        AddedAt = d.AddedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Scan = d.Scan,
    };

    internal static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    internal static Guid ParseCaseId(string caseId) =>
        Guid.TryParse(caseId, out var parsed) ? parsed : throw new RequestValidationException("caseId", "Give the case id as a UUID.");

    // proto3 has no null string: empty means "not given", as a missing JSON property does over REST.
    private static string? Given(string value) => value.Length == 0 ? null : value;

    private static CaseRequests.Person? ToPerson(Proto.Person? person) =>
        person is null ? null : new CaseRequests.Person(Given(person.SubjectId), Given(person.Name));
}
