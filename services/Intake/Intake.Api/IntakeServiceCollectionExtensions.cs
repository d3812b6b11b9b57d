using IcsComplaints.Calendar;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Intake.Api.Api;
using IcsComplaints.Intake.Api.Consumers;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features;
using IcsComplaints.Intake.Api.Features.CheckComplaint;
using IcsComplaints.Intake.Api.Features.DecideBestInterests;
using IcsComplaints.Intake.Api.Features.DecideRouting;
using IcsComplaints.Intake.Api.Features.DecideTimeLimit;
using IcsComplaints.Intake.Api.Features.ExcludeComplaint;
using IcsComplaints.Intake.Api.Features.FindPossibleDuplicates;
using IcsComplaints.Intake.Api.Features.FollowCase;
using IcsComplaints.Intake.Api.Features.GetComplainantContact;
using IcsComplaints.Intake.Api.Features.GetComplaintStatement;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Api.Features.GetProgress;
using IcsComplaints.Intake.Api.Features.VerifyStatusSecret;
using IcsComplaints.Intake.Api.Features.ImportComplaints;
using IcsComplaints.Intake.Api.Features.LinkComplaint;
using IcsComplaints.Intake.Api.Features.ListComplaints;
using IcsComplaints.Intake.Api.Features.SearchComplaints;
using IcsComplaints.Intake.Api.Features.ListConcerns;
using IcsComplaints.Intake.Api.Features.ListMyComplaints;
using IcsComplaints.Intake.Api.Features.ListOrganisations;
using IcsComplaints.Intake.Api.Features.RecordConcern;
using IcsComplaints.Intake.Api.Features.ResolveConcern;
using IcsComplaints.Intake.Api.Features.RecordConsent;
using IcsComplaints.Intake.Api.Features.SetParties;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Api.Features.WithdrawComplaint;
using IcsComplaints.Intake.Api.Grpc;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;

namespace IcsComplaints.Intake.Api;

/// <summary>Everything the intake service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class IntakeServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix and the database schema.</summary>
    public const string ServiceName = "intake";

    /// <summary>Adds the database, messaging, calendar, handlers and gRPC.</summary>
    public static WebApplicationBuilder AddIntakeServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext, WebApplicationBuilder>("intakedb", IntakeDbContext.Schema);
        builder.AddServiceMessaging<IntakeDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CaseStageChangedConsumer>();
            bus.AddConsumer<CaseAcknowledgedConsumer>();
            bus.AddConsumer<ResponseDateAgreedConsumer>();
            bus.AddConsumer<FinalResponseSentConsumer>();
            bus.AddConsumer<CaseClosedConsumer>();
        });
        builder.Services.AddAuditTrail<IntakeDbContext>();
        builder.AddServiceDataProtection<IntakeDbContext, WebApplicationBuilder>("ics-intake");
        builder.Services.AddScoped<ComplaintStore>();
        builder.Services.AddScoped<CheckComplaintHandler>();
        builder.Services.AddScoped<ComplaintQueries>();
        builder.Services.AddScoped<ConcernStore>();
        builder.Services.AddScoped<ComplaintEventPublisher>();
        builder.Services.AddScoped<ComplaintDecisionSteps>();
        builder.Services.AddScoped<IComplaintDecision<ConsentInput>, RecordConsentHandler>();
        builder.Services.AddScoped<IComplaintDecision<RoutingInput>, DecideRoutingHandler>();
        builder.Services.AddScoped<IComplaintDecision<PartiesInput>, SetPartiesHandler>();
        builder.Services.AddScoped<IComplaintDecision<LinkInput>, LinkComplaintHandler>();
        builder.Services.AddScoped<IComplaintDecision<TimeLimitInput>, DecideTimeLimitHandler>();
        builder.Services.AddScoped<IComplaintDecision<BestInterestsInput>, DecideBestInterestsHandler>();
        builder.Services.AddScoped<IComplaintDecision<ExclusionInput>, ExcludeComplaintHandler>();
        builder.Services.AddScoped<IComplaintDecision<WithdrawalInput>, WithdrawComplaintHandler>();
        builder.Services.AddScoped<GetComplaintHandler>();
        builder.Services.AddScoped<GetComplainantContactHandler>();
        builder.Services.AddScoped<GetComplaintStatementHandler>();
        // The advocacy-referral service holds the complainant's consent, asked when an advocate wants their contact details.
        builder.Services.AddScoped<AdvocateConsent>();
        builder.Services.AddGrpcClient<ConsentService.ConsentServiceClient>(
            (services, o) => o.Address = ServiceAddresses.GrpcOf(services.GetRequiredService<IConfiguration>(), "Advocacy"));
        builder.Services.AddScoped<ListComplaintsHandler>();
        builder.Services.AddScoped<ComplaintListAudit>();
        builder.Services.AddScoped<SearchComplaintsHandler>();
        builder.Services.AddScoped<ListMyComplaintsHandler>();
        builder.Services.AddScoped<FindPossibleDuplicatesHandler>();
        builder.Services.AddScoped<VerifyStatusSecretHandler>();
        builder.Services.AddScoped<GetProgressHandler>();
        builder.Services.AddScoped<FollowCaseHandler>();
        builder.Services.AddScoped<DuplicateDetection>();
        builder.Services.AddScoped<ConcernEscalation>();
        builder.Services.AddScoped<RecordConcernHandler>();
        builder.Services.AddScoped<ListConcernsHandler>();
        builder.Services.AddScoped<ResolveConcernHandler>();
        builder.Services.AddScoped<DirectoryQueries>();
        builder.Services.AddSingleton<OrganisationDirectory>();
        builder.Services.AddSingleton<IDeploymentStep, DirectorySeed>();
        builder.Services.AddSingleton<IServiceCommand, ImportCommand>();
        builder.Services.AddSingleton<ComplaintImporter>();
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddScoped<ImportJobStore>();
        builder.Services.AddScoped<ImportUploads>();
        builder.Services.AddScoped<ImportJobProcessor>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddScoped<SubmitComplaintHandler>();
        builder.Services.AddHostedService<IdempotencyKeyRetention>();
        builder.Services.AddServiceGrpc();
        builder.AddApiDocument(ServiceName, "Complaints and concerns as they arrive: submission, progress, the decisions before a case, imports and the organisation directory.");
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        app.MapComplaintsApi();
        app.MapImportsApi();
        app.MapConcernsApi();
        app.MapDirectoryApi();
        app.MapGrpcService<IntakeGrpcService>();
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapGrpcService<ComplaintRecordsGrpcService>();
        app.MapGrpcService<StatusSecretGrpcService>();
        app.MapAuditApi<IntakeDbContext>(ServiceName);
        app.MapOutboxAdmin<IntakeDbContext>();
        app.MapApiDocument();
        return app;
    }
}
