using IcsComplaints.Case.Api.Responses;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>The cases REST API (<c>/api/v1/cases</c>): the work queue, the case, and every step of the procedure.</summary>
public static class CasesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases");
        group.MapGet("", ListAsync);
        group.MapGet("/{caseId:guid}", GetAsync);
        group.MapGet("/{caseId:guid}/detail", GetDetailAsync);
        group.MapGet("/{caseId:guid}/final-response/letter", LetterAsync);
        group.MapGet("/{caseId:guid}/acknowledgement/letter", AcknowledgementLetterAsync);
        group.MapGet("/{caseId:guid}/contribution", GetContributionAsync);
        group.MapGet("/{caseId:guid}/advocate-view", async Task<Results<Ok<AdvocateCaseView>, NotFound>> (
            Guid caseId, Caller caller, AdvocateAccess access, HttpContext http, CancellationToken ct) =>
            await access.GetAsync(caller, caseId, http.Request.Headers.Authorization.ToString(), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        group.MapGet("/{caseId:guid}/drafts/{version:int}", async Task<Results<Ok<SharedDraft>, NotFound>> (
            Guid caseId, int version, Caller caller, AdvocateAccess access, HttpContext http, CancellationToken ct) =>
            await access.GetDraftAsync(caller, caseId, version, http.Request.Headers.Authorization.ToString(), ct) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound());
        group.MapPost("/{caseId:guid}/reviews/{version:int}/completion", async Task<NoContent> (
            Guid caseId, int version, [FromBody] CaseRequests.ContributorReview? input, Caller caller, CaseActions actions, CancellationToken ct) =>
        {
            await actions.ReviewAsContributorAsync(caller, caseId, version, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });

        Step<CaseRequests.Acknowledge>(group, "acknowledgement", (a, c, id, x, ct) => a.AcknowledgeAsync(c, id, x, ct));
        Step<CaseRequests.Person>(group, "assignment", (a, c, id, x, ct) => a.AssignAsync(c, id, x, ct));
        Step<CaseRequests.EarlyResolution>(group, "early-resolution", (a, c, id, x, ct) => a.StartEarlyResolutionAsync(c, id, x, ct));
        Step<CaseRequests.CloserLook>(group, "closer-look", (a, c, id, x, ct) => a.StartCloserLookAsync(c, id, x, ct));
        Step<CaseRequests.ResponseDate>(group, "response-date", (a, c, id, x, ct) => a.AgreeResponseDateAsync(c, id, x, ct));
        Step<CaseRequests.Pause>(group, "pause", (a, c, id, x, ct) => a.PauseAsync(c, id, x, ct));
        Step<CaseRequests.Resume>(group, "resumption", (a, c, id, x, ct) => a.ResumeAsync(c, id, x, ct));
        Step<CaseRequests.Contact>(group, "contacts", (a, c, id, x, ct) => a.LogContactAsync(c, id, x, ct));
        Step<CaseRequests.UpdateFrequency>(group, "update-frequency", (a, c, id, x, ct) => a.AgreeUpdateFrequencyAsync(c, id, x, ct));
        Step<CaseRequests.Staff>(group, "staff", (a, c, id, x, ct) => a.AddStaffAsync(c, id, x, ct));
        Step<CaseRequests.Draft>(group, "response-draft", (a, c, id, x, ct) => a.SaveDraftAsync(c, id, x, ct), put: true);
        Step<CaseRequests.Signatories>(group, "signatories", (a, c, id, x, ct) => a.SetSignatoriesAsync(c, id, x, ct), put: true);
        Step<CaseRequests.Sign>(group, "final-response/signature", (a, c, id, x, ct) => a.SignAsync(c, id, x, ct));
        Step<CaseRequests.Send>(group, "final-response/sending", (a, c, id, x, ct) => a.SendFinalResponseAsync(c, id, x, ct));
        Step<CaseRequests.Close>(group, "closure", (a, c, id, x, ct) => a.CloseAsync(c, id, x, ct));
        Step<CaseRequests.Reopen>(group, "reopening", (a, c, id, x, ct) => a.ReopenAsync(c, id, x, ct));
        Step<CaseRequests.OmbudsmanReferral>(group, "ombudsman-referral", (a, c, id, x, ct) => a.ReferToOmbudsmanAsync(c, id, x, ct));
        Step<CaseRequests.DelayLetter>(group, "delay-letter", (a, c, id, x, ct) => a.RecordDelayLetterAsync(c, id, x, ct));
        Step<Ko41CodingInput>(group, "coding", (a, c, id, x, ct) => a.CodeAsync(c, id, x, ct), put: true);
        group.MapPut("/{caseId:guid}/staff/{staffId:long}", async Task<Results<Ok<CaseDetail>, NotFound>> (
            Guid caseId, long staffId, [FromBody] CaseRequests.Staff? input, Caller caller, CaseActions actions, CaseQueries queries, CancellationToken ct) =>
        {
            await actions.UpdateStaffAsync(caller, caseId, staffId, input ?? throw Missing(), ct);
            return await DetailAsync(queries, caller, caseId, ct);
        });
        group.MapPut("/{caseId:guid}/contribution", async Task<Results<Ok<ContributionTask>, NotFound>> (
            Guid caseId, [FromBody] CaseRequests.ContributionText? input, Caller caller, CaseActions actions, CaseQueries queries, CancellationToken ct) =>
        {
            await actions.SaveContributionAsync(caller, caseId, input ?? throw Missing(), ct);
            return await queries.GetContributionAsync(caller, caseId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();
        });
        group.MapPost("/{caseId:guid}/contribution/sign-off", async Task<Results<Ok<ContributionTask>, NotFound>> (
            Guid caseId, Caller caller, CaseActions actions, CaseQueries queries, CancellationToken ct) =>
        {
            await actions.SignOffContributionAsync(caller, caseId, ct);
            return await queries.GetContributionAsync(caller, caseId, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();
        });
        group.MapPost("/{caseId:guid}/surveys/{kind}", async Task<NoContent> (
            Guid caseId, SurveyKind kind, [FromBody] CaseRequests.Survey? input, Caller caller, CaseActions actions, CancellationToken ct) =>
        {
            await actions.SubmitSurveyAsync(caller, caseId, kind, input ?? throw Missing(), ct);
            return TypedResults.NoContent();
        });

        var settings = app.MapGroup("/api/v1/case-settings").WithTags("Cases");
        settings.MapGet("", async Task<Ok<OrganisationSettings>> (Caller caller, CaseSettingsQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(caller, ct)));
        settings.MapPut("", async Task<Ok<OrganisationSettings>> ([FromBody] CaseRequests.Settings? input, Caller caller, CaseActions actions, CancellationToken ct) =>
            TypedResults.Ok(await actions.SaveSettingsAsync(caller, input ?? throw Missing(), ct)));
        return group;
    }

    // Every step has the same shape: a JSON body, and a 200 with the case as it now stands.
    private static void Step<TInput>(RouteGroupBuilder group, string path, Func<CaseActions, Caller, Guid, TInput, CancellationToken, Task> act, bool put = false)
        where TInput : class
    {
        var pattern = "/{caseId:guid}/" + path;
        Delegate handler = async Task<Results<Ok<CaseDetail>, NotFound>> (
            Guid caseId, [FromBody] TInput? input, Caller caller, CaseActions actions, CaseQueries queries, CancellationToken ct) =>
        {
            await act(actions, caller, caseId, input ?? throw Missing(), ct);
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
        string? reference, CaseStage? stage, int? dueWithin, bool? breached, bool? mine, bool? includeClosed, Caller caller, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<CaseView>(await queries.ListAsync(
            caller, new CaseFilter(reference, stage, dueWithin, breached == true, mine == true, includeClosed == true), ct)));

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
            http.Response.Headers.ContentSecurityPolicy = LetterLayout.ContentSecurityPolicy(letterFormat);
        }
        return letter is null ? TypedResults.NotFound() : TypedResults.Text(letter, text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
    }
}
