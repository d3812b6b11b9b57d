using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features.CloseCase;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;

namespace IcsComplaints.AdvocacyReferral.Api.Consumers;

/// <summary>A closed case ends every consent grant on it at once (and with them the advocates' access).</summary>
public sealed class CaseClosedConsumer(InboxServices<AdvocacyDbContext> inbox, CloseCaseHandler closeCase) : IdempotentConsumer<CaseClosed, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<CaseClosed> context) =>
        closeCase.HandleAsync(context.Message.CaseId, context.Message.ClosedOn, context.CancellationToken);
}
