using IcsComplaints.Learning.Api.Features;
using IcsComplaints.Learning.Api.Features.CancelAction;
using IcsComplaints.Learning.Api.Features.CompareSelfAssessments;
using IcsComplaints.Learning.Api.Features.CompleteAction;
using IcsComplaints.Learning.Api.Features.DetectThemes;
using IcsComplaints.Learning.Api.Features.GetSelfAssessment;
using IcsComplaints.Learning.Api.Features.GetTheme;
using IcsComplaints.Learning.Api.Features.ListActions;
using IcsComplaints.Learning.Api.Features.ListProviderAssessments;
using IcsComplaints.Learning.Api.Features.ListPublishedSummaries;
using IcsComplaints.Learning.Api.Features.ListThemes;
using IcsComplaints.Learning.Api.Features.RaiseAction;
using IcsComplaints.Learning.Api.Features.RateSelfAssessment;
using IcsComplaints.Learning.Api.Features.ResponseReviews;
using IcsComplaints.Learning.Api.Features.ShareTheme;
using IcsComplaints.Learning.Api.Features.SubmitSelfAssessment;
using IcsComplaints.Learning.Api.Features.TakeOnAction;
using IcsComplaints.Learning.Api.Features.Training;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Learning.Api.Api;

/// <summary>The REST API: <c>/api/v1/learning</c>, and the public "you said, we did" summaries.</summary>
public static class LearningEndpoints
{
    /// <summary>The HCAT scheme as the API offers it.</summary>
    /// <param name="Categories">Categories under their domains.</param>
    /// <param name="Severity">Severity scale.</param>
    /// <param name="Harm">Harm scale.</param>
    /// <param name="StagesOfCare">Stages of care.</param>
    /// <param name="SuggestionsBySubjectArea">Categories each KO41 subject area suggests.</param>
    public sealed record SchemeView(
        IReadOnlyList<HcatCategory> Categories, IReadOnlyList<ScaleLevel> Severity, IReadOnlyList<ScaleLevel> Harm, IReadOnlyList<string> StagesOfCare,
        IReadOnlyDictionary<string, string[]> SuggestionsBySubjectArea);

    /// <summary>Maps the endpoints.</summary>
    public static void MapLearningEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/you-said-we-did", async Task<Ok<ItemList<YouSaidWeDid>>> (string? organisation, ListPublishedSummariesHandler summaries, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<YouSaidWeDid>(await summaries.HandleAsync(organisation, ct))))
            .WithTags("Learning").AllowAnonymous();

        var group = app.MapGroup("/api/v1/learning").WithTags("Learning");
        group.MapGet("/hcat/scheme", Ok<SchemeView> (Caller caller) => TypedResults.Ok(new SchemeView(
            HcatScheme.Categories, HcatScheme.Severity, HcatScheme.Harm, HcatScheme.StagesOfCare, HcatScheme.SuggestionsBySubjectArea)));
        group.MapGet("/cases/{caseId:guid}/hcat", async Task<Ok<CaseCodingView>> (Guid caseId, Caller caller, CodingActions codings, CancellationToken ct) =>
            TypedResults.Ok(await codings.ReadAsync(caller, caseId, ct)));
        group.MapPut("/cases/{caseId:guid}/hcat/{subject}", async Task<Ok<CaseCodingView>> (
            Guid caseId, string subject, [FromBody] CodingRequest? input, Caller caller, CodingActions codings, CancellationToken ct) =>
        {
            await codings.RecordAsync(caller, caseId, subject, input, ct);
            return TypedResults.Ok(await codings.ReadAsync(caller, caseId, ct));
        });

        group.MapPost("/calibration/samples", async Task<Ok<ItemList<SecondCodingItem>>> ([FromBody] SampleRequest? input, Caller caller, Calibration calibration, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<SecondCodingItem>(await calibration.DrawSampleAsync(caller, input, ct))));
        group.MapGet("/calibration/queue", async Task<Ok<ItemList<SecondCodingItem>>> (Caller caller, Calibration calibration, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<SecondCodingItem>(await calibration.QueueAsync(caller, ct))));
        group.MapGet("/calibration", async Task<Ok<ItemList<CalibrationView>>> (
            string? organisation, DateOnly? from, DateOnly? to, Caller caller, Calibration calibration, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<CalibrationView>(await calibration.ReportAsync(caller, organisation, from, to, ct))));

