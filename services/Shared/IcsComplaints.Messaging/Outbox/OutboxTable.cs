using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Messaging.Outbox;

/// <summary>Where a service's outbox and inbox live, read from its EF Core model.</summary>
/// <param name="Name">Schema-qualified outbox table.</param>
/// <param name="InboxName">Schema-qualified inbox table.</param>
/// <param name="Channel">LISTEN/NOTIFY channel.</param>
/// <param name="ConnectionString">Connection string of the service database.</param>
public sealed record OutboxTable(string Name, string InboxName, string Channel, string ConnectionString)
{
    /// <summary>Reads the table names and connection of <typeparamref name="TDbContext"/>.</summary>
    public static OutboxTable For<TDbContext>(IServiceScopeFactory scopes)
        where TDbContext : DbContext
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return For(db);
    }

    /// <summary>Reads the table names and connection of a context instance.</summary>
    public static OutboxTable For(DbContext db)
    {
        var schema = db.Model.FindEntityType(typeof(OutboxMessage))?.GetSchema()
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox: call modelBuilder.AddOutboxAndInbox().");
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no connection string.");
        return new OutboxTable(
            $"\"{schema}\".{OutboxModel.OutboxTable}", $"\"{schema}\".{OutboxModel.InboxTable}", OutboxModel.NotifyChannel(schema), connectionString);
    }
}
