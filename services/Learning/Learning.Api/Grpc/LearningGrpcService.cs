using System.Globalization;
using Grpc.Core;
using IcsComplaints.Learning.Api.Features;
using IcsComplaints.Learning.Api.Features.CancelAction;
using IcsComplaints.Learning.Api.Features.CompareSelfAssessments;
using IcsComplaints.Learning.Api.Features.CompleteAction;
using IcsComplaints.Learning.Api.Features.DetectThemes;
using IcsComplaints.Learning.Api.Features.GetSelfAssessment;
using IcsComplaints.Learning.Api.Features.ListThemes;
using IcsComplaints.Learning.Api.Features.RaiseAction;
using IcsComplaints.Learning.Api.Features.RateSelfAssessment;
using IcsComplaints.Learning.Api.Features.ShareTheme;
using IcsComplaints.Learning.Api.Features.SubmitSelfAssessment;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Learning.Contracts.Grpc.V1;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Grpc;

/// <summary>The same handlers over gRPC, for integrating systems and the web interface.</summary>
public sealed class LearningGrpcService(
    CodingActions codings, Calibration calibration, RaiseActionHandler raiseAction, CompleteActionHandler completeAction, CancelActionHandler cancelAction,
    ListThemesHandler listThemes, DetectThemesHandler detectThemes, ShareThemeHandler shareTheme, GetSelfAssessmentHandler getAssessment,
    RateSelfAssessmentHandler rateAssessment, SubmitSelfAssessmentHandler submitAssessment, CompareSelfAssessmentsHandler compareAssessments)
    : LearningService.LearningServiceBase
{
    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> GetSelfAssessment(GetSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await getAssessment.HandleAsync(Caller.From(context.GetHttpContext().User), request.Year, request.OrganisationCode, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> RateSelfAssessment(RateSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await rateAssessment.HandleAsync(
            Caller.From(context.GetHttpContext().User), request.Year,
            new AssessmentRequest([.. request.Ratings.Select(r => new RatingRequest(r.ExpectationId, r.Level, r.Evidence, r.ImprovementActions))]),
            context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.SelfAssessment> SubmitSelfAssessment(SubmitSelfAssessmentRequest request, ServerCallContext context) =>
        Message(await submitAssessment.HandleAsync(Caller.From(context.GetHttpContext().User), request.Year, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<SelfAssessmentComparison> CompareSelfAssessment(GetSelfAssessmentRequest request, ServerCallContext context)
    {
        var comparison = await compareAssessments.HandleAsync(Caller.From(context.GetHttpContext().User), request.Year, request.OrganisationCode, context.CancellationToken);
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
        var raised = await raiseAction.HandleAsync(caller, new RaiseActionRequest(
            null, OptionalId(request.CaseId, "caseId"), OptionalId(request.ThemeId, "themeId"), request.WhatWillChange, request.Owner,
            Date(request.DueOn, "dueOn")), context.CancellationToken);
        return Message(raised);
    }

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.LearningAction> CompleteLearningAction(CompleteLearningActionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var completed = await completeAction.HandleAsync(
            caller, Id(request.ActionId, "actionId"), new CompleteActionRequest(request.Evidence, request.YouSaid, request.WeDid), context.CancellationToken);
        return Message(completed);
    }

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.LearningAction> CancelLearningAction(CancelLearningActionRequest request, ServerCallContext context) =>
        Message(await cancelAction.HandleAsync(
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
        Message(await listThemes.HandleAsync(Caller.From(context.GetHttpContext().User), request.Month, context.CancellationToken));

    /// <inheritdoc />
    public override async Task<ThemeList> DetectThemes(DetectThemesRequest request, ServerCallContext context) =>
        Message(await detectThemes.HandleAsync(
            Caller.From(context.GetHttpContext().User), new DetectionRequest(string.IsNullOrWhiteSpace(request.Month) ? null : request.Month), context.CancellationToken));

    /// <inheritdoc />
    public override async Task<Contracts.Grpc.V1.Theme> ShareTheme(ShareThemeRequest request, ServerCallContext context) =>
        Message(await shareTheme.HandleAsync(
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

    // Dates read as REST and import read them, so the same bad value gets the same message everywhere.
    private static DateOnly? Date(string text, string field)
    {
        var reader = new FieldReader();
        var day = reader.Date(text, field, DateRules.FirstCalendarDay, DateRules.LastCalendarDay);
        reader.ThrowIfAny();
        return day;
    }
}