        group.MapGet("/actions", async Task<Ok<ItemList<ActionView>>> (
            string? organisation, ActionStatus? status, bool? overdue, Guid? caseId, Guid? themeId, Caller caller, ListActionsHandler list, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ActionView>(await list.HandleAsync(caller, organisation, status, overdue ?? false, caseId, themeId, ct))));
        group.MapPost("/actions", async Task<Created<ActionView>> ([FromBody] RaiseActionRequest? input, Caller caller, RaiseActionHandler raise, CancellationToken ct) =>
        {
            var raised = await raise.HandleAsync(caller, input, ct);
            return TypedResults.Created($"/api/v1/learning/actions?organisation={raised.OrganisationCode}", raised);
        });
        group.MapPost("/actions/{id:guid}/completion", async Task<Ok<ActionView>> (
            Guid id, [FromBody] CompleteActionRequest? input, Caller caller, CompleteActionHandler complete, CancellationToken ct) =>
            TypedResults.Ok(await complete.HandleAsync(caller, id, input, ct)));
        group.MapPost("/actions/{id:guid}/ownership", async Task<Ok<ActionView>> (
            Guid id, [FromBody] TakeOnActionRequest? input, Caller caller, TakeOnActionHandler takeOn, CancellationToken ct) =>
            TypedResults.Ok(await takeOn.HandleAsync(caller, id, input, ct)));
        group.MapPost("/actions/{id:guid}/cancellation", async Task<Ok<ActionView>> (
            Guid id, [FromBody] CancelActionRequest? input, Caller caller, CancelActionHandler cancel, CancellationToken ct) =>
            TypedResults.Ok(await cancel.HandleAsync(caller, id, input, ct)));

        group.MapPost("/themes/detection", async Task<Ok<ItemList<ThemeView>>> ([FromBody] DetectionRequest? input, Caller caller, DetectThemesHandler detect, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ThemeView>(await detect.HandleAsync(caller, input, ct))));
        group.MapGet("/themes", async Task<Ok<ItemList<ThemeView>>> (string? month, Caller caller, ListThemesHandler list, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ThemeView>(await list.HandleAsync(caller, month, ct))));
        group.MapGet("/themes/{id:guid}", async Task<Ok<ThemeView>> (Guid id, Caller caller, GetThemeHandler get, CancellationToken ct) =>
            TypedResults.Ok(await get.HandleAsync(caller, id, ct)));
        // The evidence drawn by the platform's shared renderer (ADR 31), with the same access as the theme's JSON.
        group.MapGet("/themes/{id:guid}/series.svg", async Task<ContentHttpResult> (Guid id, Caller caller, GetThemeHandler get, CancellationToken ct) =>
            TypedResults.Content(ThemeChart.Draw(await get.HandleAsync(caller, id, ct)), "image/svg+xml"));
        group.MapPost("/themes/{id:guid}/sharing", async Task<Ok<ThemeView>> (
            Guid id, [FromBody] ShareRequest? input, Caller caller, ShareThemeHandler share, CancellationToken ct) =>
            TypedResults.Ok(await share.HandleAsync(caller, id, input, ct)));

        group.MapGet("/standards", Ok<StandardsFramework> (Caller caller) => TypedResults.Ok(StandardsFramework.Current));
        group.MapGet("/self-assessments/{year:int}", async Task<Ok<AssessmentView>> (
            int year, string? organisation, Caller caller, GetSelfAssessmentHandler get, CancellationToken ct) =>
            TypedResults.Ok(await get.HandleAsync(caller, year, organisation, ct)));
        group.MapPut("/self-assessments/{year:int}", async Task<Ok<AssessmentView>> (
            int year, [FromBody] AssessmentRequest? input, Caller caller, RateSelfAssessmentHandler rate, CancellationToken ct) =>
            TypedResults.Ok(await rate.HandleAsync(caller, year, input, ct)));
        group.MapPost("/self-assessments/{year:int}/submission", async Task<Ok<AssessmentView>> (int year, Caller caller, SubmitSelfAssessmentHandler submit, CancellationToken ct) =>
            TypedResults.Ok(await submit.HandleAsync(caller, year, ct)));
        group.MapGet("/self-assessments/{year:int}/comparison", async Task<Ok<AssessmentComparison>> (
            int year, string? organisation, Caller caller, CompareSelfAssessmentsHandler compare, CancellationToken ct) =>
            TypedResults.Ok(await compare.HandleAsync(caller, year, organisation, ct)));
        group.MapGet("/self-assessments/{year:int}/providers", async Task<Ok<ItemList<ProviderAssessment>>> (int year, Caller caller, ListProviderAssessmentsHandler providers, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ProviderAssessment>(await providers.HandleAsync(caller, year, ct))));

