using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Api;
using IcsComplaints.Case.Api.Consumers;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features;
using IcsComplaints.Case.Api.Features.AcknowledgeComplaint;
using IcsComplaints.Case.Api.Features.AdvocateView;
using IcsComplaints.Case.Api.Features.AgreeResponseDate;
using IcsComplaints.Case.Api.Features.AgreeUpdateFrequency;
using IcsComplaints.Case.Api.Features.AssignCase;
using IcsComplaints.Case.Api.Features.CaseDocuments;
using IcsComplaints.Case.Api.Features.CaseSettings;
using IcsComplaints.Case.Api.Features.CloseCase;
using IcsComplaints.Case.Api.Features.CodeCase;
using IcsComplaints.Case.Api.Features.Contribute;
using IcsComplaints.Case.Api.Features.LogContact;
using IcsComplaints.Case.Api.Features.OpenCase;
using IcsComplaints.Case.Api.Features.PauseClock;
using IcsComplaints.Case.Api.Features.RecordDelayLetter;
using IcsComplaints.Case.Api.Features.RecordOmbudsmanReferral;
using IcsComplaints.Case.Api.Features.RecordStaffInvolved;
using IcsComplaints.Case.Api.Features.ReopenCase;
using IcsComplaints.Case.Api.Features.ResolveEarly;
using IcsComplaints.Case.Api.Features.ResumeClock;
using IcsComplaints.Case.Api.Features.ReviewDraftAsContributor;
using IcsComplaints.Case.Api.Features.SaveResponseDraft;
using IcsComplaints.Case.Api.Features.SendFinalResponse;
using IcsComplaints.Case.Api.Features.ShareLearning;
using IcsComplaints.Case.Api.Features.SetSignatories;
using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Api.Features.SignFinalResponse;
using IcsComplaints.Case.Api.Features.StartCloserLook;
using IcsComplaints.Case.Api.Features.StartEarlyResolution;
using IcsComplaints.Case.Api.Features.InviteToSurvey;
using IcsComplaints.Case.Api.Features.KeepInformed;
using IcsComplaints.Case.Api.Features.SubmitSurvey;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Api.Features.WriteToComplainant;
using IcsComplaints.Case.Api.Features.WatchDeadlines;
using IcsComplaints.Case.Api.Features.WriteLetters;
using IcsComplaints.Case.Api.Grpc;
using IcsComplaints.Documents;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Case.Api;

