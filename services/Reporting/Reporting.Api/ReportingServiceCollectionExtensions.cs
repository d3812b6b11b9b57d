using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Reporting.Api.Api;
using IcsComplaints.Reporting.Api.Consumers;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Features;
using IcsComplaints.Reporting.Api.Features.GetAnnualReport;
using IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;
using IcsComplaints.Reporting.Api.Features.GetBoardReport;
using IcsComplaints.Reporting.Api.Features.GetFunnel;
using IcsComplaints.Reporting.Api.Features.GetKo41Return;
using IcsComplaints.Reporting.Api.Features.GetMeasures;
using IcsComplaints.Reporting.Api.Features.GetOverdue;
using IcsComplaints.Reporting.Api.Features.GetOversight;
using IcsComplaints.Reporting.Api.Features.GetPeers;
using IcsComplaints.Reporting.Api.Features.GetTransfers;
using IcsComplaints.Reporting.Api.Features.GetTrend;
using IcsComplaints.Reporting.Api.Features.Rebuild;
using IcsComplaints.Reporting.Api.Grpc;
using IcsComplaints.ServiceDefaults;
using MassTransit;

namespace IcsComplaints.Reporting.Api;

/// <summary>Everything the reporting service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "reporting";

    /// <summary>Adds the database, a consumer for every event it reports on, the queries and handlers, and the rebuild command.</summary>
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
        builder.Services.AddScoped<ReturnQueries>();
        builder.Services.AddScoped<ReportingAccess>();
        builder.Services.AddScoped<GetMeasuresHandler>();
        builder.Services.AddScoped<GetOversightHandler>();
        builder.Services.AddScoped<GetFunnelHandler>();
        builder.Services.AddScoped<GetTrendHandler>();
        builder.Services.AddScoped<GetOverdueHandler>();
        builder.Services.AddScoped<GetPeersHandler>();
        builder.Services.AddScoped<GetKo41ReturnHandler>();
        builder.Services.AddScoped<GetAnnualReportHandler>();
        builder.Services.AddScoped<GetAnnualReportPdfHandler>();
        builder.Services.AddScoped<GetBoardReportHandler>();
        builder.Services.AddScoped<GetBoardReportPdfHandler>();
        builder.Services.AddScoped<OrganisationNames>();
        builder.Services.AddScoped<GetTransfersHandler>();
        // The ICB's and the provider's days of a transfer are counted as the case service counts every deadline.
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddSingleton<IServiceCommand, RebuildCommand>();
        // Intake's organisation directory says which providers an ICB commissions, and each organisation's type.
        builder.Services.AddCommissioning();
        builder.Services.AddServiceGrpc();
        builder.AddApiDocument(ServiceName, "Figures from every service's events: measures, KO41 returns, oversight and the annual report.");
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapReportingApi(this WebApplication app)
    {
        app.MapReportingEndpoints();
        app.MapGrpcService<ReportingGrpcService>();
        app.MapAuditApi<ReportingDbContext>(ServiceName);
        app.MapOutboxAdmin<ReportingDbContext>();
        app.MapApiDocument();
        return app;
    }
}
