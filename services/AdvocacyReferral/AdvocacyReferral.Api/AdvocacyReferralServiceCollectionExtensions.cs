using IcsComplaints.AdvocacyReferral.Api.Cases;
using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Directory;
using IcsComplaints.AdvocacyReferral.Api.Referrals;
using IcsComplaints.AdvocacyReferral.Api.Reviews;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;

namespace IcsComplaints.AdvocacyReferral.Api;

/// <summary>Everything the advocacy-referral service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class AdvocacyReferralServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "advocacy-referral";

    /// <summary>Adds the database, messaging with its consumers, the directory, referrals and reviews.</summary>
    public static WebApplicationBuilder AddAdvocacyReferralServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AdvocacyDbContext, WebApplicationBuilder>("advocacydb", AdvocacyDbContext.Schema);
        builder.AddServiceMessaging<AdvocacyDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CaseClosedConsumer>();
            bus.AddConsumer<DraftSharedConsumer>();
            bus.AddConsumer<ConsentRevokedConsumer>();
        });
        builder.Services.AddAuditTrail<AdvocacyDbContext>();
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddScoped<AdvocacyDirectory>();
        builder.Services.AddSingleton<ConsentLifecycle>();
        builder.Services.AddScoped<ReferralActions>();
        builder.Services.AddScoped<ReferralQueries>();
        builder.Services.AddScoped<ReviewActions>();
        builder.Services.AddScoped<ReviewQueries>();
        builder.Services.AddSingleton<IDeploymentStep, AdvocacyDirectorySeed>();
        builder.Services.AddServiceGrpc();
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapAdvocacyReferralApi(this WebApplication app)
    {
        app.MapAdvocacyEndpoints();
        app.MapGrpcService<AdvocacyDirectoryGrpcService>();
        app.MapGrpcService<ConsentGrpcService>();
        app.MapAuditApi<AdvocacyDbContext>(ServiceName);
        app.MapOutboxAdmin<AdvocacyDbContext>();
        return app;
    }
}
