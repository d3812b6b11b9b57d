using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Cases;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Responses;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;

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
            bus.AddConsumer<Cases.ConsentRevokedConsumer>();
            bus.AddConsumer<DraftReviewCompletedConsumer>();
        });
        builder.Services.AddSingleton<DraftSharing>();
        builder.Services.AddScoped<AdvocateAccess>();
        builder.Services.AddScoped<DraftReviewerLookup>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CaseLifecycle>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddAuditTrail<CaseDbContext>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<CaseActions>();
        builder.Services.AddScoped<CaseSettingsQueries>();
        builder.Services.AddScoped<FinalResponseLetters>();
        builder.Services.Configure<DeadlineScanOptions>(builder.Configuration.GetSection(DeadlineScanOptions.SectionName));
        builder.Services.AddSingleton<CaseDeadlineMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseDeadlineMonitor>());
        // Intake answers questions the case service asks for the user (the complainant's address for a letter).
        // The address is read when the client is made, after every configuration source is in.
        static Uri Intake(IServiceProvider services) =>
            new(services.GetRequiredService<IConfiguration>()["Services:Intake:Grpc"] ?? "http://127.0.0.1:5102");
        builder.Services.AddGrpcClient<ComplaintRecordsService.ComplaintRecordsServiceClient>((services, o) => o.Address = Intake(services));
        builder.Services.AddGrpcClient<OrganisationDirectoryService.OrganisationDirectoryServiceClient>((services, o) => o.Address = Intake(services));
        // The advocacy-referral service holds the complainant's consent, asked at each advocate's view, and the advocacy directory.
        static Uri Advocacy(IServiceProvider services) =>
            new(services.GetRequiredService<IConfiguration>()["Services:Advocacy:Grpc"] ?? "http://127.0.0.1:5122");
        builder.Services.AddGrpcClient<ConsentService.ConsentServiceClient>((services, o) => o.Address = Advocacy(services));
        builder.Services.AddGrpcClient<AdvocacyDirectoryService.AdvocacyDirectoryServiceClient>((services, o) => o.Address = Advocacy(services));
        builder.Services.AddServiceGrpc();
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapCaseApi(this WebApplication app)
    {
        app.MapCasesApi();
        app.MapGrpcService<CaseGrpcService>();
        app.MapAuditApi<CaseDbContext>(ServiceName);
        app.MapOutboxAdmin<CaseDbContext>();
        return app;
    }
}
