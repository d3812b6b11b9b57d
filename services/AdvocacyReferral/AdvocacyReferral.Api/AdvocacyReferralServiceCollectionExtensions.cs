using IcsComplaints.AdvocacyReferral.Api.Api;
using IcsComplaints.AdvocacyReferral.Api.Consumers;
using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features;
using IcsComplaints.AdvocacyReferral.Api.Features.AcceptReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.CloseCase;
using IcsComplaints.AdvocacyReferral.Api.Features.Comment;
using IcsComplaints.AdvocacyReferral.Api.Features.CompleteReview;
using IcsComplaints.AdvocacyReferral.Api.Features.DeclineReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.EndReviews;
using IcsComplaints.AdvocacyReferral.Api.Features.FindAdvocacyService;
using IcsComplaints.AdvocacyReferral.Api.Features.GetActiveGrant;
using IcsComplaints.AdvocacyReferral.Api.Features.ListDraftReviewers;
using IcsComplaints.AdvocacyReferral.Api.Features.ListReferrals;
using IcsComplaints.AdvocacyReferral.Api.Features.ListReviews;
using IcsComplaints.AdvocacyReferral.Api.Features.OpenReview;
using IcsComplaints.AdvocacyReferral.Api.Features.RecordCase;
using IcsComplaints.AdvocacyReferral.Api.Features.RequestReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.RequestSelfReferral;
using IcsComplaints.AdvocacyReferral.Api.Features.RevokeConsent;
using IcsComplaints.AdvocacyReferral.Api.Features.WaiveReview;
using IcsComplaints.AdvocacyReferral.Api.Grpc;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.AdvocacyReferral.Api;

/// <summary>Everything the advocacy-referral service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class AdvocacyReferralServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "advocacy-referral";

    /// <summary>Adds the database with its stores and queries, messaging with its consumers, and the features.</summary>
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
        builder.Services.AddSingleton<IDeploymentStep, AdvocacyDirectorySeed>();
        builder.Services.AddScoped<CaseStore>();
        builder.Services.AddScoped<ReferralStore>();
        builder.Services.AddScoped<ReferralQueries>();
        builder.Services.AddScoped<ReviewStore>();
        builder.Services.AddScoped<ReviewQueries>();
        builder.Services.AddScoped<AdvocacyDirectoryQueries>();
        builder.Services.AddScoped<ReviewerAccess>();
        builder.Services.AddScoped<ReviewClosing>();
        builder.Services.AddScoped<RecordCaseHandler>();
        builder.Services.AddScoped<CloseCaseHandler>();
        builder.Services.AddScoped<FindAdvocacyServiceHandler>();
        builder.Services.Configure<ConsentOptions>(builder.Configuration.GetSection(ConsentOptions.SectionName));
        builder.Services.AddScoped<Referring>();
        builder.Services.AddScoped<RequestReferralHandler>();
        builder.Services.AddScoped<StatusSecretCheck>();
        builder.Services.AddScoped<RequestSelfReferralHandler>();
        builder.Services.AddScoped<AcceptReferralHandler>();
        builder.Services.AddScoped<DeclineReferralHandler>();
        builder.Services.AddScoped<RevokeConsentHandler>();
        builder.Services.AddScoped<ListReferralsHandler>();
        builder.Services.AddScoped<GetActiveGrantHandler>();
        builder.Services.AddScoped<ListDraftReviewersHandler>();
        builder.Services.AddScoped<OpenReviewHandler>();
        builder.Services.AddScoped<EndReviewsHandler>();
        builder.Services.AddScoped<CommentHandler>();
        builder.Services.AddScoped<CompleteReviewHandler>();
        builder.Services.AddScoped<WaiveReviewHandler>();
        builder.Services.AddScoped<ListReviewsHandler>();
        builder.Services.AddServiceGrpc();
        // Intake vouches for a complainant's reference and status secret when they ask for advocacy without an account.
        builder.Services.AddGrpcClient<StatusSecretService.StatusSecretServiceClient>((services, o) =>
            o.Address = ServiceAddresses.GrpcOf(services.GetRequiredService<IConfiguration>(), "Intake"));
        builder.AddApiDocument(ServiceName, "Referrals to independent complaints advocacy, the advocacy services and the consent a complainant gives an advocate.");
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
        app.MapApiDocument();
        return app;
    }
}
