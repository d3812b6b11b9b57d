using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Messaging.Outbox;

/// <summary>Operator endpoints: see parked outbox rows and put them back in the queue once the cause is fixed.</summary>
public static class OutboxAdminEndpoints
{
    /// <summary>A parked row, without its payload (which may describe a person's complaint).</summary>
    /// <param name="MessageId">MessageId.</param>
    /// <param name="MessageType">Message type name.</param>
    /// <param name="Attempts">Failed attempts.</param>
    /// <param name="LastError">Last failure.</param>
    /// <param name="CreatedAt">When written.</param>
    /// <param name="ParkedAt">When parked.</param>
    public sealed record ParkedMessage(Guid MessageId, string MessageType, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? ParkedAt);

    /// <summary>The outbox backlog.</summary>
    /// <param name="Pending">Rows waiting to be published.</param>
    /// <param name="Parked">Parked rows.</param>
    public sealed record OutboxStatus(int Pending, IReadOnlyList<ParkedMessage> Parked);

    /// <summary>Maps <c>GET /admin/outbox</c> and <c>POST /admin/outbox/{messageId}/requeue</c>, for platform administrators.</summary>
    public static RouteGroupBuilder MapOutboxAdmin<TDbContext>(this IEndpointRouteBuilder app)
        where TDbContext : DbContext
    {
        var group = app.MapGroup("/admin/outbox").WithTags("Operations").RequireAuthorization(Policies.PlatformAdmin);
        // The context is resolved by hand: route handler analysis cannot follow a generic parameter type.
        group.MapGet("", (HttpContext http, CancellationToken ct) => GetStatusAsync(Db<TDbContext>(http), ct));
        group.MapPost("/{messageId:guid}/requeue", (Guid messageId, HttpContext http, CancellationToken ct) => RequeueAsync(messageId, Db<TDbContext>(http), ct));
        return group;
    }

    private static DbContext Db<TDbContext>(HttpContext http)
        where TDbContext : DbContext => http.RequestServices.GetRequiredService<TDbContext>();

    private static async Task<Ok<OutboxStatus>> GetStatusAsync(DbContext db, CancellationToken ct)
    {
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        var pending = await outbox.CountAsync(m => m.ParkedAt == null, ct);
        var parked = await outbox.Where(m => m.ParkedAt != null).OrderBy(m => m.Sequence).Take(500)
            .Select(m => new ParkedMessage(m.MessageId, m.MessageType, m.Attempts, m.LastError, m.CreatedAt, m.ParkedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new OutboxStatus(pending, parked));
    }

    private static async Task<Results<NoContent, NotFound>> RequeueAsync(Guid messageId, DbContext db, CancellationToken ct)
    {
        var updated = await db.Set<OutboxMessage>()
            .Where(m => m.MessageId == messageId && m.ParkedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ParkedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.AvailableAt, (DateTimeOffset?)null), ct);
        return updated == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
