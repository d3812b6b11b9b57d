using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Features.ProjectEvent;
using MassTransit;

namespace IcsComplaints.Reporting.Api.Consumers;

/// <summary>Logs an event and projects it, in the inbox's transaction: the log and the read models never disagree.</summary>
/// <typeparam name="T">The event.</typeparam>
public abstract class LoggedConsumer<T>(InboxServices<ReportingDbContext> inbox, TimeProvider time) : IdempotentConsumer<T, ReportingDbContext>(inbox)
    where T : class
{
    /// <inheritdoc />
    protected override Task HandleAsync(ConsumeContext<T> context) =>
        ProjectEventHandler.HandleAsync(Db, context.MessageId!.Value, context.Message, time.GetUtcNow(), context.CancellationToken);
}