        // The training register names staff only to their own organisation's quality lead; coverage names no one.
        group.MapGet("/training/courses", Ok<ItemList<TrainingCourse>> (Caller caller) => TypedResults.Ok(new ItemList<TrainingCourse>(TrainingCoverage.Courses)));
        group.MapGet("/training/staff", async Task<Ok<ItemList<StaffTrainingView>>> (Caller caller, ReadTrainingHandler read, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<StaffTrainingView>(await read.RegisterAsync(caller, ct))));
        group.MapPost("/training/staff", async Task<Created<StaffTrainingView>> ([FromBody] AddToTrainingRegisterRequest? input, Caller caller, AddToTrainingRegisterHandler add, CancellationToken ct) =>
        {
            var added = await add.HandleAsync(caller, input, ct);
            return TypedResults.Created("/api/v1/learning/training/staff", added);
        });
        group.MapPost("/training/staff/{id:guid}/completions", async Task<Ok<StaffTrainingView>> (
            Guid id, [FromBody] RecordTrainingRequest? input, Caller caller, RecordTrainingHandler record, CancellationToken ct) =>
            TypedResults.Ok(await record.CompleteAsync(caller, id, input, ct)));
        group.MapPost("/training/staff/{id:guid}/departure", async Task<Ok<StaffTrainingView>> (
            Guid id, [FromBody] LeaveTrainingRegisterRequest? input, Caller caller, RecordTrainingHandler record, CancellationToken ct) =>
            TypedResults.Ok(await record.LeaveAsync(caller, id, input, ct)));
        group.MapGet("/training/coverage", async Task<Ok<CoverageView>> (string? organisation, Caller caller, ReadTrainingHandler read, CancellationToken ct) =>
            TypedResults.Ok(await read.CoverageAsync(caller, organisation, ct)));
        group.MapGet("/training/coverage/providers", async Task<Ok<ItemList<CoverageView>>> (Caller caller, ReadTrainingHandler read, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<CoverageView>(await read.ProvidersAsync(caller, ct))));

        // Sampled final responses, their ratings and comments are the organisation's own; their results name no one.
        group.MapGet("/response-reviews/criteria", Ok<ItemList<ResponseCriterion>> (Caller caller) => TypedResults.Ok(new ItemList<ResponseCriterion>(ResponseQuality.Criteria)));
        group.MapPost("/response-reviews/samples", async Task<Ok<ItemList<ResponseReviewView>>> (
            [FromBody] DrawResponseSampleRequest? input, Caller caller, DrawResponseSampleHandler draw, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ResponseReviewView>(await draw.HandleAsync(caller, input, ct))));
        group.MapGet("/response-reviews", async Task<Ok<ItemList<ResponseReviewView>>> (string? from, string? to, Caller caller, ReadResponseReviewsHandler read, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ResponseReviewView>(await read.ListAsync(caller, from, to, ct))));
        group.MapGet("/response-reviews/{id:guid}", async Task<Ok<ResponseReviewView>> (Guid id, Caller caller, ReadResponseReviewsHandler read, CancellationToken ct) =>
            TypedResults.Ok(await read.GetAsync(caller, id, ct)));
        group.MapPut("/response-reviews/{id:guid}/rating", async Task<Ok<ResponseReviewView>> (
            Guid id, [FromBody] RateResponseRequest? input, Caller caller, RateResponseHandler rate, CancellationToken ct) =>
            TypedResults.Ok(await rate.HandleAsync(caller, id, input, ct)));
        group.MapGet("/response-reviews/quality", async Task<Ok<ResponseQualityView>> (
            string? organisation, string? from, string? to, Caller caller, ReadResponseReviewsHandler read, CancellationToken ct) =>
            TypedResults.Ok(await read.QualityAsync(caller, organisation, from, to, ct)));
        group.MapGet("/response-reviews/quality/providers", async Task<Ok<ItemList<ResponseQualityView>>> (
            string? from, string? to, Caller caller, ReadResponseReviewsHandler read, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ResponseQualityView>(await read.ProvidersAsync(caller, from, to, ct))));
    }
}
