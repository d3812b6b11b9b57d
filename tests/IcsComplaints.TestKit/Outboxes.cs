using IcsComplaints.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.TestKit;

/// <summary>What a service's outbox has published.</summary>
public static class Outboxes
{
    /// <summary>
    /// Waits until every message a service's outbox holds now has been published (and so captured), leaving aside
    /// parked rows and redeliveries scheduled for later: a test can then count what was published, or prove that
    /// something never was.
    /// </summary>
    public static async Task PublishedAsync<TDbContext>(IServiceProvider service, string because)
        where TDbContext : DbContext
    {
        async Task<T> Query<T>(Func<DbSet<OutboxMessage>, Task<T>> query)
        {
            await using var scope = service.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>());
        }
        var last = await Query(outbox => outbox.MaxAsync(m => (long?)m.Sequence));
        await Eventually.TrueAsync(
            async () => last is null || !await Query(outbox => outbox.AnyAsync(m =>
                m.Sequence <= last && m.ParkedAt == null && (m.AvailableAt == null || m.AvailableAt <= DateTimeOffset.UtcNow))),
            TimeSpan.FromSeconds(60), because);
    }
}