/// <summary>Everything the case service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class CaseServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix and the database schema.</summary>
    public const string ServiceName = "case";

    /// <summary>Adds the database, messaging with the case consumers, calendar, queries and gRPC.</summary>
    public static WebApplicationBuilder AddCaseServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CaseDbContext, WebApplicationBuilder>("casedb", CaseDbContext.Schema);
        builder.AddServiceMessaging<CaseDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            bus.AddConsumer<ComplaintSubmittedConsumer>();
            bus.AddConsumer<ComplaintTransferredConsumer>();
            bus.AddConsumer<ComplaintRoutedConsumer>();
            bus.AddConsumer<TimeLimitDecidedConsumer>();
            bus.AddConsumer<BestInterestsDecidedConsumer>();
            bus.AddConsumer<ComplaintExcludedConsumer>();
            bus.AddConsumer<ComplaintWithdrawnConsumer>();
            bus.AddConsumer<ComplaintsLinkedConsumer>();
            bus.AddConsumer<ReferralAcceptedConsumer>();
            bus.AddConsumer<Consumers.ConsentRevokedConsumer>();
            bus.AddConsumer<DraftReviewCompletedConsumer>();
        });
        builder.Services.AddSingleton<DraftSharing>();
        builder.Services.AddScoped<AdvocateAccess>();
        builder.Services.AddScoped<DraftReviewerLookup>();
        builder.Services.AddScoped<CaseDraftReviewers>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CaseLifecycle>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddAuditTrail<CaseDbContext>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<CaseStore>();
        builder.Services.AddScoped<CaseReads>();
        builder.Services.AddScoped<DeadlineScanStore>();
        builder.Services.AddScoped<ScheduledUpdates>();
        builder.Services.AddCaseFeatures();
        builder.Services.AddScoped<FinalResponseLetters>();
        builder.Services.Configure<DeadlineScanOptions>(builder.Configuration.GetSection(DeadlineScanOptions.SectionName));
        builder.Services.AddSingleton<DeadlineMetrics>();
        builder.Services.AddSingleton<CaseDeadlineMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseDeadlineMonitor>());
        // Files on cases, scanned by ClamAV; those received while clamd was away are scanned when it is back (ADR 43).
        builder.Services.AddDocuments<CaseDbContext>(builder.Configuration);
        builder.Services.AddScoped<DocumentStore>();
        builder.Services.AddScoped<CaseDocuments>();
        builder.Services.AddScoped<ComplainantDocuments>();
        builder.Services.AddScoped<DocumentScanning>();
        builder.Services.AddSingleton<DocumentScanWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DocumentScanWorker>());
        // Intake answers questions the case service asks for the user (the complainant's address for a letter).
        // The address is read when the client is made, after every configuration source is in.
        static Uri Intake(IServiceProvider services) =>
            ServiceAddresses.GrpcOf(services.GetRequiredService<IConfiguration>(), "Intake");
        builder.Services.AddGrpcClient<ComplaintRecordsService.ComplaintRecordsServiceClient>((services, o) => o.Address = Intake(services));
        builder.Services.AddGrpcClient<OrganisationDirectoryService.OrganisationDirectoryServiceClient>((services, o) => o.Address = Intake(services));
        // Intake alone vouches for a complainant's reference and progress code, when they send a file without an account.
        builder.Services.AddGrpcClient<StatusSecretService.StatusSecretServiceClient>((services, o) => o.Address = Intake(services));
        builder.Services.AddScoped<StatusSecretCheck>();
        // The advocacy-referral service holds the complainant's consent, asked at each advocate's view, and the advocacy directory.
        static Uri Advocacy(IServiceProvider services) =>
            ServiceAddresses.GrpcOf(services.GetRequiredService<IConfiguration>(), "Advocacy");
        builder.Services.AddGrpcClient<ConsentService.ConsentServiceClient>((services, o) => o.Address = Advocacy(services));
        builder.Services.AddGrpcClient<AdvocacyDirectoryService.AdvocacyDirectoryServiceClient>((services, o) => o.Address = Advocacy(services));
        builder.Services.AddServiceGrpc();
        builder.AddApiDocument(ServiceName, "Cases: the investigation of a complaint, its steps, clock, response and the complainant's survey.");
        return builder;
    }

    // One handler per use case, each used by REST and gRPC alike (ADR 7).
    private static void AddCaseFeatures(this IServiceCollection services)
    {
        services.AddScoped<CaseSteps>();
        services.AddScoped<AcknowledgeComplaint>();
        services.AddScoped<AssignCase>();
        services.AddScoped<StartEarlyResolution>();
        services.AddScoped<ResolveEarly>();
        services.AddScoped<StartCloserLook>();
        services.AddScoped<AgreeResponseDate>();
        services.AddScoped<PauseClock>();
        services.AddScoped<ResumeClock>();
        services.AddScoped<LogContact>();
        services.AddScoped<AgreeUpdateFrequency>();
        services.AddScoped<AddStaffInvolved>();
        services.AddScoped<UpdateStaffInvolved>();
        services.AddScoped<SaveResponseDraft>();
        services.AddScoped<ShareResponseDraft>();
        services.AddScoped<ReviewDraftAsContributor>();
        services.AddScoped<SetSignatories>();
        services.AddScoped<SignFinalResponse>();
        services.AddScoped<SendFinalResponse>();
        services.AddScoped<CloseCase>();
        services.AddScoped<ReopenCase>();
        services.AddScoped<RecordOmbudsmanReferral>();
        services.AddScoped<RecordDelayLetter>();
        services.AddScoped<CodeCase>();
        services.AddSingleton<ReadCodingScheme>();
        services.AddScoped<SaveContribution>();
        services.AddScoped<SignOffContribution>();
        services.AddScoped<ListContributions>();
        services.AddScoped<ContributionReads>();
        services.AddScoped<SubmitSurvey>();
        services.AddScoped<SurveyInvitations>();
        services.AddScoped<ComplainantCorrespondence>();
        services.AddScoped<CommittedChangesRead>();
        services.AddScoped<ReadCaseSettings>();
        services.AddScoped<ChangeCaseSettings>();
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapCaseApi(this WebApplication app)
    {
        app.MapCasesApi();
        app.MapDocumentsApi();
        app.MapGrpcService<CaseGrpcService>();
        app.MapGrpcService<CaseCorrespondenceGrpcService>();
        app.MapGrpcService<CaseLearningGrpcService>();
        app.MapAuditApi<CaseDbContext>(ServiceName);
        app.MapOutboxAdmin<CaseDbContext>();
        app.MapApiDocument();
        return app;
    }
}
