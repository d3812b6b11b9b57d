using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Actions;
using IcsComplaints.Learning.Api.Cases;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Api.Demo;
using IcsComplaints.Learning.Api.Hcat;
using IcsComplaints.Learning.Api.Standards;
using IcsComplaints.Learning.Api.Themes;
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
        });
        builder.Services.AddAuditTrail<LearningDbContext>();
        builder.Services.AddScoped<CodingActions>();
        builder.Services.AddScoped<Calibration>();
        builder.Services.AddScoped<LearningActions>();
        builder.Services.AddScoped<ThemeService>();
        builder.Services.AddScoped<SelfAssessments>();
        builder.Services.AddSingleton<IServiceCommand, DemoHistoryCommand>();
        builder.Services.Configure<LearningScanOptions>(builder.Configuration.GetSection(LearningScanOptions.SectionName));
        builder.Services.AddSingleton<LearningScan>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LearningScan>());
        // Intake's organisation directory says which providers an ICB commissions, on the day.
        builder.Services.AddCommissioning();
        builder.Services.AddServiceGrpc();
        return builder;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapLearningApi(this WebApplication app)
    {
        app.MapLearningEndpoints();
        app.MapGrpcService<LearningGrpcService>();
        app.MapAuditApi<LearningDbContext>(ServiceName);
        app.MapOutboxAdmin<LearningDbContext>();
        return app;
    }
}
