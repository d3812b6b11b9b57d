using IcsComplaints.Directory;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Events;
using IcsComplaints.Reporting.Api.Measures;
using IcsComplaints.Reporting.Api.Returns;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;
using MassTransit;

namespace IcsComplaints.Reporting.Api;

/// <summary>Everything the reporting service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "reporting";

    /// <summary>Adds the database, a consumer for every event it reports on, measures, returns and the rebuild command.</summary>
    public static WebApplicationBuilder AddReportingServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext, WebApplicationBuilder>("reportingdb", ReportingDbContext.Schema);
        builder.AddServiceMessaging<ReportingDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            // One consumer, and so one queue, per event: every LoggedConsumer<T> in this assembly.
            bus.AddConsumers([.. typeof(LoggedConsumer<>).Assembly.GetTypes().Where(t => t is { IsAbstract: false, BaseType.IsGenericType: true }
                && t.BaseType.GetGenericTypeDefinition() == typeof(LoggedConsumer<>))]);
        });
        builder.Services.AddAuditTrail<ReportingDbContext>();
        builder.Services.AddScoped<MeasureQueries>();
        builder.Services.AddScoped<OversightQueries>();
        builder.Services.AddScoped<PeerQueries>();
        builder.Services.AddScoped<Ko41Returns>();
        builder.Services.AddScoped<AnnualReports>();
        builder.Services.AddSingleton<IServiceCommand, RebuildCommand>();
        // Intake's organisation directory says which providers an ICB commissions, and each organisation's type.
        builder.Services.AddCommissioning();
        builder.Services.AddServiceGrpc();
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapReportingApi(this WebApplication app)
    {
        app.MapReportingEndpoints();
        app.MapGrpcService<ReportingGrpcService>();
        app.MapAuditApi<ReportingDbContext>(ServiceName);
        app.MapOutboxAdmin<ReportingDbContext>();
        return app;
    }
}
