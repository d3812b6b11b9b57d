using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Api;
using IcsComplaints.Learning.Api.Consumers;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Api.Demo;
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
using IcsComplaints.Learning.Api.Features.ProposeActions;
using IcsComplaints.Learning.Api.Features.RaiseAction;
using IcsComplaints.Learning.Api.Features.RateSelfAssessment;
using IcsComplaints.Learning.Api.Features.ReportOverdueActions;
using IcsComplaints.Learning.Api.Features.ResponseReviews;
using IcsComplaints.Learning.Api.Features.ShareTheme;
using IcsComplaints.Learning.Api.Features.SubmitSelfAssessment;
using IcsComplaints.Learning.Api.Features.TakeOnAction;
using IcsComplaints.Learning.Api.Features.Training;
using IcsComplaints.Learning.Api.Grpc;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Learning.Api;

/// <summary>Everything the learning service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class LearningServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "learning";

    /// <summary>Adds the database, messaging with its consumers, coding, calibration, actions, themes and self-assessments.</summary>
    public static WebApplicationBuilder AddLearningServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LearningDbContext, WebApplicationBuilder>("learningdb", LearningDbContext.Schema);
        builder.AddServiceMessaging<LearningDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CaseCodedConsumer>();
            bus.AddConsumer<CaseClosedConsumer>();
            bus.AddConsumer<FinalResponseSentConsumer>();
        });
        builder.Services.AddAuditTrail<LearningDbContext>();
        builder.Services.AddScoped<ActionStore>();
        builder.Services.AddScoped<ActionQueries>();
        builder.Services.AddScoped<CalibrationQueries>();
        builder.Services.AddScoped<CodingStore>();
        builder.Services.AddScoped<LearningCaseStore>();
        builder.Services.AddScoped<SelfAssessmentQueries>();
        builder.Services.AddScoped<SelfAssessmentStore>();
        builder.Services.AddScoped<ThemeQueries>();
        builder.Services.AddScoped<ThemeStore>();
        builder.Services.AddScoped<TrainingQueries>();
        builder.Services.AddScoped<TrainingStore>();
        builder.Services.AddScoped<ResponseReviewQueries>();
        builder.Services.AddScoped<ResponseReviewStore>();
        builder.Services.AddScoped<CodingActions>();
        builder.Services.AddScoped<Calibration>();
        builder.Services.AddScoped<CancelActionHandler>();
        builder.Services.AddScoped<CompareSelfAssessmentsHandler>();
        builder.Services.AddScoped<CompleteActionHandler>();
        builder.Services.AddScoped<DetectThemesHandler>();
        builder.Services.AddScoped<GetSelfAssessmentHandler>();
        builder.Services.AddScoped<GetThemeHandler>();
        builder.Services.AddScoped<ListActionsHandler>();
        builder.Services.AddScoped<ListProviderAssessmentsHandler>();
        builder.Services.AddScoped<ListPublishedSummariesHandler>();
        builder.Services.AddScoped<ListThemesHandler>();
        builder.Services.AddScoped<RaiseActionHandler>();
        builder.Services.AddScoped<AddToTrainingRegisterHandler>();
        builder.Services.AddScoped<ReadTrainingHandler>();
        builder.Services.AddScoped<RecordTrainingHandler>();
        builder.Services.AddScoped<DrawResponseSampleHandler>();
        builder.Services.AddScoped<RateResponseHandler>();
        builder.Services.AddScoped<ReadResponseReviewsHandler>();
        builder.Services.AddScoped<RateSelfAssessmentHandler>();
        builder.Services.AddScoped<ReportOverdueActionsHandler>();
        builder.Services.AddScoped<ShareThemeHandler>();
        builder.Services.AddScoped<SubmitSelfAssessmentHandler>();
        builder.Services.AddScoped<TakeOnActionHandler>();
        // The changes a final response committed to, read from case under the service's own identity (ADR 44).
        builder.Services.AddServiceIdentity("Learning:ServiceIdentity", "learning");
        builder.Services.AddGrpcClient<CaseLearningService.CaseLearningServiceClient>((sp, o) =>
            o.Address = ServiceAddresses.GrpcOf(sp.GetRequiredService<IConfiguration>(), "Case"));
        builder.Services.AddScoped<ICommittedChanges, CaseCommittedChanges>();
        builder.Services.AddSingleton<IServiceCommand, DemoHistoryCommand>();
        builder.Services.Configure<LearningScanOptions>(builder.Configuration.GetSection(LearningScanOptions.SectionName));
        builder.Services.AddSingleton<LearningScan>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LearningScan>());
        // Intake's organisation directory says which providers an ICB commissions, on the day.
        builder.Services.AddCommissioning();
        builder.Services.AddServiceGrpc();
        builder.AddApiDocument(ServiceName, "What complaints teach: themes, learning actions and \"you said, we did\".");
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapLearningApi(this WebApplication app)
    {
        app.MapLearningEndpoints();
        app.MapGrpcService<LearningGrpcService>();
        app.MapAuditApi<LearningDbContext>(ServiceName);
        app.MapOutboxAdmin<LearningDbContext>();
        app.MapApiDocument();
        return app;
    }
}
