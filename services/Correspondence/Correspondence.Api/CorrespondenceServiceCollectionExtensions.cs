using IcsComplaints.Correspondence.Api.Api;
using IcsComplaints.Correspondence.Api.Consumers;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Documents;
using IcsComplaints.Correspondence.Api.Features.ListMessages;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Api.Features.RecordConsent;
using IcsComplaints.Correspondence.Api.Features.RecordDelivery;
using IcsComplaints.Correspondence.Api.Features.RecordCase;
using IcsComplaints.Correspondence.Api.Features.SendMessages;
using IcsComplaints.Correspondence.Api.Grpc;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Messaging;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Correspondence.Api;

/// <summary>Everything the correspondence service registers, so <c>Program.cs</c> stays the same shape in every service.</summary>
public static class CorrespondenceServiceCollectionExtensions
{
    /// <summary>Service name: the queue prefix.</summary>
    public const string ServiceName = "correspondence";

    /// <summary>Adds the database, messaging with its consumers, the dispatcher and the mail channel.</summary>
    public static WebApplicationBuilder AddCorrespondenceServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CorrespondenceDbContext, WebApplicationBuilder>("correspondencedb", CorrespondenceDbContext.Schema);
        builder.AddServiceMessaging<CorrespondenceDbContext, WebApplicationBuilder>(ServiceName, bus =>
        {
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CaseDeadlineApproachingConsumer>();
            bus.AddConsumer<CaseDeadlineMissedConsumer>();
            bus.AddConsumer<CaseAcknowledgedConsumer>();
            bus.AddConsumer<FinalResponseSentConsumer>();
            bus.AddConsumer<ResponseDateAgreedConsumer>();
            bus.AddConsumer<CaseClockPausedConsumer>();
            bus.AddConsumer<ScheduledUpdateDueConsumer>();
            bus.AddConsumer<StaffInvolvedRecordedConsumer>();
            bus.AddConsumer<CaseClosedConsumer>();
            bus.AddConsumer<ReferralRequestedConsumer>();
            bus.AddConsumer<DraftSharedConsumer>();
            bus.AddConsumer<DraftReviewClosedConsumer>();
            bus.AddConsumer<ConsentGrantedConsumer>();
            bus.AddConsumer<ConsentRevokedConsumer>();
            // Intake's events: the messages about a complaint before (or without) a case (ADR 37).
            bus.AddConsumer<ComplaintSubmittedConsumer>();
            bus.AddConsumer<ComplaintTransferredConsumer>();
        });
        builder.Services.AddAuditTrail<CorrespondenceDbContext>();
        builder.Services.Configure<CorrespondenceOptions>(builder.Configuration.GetSection(CorrespondenceOptions.SectionName));
        builder.Services.AddScoped<MessageStore>();
        builder.Services.AddScoped<MessageQueries>();
        builder.Services.AddScoped<RecordCaseHandler>();
        builder.Services.AddScoped<QueueMessagesHandler>();
        builder.Services.AddScoped<ListMessagesHandler>();
        builder.Services.AddDocuments<CorrespondenceDbContext>(builder.Configuration);
        builder.Services.AddScoped<LetterCopies>();
        builder.Services.AddScoped<SentToComplainantHandler>();
        builder.Services.AddScoped<MessageWriter>();
        builder.Services.AddScoped<ComplainantRouting>();
        builder.Services.AddScoped<ComplainantLetters>();
        builder.Services.AddScoped<ConsentStore>();
        builder.Services.AddScoped<RecordConsentHandler>();
        builder.Services.AddScoped<QueueReviewerNoticesHandler>();
        builder.Services.AddScoped<ReviewerNotices>();
        builder.Services.AddScoped<StaffStore>();
        builder.Services.AddScoped<QueueStaffNoticesHandler>();
        builder.Services.AddScoped<StaffNotices>();
        builder.Services.AddComplainantContacts();
        builder.Services.AddScoped<SendMessageHandler>();
        builder.Services.AddScoped<ComplaintStore>();
        builder.Services.AddScoped<QueueComplaintMessagesHandler>();
        builder.Services.AddScoped<ComplaintLetters>();
        builder.Services.AddMailChannel(builder.Configuration);
        // Notify's delivery receipts (ADR 39): the endpoint is mapped whatever the channel, and refuses every callback
        // until a token is set.
        builder.Services.AddOptions<NotifyCallbackOptions>().BindConfiguration(NotifyCallbackOptions.SectionName);
        builder.Services.AddSingleton<NotifyCallbackToken>();
        builder.Services.AddScoped<RecordDeliveryHandler>();
        builder.Services.AddHostedService<MessageDispatcher>();
        builder.Services.AddServiceGrpc();
        builder.AddApiDocument(ServiceName, "The letters and e-mails sent about a complaint, and GOV.UK Notify's delivery receipts.");
        return builder;
    }

    /// <summary>
    /// Reading a complainant's contact details from intake under the service's own identity (ADR 36): the token from
    /// the identity service, kept per process, intake's gRPC at <c>Services:Intake:Grpc</c>, and case's at
    /// <c>Services:Case:Grpc</c> for the final response and survey links.
    /// </summary>
    public static IServiceCollection AddComplainantContacts(this IServiceCollection services)
    {
        services.AddServiceIdentity("Correspondence:ServiceIdentity", "correspondence");
        static Uri Intake(IServiceProvider services) => ServiceAddresses.GrpcOf(services.GetRequiredService<IConfiguration>(), "Intake");
        services.AddGrpcClient<ComplaintRecordsService.ComplaintRecordsServiceClient>((sp, o) => o.Address = Intake(sp));
        services.AddGrpcClient<OrganisationDirectoryService.OrganisationDirectoryServiceClient>((sp, o) => o.Address = Intake(sp));
        services.AddGrpcClient<StatusSecretService.StatusSecretServiceClient>((sp, o) => o.Address = Intake(sp));
        services.AddGrpcClient<CaseCorrespondenceService.CaseCorrespondenceServiceClient>((sp, o) =>
            o.Address = ServiceAddresses.GrpcOf(sp.GetRequiredService<IConfiguration>(), "Case"));
        services.AddScoped<ComplainantContacts>();
        services.AddScoped<CaseLetterContent>();
        services.AddScoped<ComplaintStatements>();
        services.AddScoped<OrganisationNames>();
        return services;
    }

    /// <summary>
    /// The e-mail channel, chosen by configuration alone: <c>Correspondence:Channel</c> is <c>Smtp</c> (the default:
    /// the local mail catcher, or an installation's relay) or <c>Notify</c> (GOV.UK Notify, whose key and template
    /// must then be set, or the service does not start).
    /// </summary>
    public static IServiceCollection AddMailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var channel = configuration[$"{CorrespondenceOptions.SectionName}:Channel"] ?? "Smtp";
        switch (channel)
        {
            case "Smtp":
                services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));
                services.AddSingleton<IMailChannel, SmtpChannel>();
                services.AddSingleton<IPostChannel, PrintMailboxChannel>();
                break;
            case "Notify":
                services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.SectionName))
                    .Validate(o => o.ApiKey.Length >= 74, "Correspondence:Notify:ApiKey must be a Notify API key.")
                    .Validate(o => Guid.TryParse(o.EmailTemplateId, out _), "Correspondence:Notify:EmailTemplateId must be a template's id.")
                    .ValidateOnStart();
                // Receipts are how a failed delivery becomes known; a token too short to be a secret is a mistake, not a choice.
                services.AddOptions<NotifyCallbackOptions>().Bind(configuration.GetSection(NotifyCallbackOptions.SectionName))
                    .Validate(o => (o.CallbackToken ?? "").Length is 0 or >= NotifyCallbackOptions.MinimumTokenLength,
                        $"Correspondence:Notify:CallbackToken must be at least {NotifyCallbackOptions.MinimumTokenLength} characters.")
                    .ValidateOnStart();
                services.AddSingleton<IMailChannel, NotifyChannel>();
                services.AddSingleton<IPostChannel, NotifyLetterChannel>();
                break;
            default:
                throw new InvalidOperationException($"Correspondence:Channel is \"{channel}\": it must be Smtp or Notify.");
        }
        return services;
    }

    /// <summary>Maps the REST and gRPC APIs and the operator endpoints.</summary>
    public static WebApplication MapCorrespondenceApi(this WebApplication app)
    {
        app.MapCorrespondenceEndpoints();
        app.MapGrpcService<CorrespondenceGrpcService>();
        app.MapAuditApi<CorrespondenceDbContext>(ServiceName);
        app.MapOutboxAdmin<CorrespondenceDbContext>();
        app.MapApiDocument();
        return app;
    }
}
