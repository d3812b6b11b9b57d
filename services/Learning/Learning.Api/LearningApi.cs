using System.Globalization;
using Grpc.Core;
using IcsComplaints.Learning.Api.Actions;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Learning.Api.Standards;
using IcsComplaints.Learning.Api.Themes;
using IcsComplaints.Learning.Contracts.Grpc.V1;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Learning.Api;

/// <summary>The REST API: <c>/api/v1/learning</c>, and the public "you said, we did" summaries.</summary>
public static class LearningApi
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
        app.MapGet("/api/v1/you-said-we-did", async Task<Ok<ItemList<YouSaidWeDid>>> (string? organisation, LearningActions actions, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<YouSaidWeDid>(await actions.PublishedAsync(organisation, ct))))
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
            string? organisation, ActionStatus? status, bool? overdue, Guid? caseId, Caller caller, LearningActions actions, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ActionView>(await actions.ListAsync(caller, organisation, status, overdue ?? false, caseId, ct))));
        group.MapPost("/actions", async Task<Created<ActionView>> ([FromBody] RaiseActionRequest? input, Caller caller, LearningActions actions, CancellationToken ct) =>
        {
            var raised = await actions.RaiseAsync(caller, input, ct);
            return TypedResults.Created($"/api/v1/learning/actions?organisation={raised.OrganisationCode}", raised);
        });
        group.MapPost("/actions/{id:guid}/completion", async Task<Ok<ActionView>> (
            Guid id, [FromBody] CompleteActionRequest? input, Caller caller, LearningActions actions, CancellationToken ct) =>
            TypedResults.Ok(await actions.CompleteAsync(caller, id, input, ct)));
        group.MapPost("/actions/{id:guid}/cancellation", async Task<Ok<ActionView>> (
            Guid id, [FromBody] CancelActionRequest? input, Caller caller, LearningActions actions, CancellationToken ct) =>
            TypedResults.Ok(await actions.CancelAsync(caller, id, input, ct)));

        group.MapPost("/themes/detection", async Task<Ok<ItemList<ThemeView>>> ([FromBody] DetectionRequest? input, Caller caller, ThemeService themes, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ThemeView>(await themes.DetectForCallerAsync(caller, input, ct))));
        group.MapGet("/themes", async Task<Ok<ItemList<ThemeView>>> (string? month, Caller caller, ThemeService themes, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ThemeView>(await themes.ListAsync(caller, month, ct))));
        group.MapGet("/themes/{id:guid}", async Task<Ok<ThemeView>> (Guid id, Caller caller, ThemeService themes, CancellationToken ct) =>
            TypedResults.Ok(await themes.GetAsync(caller, id, ct)));
        group.MapPost("/themes/{id:guid}/sharing", async Task<Ok<ThemeView>> (
            Guid id, [FromBody] ShareRequest? input, Caller caller, ThemeService themes, CancellationToken ct) =>
            TypedResults.Ok(await themes.ShareAsync(caller, id, input, ct)));

        group.MapGet("/standards", Ok<StandardsFramework> (Caller caller) => TypedResults.Ok(StandardsFramework.Current));
        group.MapGet("/self-assessments/{year:int}", async Task<Ok<AssessmentView>> (
            int year, string? organisation, Caller caller, SelfAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(await assessments.GetAsync(caller, year, organisation, ct)));
        group.MapPut("/self-assessments/{year:int}", async Task<Ok<AssessmentView>> (
            int year, [FromBody] AssessmentRequest? input, Caller caller, SelfAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(await assessments.RateAsync(caller, year, input, ct)));
        group.MapPost("/self-assessments/{year:int}/submission", async Task<Ok<AssessmentView>> (int year, Caller caller, SelfAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(await assessments.SubmitAsync(caller, year, ct)));
        group.MapGet("/self-assessments/{year:int}/comparison", async Task<Ok<AssessmentComparison>> (
            int year, string? organisation, Caller caller, SelfAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(await assessments.CompareAsync(caller, year, organisation, ct)));
        group.MapGet("/self-assessments/{year:int}/providers", async Task<Ok<ItemList<ProviderAssessment>>> (int year, Caller caller, SelfAssessments assessments, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ProviderAssessment>(await assessments.ProvidersAsync(caller, year, ct))));
    }
}

/// <summary>The same handlers over gRPC, for integrating systems and the web interface.</summary>
public sealed class LearningGrpcService(CodingActions codings, Calibration calibration, LearningActions actions, ThemeService themes, SelfAssessments assessments)
    : LearningService.LearningServiceBase
{
    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> GetSelfAssessment(GetSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await assessments.GetAsync(Caller.From(context.GetHttpContext().User), request.Year, request.OrganisationCode, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> RateSelfAssessment(RateSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await assessments.RateAsync(
            Caller.From(context.GetHttpContext().User), request.Year,
            new AssessmentRequest([.. request.Ratings.Select(r => new RatingRequest(r.ExpectationId, r.Level, r.Evidence, r.ImprovementActions))]),
            context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> SubmitSelfAssessment(SubmitSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await assessments.SubmitAsync(Caller.From(context.GetHttpContext().User), request.Year, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<SelfAssessmentComparison> CompareSelfAssessment(GetSelfAssessmentRequest request, ServerCallContext context)
    {
        var comparison = await assessments.CompareAsync(Caller.From(context.GetHttpContext().User), request.Year, request.OrganisationCode, context.CancellationToken);
        var message = new SelfAssessmentComparison
        {
            OrganisationCode = comparison.OrganisationCode, Peers = comparison.Peers.Organisations, PeersSuppressed = comparison.Peers.Suppressed,
            Current = comparison.Current is { } current ? Year(current) : null,
        };
        message.PreviousYears.AddRange(comparison.PreviousYears.Select(Year));
        message.PeerSectionMedians.Add(comparison.Peers.SectionMedians.ToDictionary());
        return message;
    }

    /// <inheritdoc />
    public override async Task<HcatCodingResult> RecordHcatCoding(RecordHcatCodingRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var coding = await codings.RecordAsync(
            caller, Id(request.CaseId, "caseId"), request.Subject,
            new CodingRequest(request.Severities.ToDictionary(p => p.Key, p => p.Value), request.HasHarm ? request.Harm : null, [.. request.StagesOfCare]),
            context.CancellationToken);
        return new HcatCodingResult { CodingId = coding.Id.ToString(), Independent = coding.Independent, CodedOn = Day(coding.CodedOn) };
    }

    /// <inheritdoc />
    public override async Task<CalibrationReport> GetCalibration(GetCalibrationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var views = await calibration.ReportAsync(
            caller, request.OrganisationCode, Date(request.From, "from"), Date(request.To, "to"), context.CancellationToken);
        var report = new CalibrationReport();
        foreach (var view in views)
        {
            var organisation = new OrganisationAgreement { OrganisationCode = view.OrganisationCode, Pairs = view.Pairs };
            foreach (var category in view.Categories)
            {
                var agreement = new CategoryAgreement
                {
                    Category = category.Category, ObservedAgreement = category.Agreement.ObservedAgreement, ExpectedAgreement = category.Agreement.ExpectedAgreement,
                };
                if (category.Agreement.Kappa is { } kappa)
                {
                    agreement.Kappa = kappa;
                }
                if (category.Agreement.WeightedKappa is { } weighted)
                {
                    agreement.WeightedKappa = weighted;
                }
                organisation.Categories.Add(agreement);
            }
            report.Organisations.Add(organisation);
        }
        return report;
    }

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.LearningAction> RaiseLearningAction(RaiseLearningActionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var raised = await actions.RaiseAsync(caller, new RaiseActionRequest(
            null, OptionalId(request.CaseId, "caseId"), OptionalId(request.ThemeId, "themeId"), request.WhatWillChange, request.Owner,
            Date(request.DueOn, "dueOn")), context.CancellationToken);
        return Message(raised);
    }

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.LearningAction> CompleteLearningAction(CompleteLearningActionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var completed = await actions.CompleteAsync(
            caller, Id(request.ActionId, "actionId"), new CompleteActionRequest(request.Evidence, request.YouSaid, request.WeDid), context.CancellationToken);
        return Message(completed);
    }

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.LearningAction> CancelLearningAction(CancelLearningActionRequest request, ServerCallContext context) =>
        Message(await actions.CancelAsync(
            Caller.From(context.GetHttpContext().User), Id(request.ActionId, "actionId"), new CancelActionRequest(request.Reason), context.CancellationToken));

    /// <inheritdoc />
    public override async Task<CalibrationSample> DrawCalibrationSample(DrawCalibrationSampleRequest request, ServerCallContext context)
    {
        var drawn = await calibration.DrawSampleAsync(
            Caller.From(context.GetHttpContext().User), new SampleRequest(Date(request.From, "from"), Date(request.To, "to"), request.Size), context.CancellationToken);
        var sample = new CalibrationSample();
        sample.Items.AddRange(drawn.Select(i => new SecondCoding
        {
            CaseId = i.CaseId.ToString(), Reference = i.Reference, ReceivedOn = Day(i.ReceivedOn), RequestedOn = Day(i.RequestedOn),
        }));
        return sample;
    }

    /// <inheritdoc />
    public override async Task<ThemeList> ListThemes(ListThemesRequest request, ServerCallContext context) =>
        Message(await themes.ListAsync(Caller.From(context.GetHttpContext().User), request.Month, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<ThemeList> DetectThemes(DetectThemesRequest request, ServerCallContext context) =>
        Message(await themes.DetectForCallerAsync(
            Caller.From(context.GetHttpContext().User), new DetectionRequest(string.IsNullOrWhiteSpace(request.Month) ? null : request.Month), context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.Theme> ShareTheme(ShareThemeRequest request, ServerCallContext context) =>
        Message(await themes.ShareAsync(
            Caller.From(context.GetHttpContext().User), Id(request.ThemeId, "themeId"),
            new ShareRequest(request.Message, request.OrganisationCodes.Count == 0 ? null : [.. request.OrganisationCodes]), context.CancellationToken));

    private static ThemeList Message(IEnumerable<ThemeView> views)
    {
        var list = new ThemeList();
        list.Themes.AddRange(views.Select(Message));
        return list;
    }

    private static Contracts.Grpc.V1.Theme Message(ThemeView t) => new()
    {
        ThemeId = t.Id.ToString(), IcbCode = t.IcbCode, Scope = t.Scope.ToString(), OrganisationCode = t.OrganisationCode ?? "",
        Dimension = t.Dimension.ToString(), Code = t.Code, Month = t.Month, Observed = t.Observed, Expected = t.Expected, PValue = t.PValue,
        SharedOn = t.SharedOn is { } shared ? Day(shared) : "",
    };

    private static Contracts.Grpc.V1.LearningAction Message(ActionView a) => new()
    {
        ActionId = a.Id.ToString(), OrganisationCode = a.OrganisationCode, Status = a.Status.ToString(), DueOn = Day(a.DueOn), Overdue = a.Overdue,
        CompletedOn = a.Status == ActionStatus.Completed && a.ClosedOn is { } closed ? Day(closed) : "",
    };

    private static Contracts.Grpc.V1.SelfAssessment Message(AssessmentView view)
    {
        var message = new Contracts.Grpc.V1.SelfAssessment
        {
            OrganisationCode = view.OrganisationCode, Year = view.Year, Status = view.Status?.ToString() ?? "", SubmittedOn = view.SubmittedOn is { } on ? Day(on) : "",
        };
        message.Ratings.AddRange(view.Ratings.Select(r => new Rating { ExpectationId = r.ExpectationId, Level = r.Level, Evidence = r.Evidence ?? "", ImprovementActions = r.ImprovementActions ?? "" }));
        message.Unrated.AddRange(view.Unrated);
        message.SectionMeans.Add(view.SectionMeans.ToDictionary());
        return message;
    }

    private static Contracts.Grpc.V1.YearResult Year(Domain.Rules.YearResult result)
    {
        var message = new Contracts.Grpc.V1.YearResult { Year = result.Year };
        message.SectionMeans.Add(result.SectionMeans.ToDictionary());
        return message;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Guid Id(string text, string field) =>
        Guid.TryParse(text, out var id) ? id : throw new RequestValidationException(field, "Give the id as a UUID.");

    private static Guid? OptionalId(string text, string field) => string.IsNullOrWhiteSpace(text) ? null : Id(text, field);

    private static DateOnly? Date(string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new RequestValidationException(field, "Give the date as yyyy-MM-dd.");
    }
}
