using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Cases;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.ServiceDefaults.Audit;

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
        });
        builder.Services.AddSingleton<CaseLifecycle>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddAuditTrail<CaseDbContext>();
        builder.Services.AddScoped<CaseQueries>();
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
