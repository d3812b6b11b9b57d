using IcsComplaints.Case.Api.Features;
using IcsComplaints.Case.Api.Features.AcknowledgeComplaint;
using IcsComplaints.Case.Api.Features.AdvocateView;
using IcsComplaints.Case.Api.Features.AgreeResponseDate;
using IcsComplaints.Case.Api.Features.AgreeUpdateFrequency;
using IcsComplaints.Case.Api.Features.AssignCase;
using IcsComplaints.Case.Api.Features.CaseSettings;
using IcsComplaints.Case.Api.Features.CloseCase;
using IcsComplaints.Case.Api.Features.CodeCase;
using IcsComplaints.Case.Api.Features.InviteToSurvey;
using IcsComplaints.Case.Api.Features.Contribute;
using IcsComplaints.Case.Api.Features.LogContact;
using IcsComplaints.Case.Api.Features.PauseClock;
using IcsComplaints.Case.Api.Features.RecordDelayLetter;
using IcsComplaints.Case.Api.Features.RecordOmbudsmanReferral;
using IcsComplaints.Case.Api.Features.RecordStaffInvolved;
using IcsComplaints.Case.Api.Features.ReopenCase;
using IcsComplaints.Case.Api.Features.ResumeClock;
using IcsComplaints.Case.Api.Features.ReviewDraftAsContributor;
using IcsComplaints.Case.Api.Features.SaveResponseDraft;
using IcsComplaints.Case.Api.Features.SendFinalResponse;
using IcsComplaints.Case.Api.Features.SetSignatories;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Api.Features.SignFinalResponse;
using IcsComplaints.Case.Api.Features.StartCloserLook;
using IcsComplaints.Case.Api.Features.ResolveEarly;
using IcsComplaints.Case.Api.Features.StartEarlyResolution;
using IcsComplaints.Case.Api.Features.SubmitSurvey;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Api.Features.WriteLetters;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using IcsComplaints.Letters;

namespace IcsComplaints.Case.Api.Api;

