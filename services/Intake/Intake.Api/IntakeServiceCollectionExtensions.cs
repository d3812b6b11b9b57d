using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Complaints;
using IcsComplaints.Intake.Api.Concerns;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Directory;
using IcsComplaints.Intake.Api.Import;
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
        builder.Services.AddScoped<ComplaintQueries>();
        builder.Services.AddScoped<ComplaintActions>();
        builder.Services.AddScoped<DuplicateDetection>();
        builder.Services.AddScoped<InformalConcerns>();
        builder.Services.AddScoped<DirectoryQueries>();
        builder.Services.AddSingleton<OrganisationDirectory>();
        builder.Services.AddSingleton<IDeploymentStep, DirectorySeed>();
        builder.Services.AddSingleton<IServiceCommand, ImportCommand>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddScoped<SubmitComplaintHandler>();
        builder.Services.AddHostedService<IdempotencyKeyRetention>();
        builder.Services.AddServiceGrpc();
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        app.MapComplaintsApi();
        app.MapConcernsApi();
        app.MapDirectoryApi();
        app.MapGrpcService<IntakeGrpcService>();
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapGrpcService<ComplaintRecordsGrpcService>();
        app.MapAuditApi<IntakeDbContext>(ServiceName);
        app.MapOutboxAdmin<IntakeDbContext>();
        return app;
    }
}
