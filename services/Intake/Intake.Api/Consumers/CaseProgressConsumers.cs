using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.FollowCase;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.Intake.Api.Consumers;

/// <summary>The case is open at the handling organisation.</summary>
public sealed class CaseOpenedConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<CaseOpened, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseOpened> context) =>
        follow.CaseOpenedAsync(context.Message.ComplaintId, context.Message.OrganisationCode, context.Message.CaseId, context.Message.OpenedAt, context.CancellationToken);
}

/// <summary>The case moved to another stage.</summary>
public sealed class CaseStageChangedConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<CaseStageChanged, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseStageChanged> context) =>
        follow.StageChangedAsync(context.Message.ComplaintId, context.Message.OrganisationCode, context.Message.To, context.CancellationToken);
}

/// <summary>The case was acknowledged.</summary>
public sealed class CaseAcknowledgedConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<CaseAcknowledged, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseAcknowledged> context) =>
        follow.AcknowledgedAsync(context.Message.ComplaintId, context.Message.OrganisationCode, context.Message.AcknowledgedOn, context.CancellationToken);
}

/// <summary>A response date was agreed or renegotiated: the latest agreement is the one in force.</summary>
public sealed class ResponseDateAgreedConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<ResponseDateAgreed, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<ResponseDateAgreed> context) =>
        follow.ResponseDateAgreedAsync(context.Message.CaseId, context.Message.DueBy, context.Message.Renegotiation, context.CancellationToken);
}

/// <summary>The final response went.</summary>
public sealed class FinalResponseSentConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<FinalResponseSent, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<FinalResponseSent> context) =>
        follow.FinalResponseSentAsync(context.Message.ComplaintId, context.Message.OrganisationCode, context.Message.SentOn, context.CancellationToken);
}

/// <summary>The case closed.</summary>
public sealed class CaseClosedConsumer(InboxServices<IntakeDbContext> inbox, FollowCaseHandler follow)
    : IdempotentConsumer<CaseClosed, IntakeDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseClosed> context) =>
        follow.ClosedAsync(context.Message.ComplaintId, context.Message.OrganisationCode, context.Message.Closure, context.Message.ClosedOn, context.CancellationToken);
}