/// <summary>The cases REST API (<c>/api/v1/cases</c>): the work queue, the case, and every step of the procedure.</summary>
public static class CasesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases");
        group.MapGet("", ListAsync).RejectUnknownQueryParameters();
        group.MapGet("/coding-scheme", Ok<Ko41CodingScheme> (Caller caller, ReadCodingScheme scheme) => TypedResults.Ok(scheme.Handle(caller)));
        group.MapGet("/{caseId:guid}", GetAsync);
        group.MapGet("/{caseId:guid}/detail", GetDetailAsync);
        group.MapGet("/{caseId:guid}/final-response/letter", LetterAsync);
        group.MapGet("/{caseId:guid}/acknowledgement/letter", AcknowledgementLetterAsync);
        group.MapGet("/{caseId:guid}/contribution", GetContributionAsync);
        group.MapGet("/contributions", ListContributions.GetAsync).RejectUnknownQueryParameters();
        group.MapGet("/{caseId:guid}/advocate-view", AdvocateViewAsync);
        group.MapGet("/{caseId:guid}/drafts/{version:int}", async Task<Results<Ok<SharedDraft>, NotFound>> (
            Guid caseId, int version, Caller caller, AdvocateAccess access, HttpContext http, CancellationToken ct) =>
            await access.GetDraftAsync(caller, caseId, version, http.Request.Headers.Authorization.ToString(), ct) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound());
        group.MapPost("/{caseId:guid}/reviews/{version:int}/completion", async Task<NoContent> (
            Guid caseId, int version, [FromBody] CaseRequests.ContributorReview? input, Caller caller, ReviewDraftAsContributor step, CancellationToken ct) =>
        {
            await step.HandleAsync(caller, caseId, version, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });

        Step<AcknowledgeComplaint, CaseRequests.Acknowledge>(group, "acknowledgement", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<AssignCase, CaseRequests.Person>(group, "assignment", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<StartEarlyResolution, CaseRequests.EarlyResolution>(group, "early-resolution", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<ResolveEarly, CaseRequests.EarlyResolutionOutcome>(group, "early-resolution/resolution", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<StartCloserLook, CaseRequests.CloserLook>(group, "closer-look", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<AgreeResponseDate, CaseRequests.ResponseDate>(group, "response-date", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<PauseClock, CaseRequests.Pause>(group, "pause", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<ResumeClock, CaseRequests.Resume>(group, "resumption", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<LogContact, CaseRequests.Contact>(group, "contacts", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<AgreeUpdateFrequency, CaseRequests.UpdateFrequency>(group, "update-frequency", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<AddStaffInvolved, CaseRequests.Staff>(group, "staff", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<SaveResponseDraft, CaseRequests.Draft>(group, "response-draft", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct), put: true);
        Step<ShareResponseDraft, CaseRequests.ShareDraft>(group, "response-draft/sharing", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<SetSignatories, CaseRequests.Signatories>(group, "signatories", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct), put: true);
        Step<SignFinalResponse, CaseRequests.Sign>(group, "final-response/signature", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<SendFinalResponse, CaseRequests.Send>(group, "final-response/sending", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<CloseCase, CaseRequests.Close>(group, "closure", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<ReopenCase, CaseRequests.Reopen>(group, "reopening", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<RecordOmbudsmanReferral, CaseRequests.OmbudsmanReferral>(group, "ombudsman-referral", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<RecordDelayLetter, CaseRequests.DelayLetter>(group, "delay-letter", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct));
        Step<CodeCase, Ko41CodingInput>(group, "coding", (h, c, id, x, ct) => h.HandleAsync(c, id, x, ct), put: true);
        group.MapPut("/{caseId:guid}/staff/{staffId:long}", async Task<Results<Ok<CaseDetail>, NotFound>> (
            Guid caseId, long staffId, [FromBody] CaseRequests.Staff? input, Caller caller, UpdateStaffInvolved step, CaseQueries queries, CancellationToken ct) =>
        {
            await step.HandleAsync(caller, caseId, staffId, input ?? throw Missing(), ct);
            return await DetailAsync(queries, caller, caseId, ct);
        });
        group.MapPut("/{caseId:guid}/contribution", async Task<Results<Ok<ContributionTask>, NotFound>> (
            Guid caseId, [FromBody] CaseRequests.ContributionText? input, Caller caller, SaveContribution step, CaseQueries queries, CancellationToken ct) =>
        {
            await step.HandleAsync(caller, caseId, input ?? throw Missing(), ct);
            return await queries.GetContributionAsync(caller, caseId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();
        });
        group.MapPost("/{caseId:guid}/contribution/sign-off", async Task<Results<Ok<ContributionTask>, NotFound>> (
            Guid caseId, Caller caller, SignOffContribution step, CaseQueries queries, CancellationToken ct) =>
        {
            await step.HandleAsync(caller, caseId, ct);
            return await queries.GetContributionAsync(caller, caseId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();
        });
        group.MapPost("/{caseId:guid}/survey-invitations", async Task<Created<SurveyLink>> (Guid caseId, Caller caller, SurveyInvitations invitations, CancellationToken ct) =>
            TypedResults.Created((string?)null, await invitations.IssueAsync(caller, caseId, ct)));
        group.MapPost("/{caseId:guid}/surveys/{kind}", async Task<NoContent> (
            Guid caseId, SurveyKind kind, [FromBody] CaseRequests.Survey? input, Caller caller, SubmitSurvey step, CancellationToken ct) =>
        {
            await step.HandleAsync(caller, caseId, kind, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });

        // The complainant's survey by the code of a link, without signing in; the code travels in a header (ADR 34).
        var byLink = app.MapGroup("/api/v1/surveys/link").WithTags("Surveys").AllowAnonymous();
        byLink.MapGet("", async Task<Results<Ok<SurveyByLink>, NotFound>> (
            [FromHeader(Name = SurveyInvitations.CodeHeader)] string? code, SurveyInvitations invitations, CancellationToken ct) =>
            await invitations.OpenAsync(code, ct) is { } survey ? TypedResults.Ok(survey) : TypedResults.NotFound());
        byLink.MapPost("/answers", async Task<NoContent> (
            [FromHeader(Name = SurveyInvitations.CodeHeader)] string? code, [FromBody] SurveyLinkAnswers? input, SurveyInvitations invitations, CancellationToken ct) =>
        {
            await invitations.AnswerAsync(code, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });

        var settings = app.MapGroup("/api/v1/case-settings").WithTags("Cases");
        settings.MapGet("", async Task<Ok<OrganisationSettings>> (Caller caller, ReadCaseSettings step, CancellationToken ct) =>
            TypedResults.Ok(await step.HandleAsync(caller, ct)));
        settings.MapPut("", async Task<Ok<OrganisationSettings>> ([FromBody] CaseRequests.Settings? input, Caller caller, ChangeCaseSettings step, CancellationToken ct) =>
            TypedResults.Ok(await step.HandleAsync(caller, input ?? throw Missing(), ct)));
        return group;
    }

    // Every step has the same shape: a JSON body, the use case's handler, and a 200 with the case as it now stands.
    private static void Step<THandler, TInput>(RouteGroupBuilder group, string path, Func<THandler, Caller, Guid, TInput, CancellationToken, Task> act, bool put = false)
        where THandler : class
        where TInput : class
    {
        var pattern = "/{caseId:guid}/" + path;
        Delegate handler = async Task<Results<Ok<CaseDetail>, NotFound>> (
            Guid caseId, [FromBody] TInput? input, Caller caller, THandler step, CaseQueries queries, CancellationToken ct) =>
        {
            await act(step, caller, caseId, input ?? throw Missing(), ct);
            return await DetailAsync(queries, caller, caseId, ct);
        };
        if (put)
        {
            group.MapPut(pattern, handler);
        }
        else
        {
            group.MapPost(pattern, handler);
        }
    }

    private static RequestValidationException Missing() => new("body", "Send the step as a JSON object.");

    private static async Task<Results<Ok<CaseDetail>, NotFound>> DetailAsync(CaseQueries queries, Caller caller, Guid caseId, CancellationToken ct) =>
        await queries.GetDetailAsync(caller, caseId, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Ok<ItemList<CaseView>>> ListAsync(
        string? reference, CaseStage? stage, int? dueWithin, bool? breached, bool? mine, bool? includeClosed, bool? paused, string? assignedTo, string? sort,
        Caller caller, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<CaseView>(await queries.ListAsync(
            caller, new CaseFilter(reference, stage, dueWithin, breached == true, mine == true, includeClosed == true, paused == true, assignedTo, CaseQueries.ParseSort(sort)), ct)));

    // An advocate whose consent ended is told so, with the date; one who never had the case learns nothing of it.
    private static async Task<Results<Ok<AdvocateCaseView>, ProblemHttpResult, NotFound>> AdvocateViewAsync(
        Guid caseId, Caller caller, AdvocateAccess access, HttpContext http, CancellationToken ct)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (await access.GetAsync(caller, caseId, authorization, ct) is { } view)
        {
            return TypedResults.Ok(view);
        }
        return await access.AccessEndedOnAsync(caller, caseId, authorization, ct) is { } endedOn
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Access ended", detail: AdvocateAccess.AccessEndedDetail(endedOn))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> GetAsync(Guid caseId, Caller caller, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller, caseId, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static Task<Results<Ok<CaseDetail>, NotFound>> GetDetailAsync(Guid caseId, Caller caller, CaseQueries queries, CancellationToken ct) =>
        DetailAsync(queries, caller, caseId, ct);

    private static async Task<Results<Ok<ContributionTask>, NotFound>> GetContributionAsync(Guid caseId, Caller caller, CaseQueries queries, CancellationToken ct) =>
        await queries.GetContributionAsync(caller, caseId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    private static Task<IResult> LetterAsync(Guid caseId, string? format, Caller caller, FinalResponseLetters letters, HttpContext http, CancellationToken ct) =>
        RenderAsync(format, http, (text, letterFormat, authorization) => letters.RenderAsync(caller, caseId, text, letterFormat, authorization, ct));

    private static Task<IResult> AcknowledgementLetterAsync(Guid caseId, string? format, Caller caller, FinalResponseLetters letters, HttpContext http, CancellationToken ct) =>
        RenderAsync(format, http, (text, letterFormat, authorization) => letters.RenderAcknowledgementAsync(caller, caseId, text, letterFormat, authorization, ct));

    // ?format=html (default), large-print or text.
    private static async Task<IResult> RenderAsync(string? format, HttpContext http, Func<bool, LetterFormat, string, Task<string?>> render)
    {
        var (text, letterFormat) = format?.ToUpperInvariant() switch
        {
            null or "" or "HTML" => (false, LetterFormat.Standard),
            "LARGE-PRINT" => (false, LetterFormat.LargePrint),
            "TEXT" => (true, LetterFormat.Standard),
            _ => throw new RequestValidationException("format", "Format is html, large-print or text."),
        };
        var letter = await render(text, letterFormat, http.Request.Headers.Authorization.ToString());
        if (letter is not null && !text)
        {
            http.Response.Headers.ContentSecurityPolicy = LetterHtmlPolicy.ContentSecurityPolicy(letterFormat);
        }
        return letter is null ? TypedResults.NotFound() : TypedResults.Text(letter, text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
    }
}
