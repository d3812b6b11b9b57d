using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// <c>GET /api/v1/audit/{service}</c>: the audit trail of one service. A platform administrator sees all of it;
/// a quality lead sees the entries about their organisation's records and by their organisation's staff.
/// </summary>
public static class AuditApi
{

    /// <summary>Maps the endpoint for the service named <paramref name="service"/>.</summary>
    public static RouteHandlerBuilder MapAuditApi<TDbContext>(this IEndpointRouteBuilder app, string service)
        where TDbContext : DbContext =>
        app.MapGet($"/api/v1/audit/{service}",
                (Caller caller, HttpContext http, string? resourceId, DateTimeOffset? from, DateTimeOffset? to, int? take, CancellationToken ct) =>
                    QueryAsync(http.RequestServices.GetRequiredService<TDbContext>(), caller, resourceId, from, to, take, ct))
            .RequireAuthorization(Policies.AuditReaders)
            .WithTags("Audit");

    private static async Task<Ok<ItemList<AuditEntry>>> QueryAsync(
        DbContext db, Caller caller, string? resourceId, DateTimeOffset? from, DateTimeOffset? to, int? take, CancellationToken ct)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!caller.Has(Roles.PlatformAdmin))
        {
            var organisation = caller.OrganisationCode ?? "";
            entries = entries.Where(e => e.ResourceOrganisation == organisation || e.ActorOrganisation == organisation);
        }
        if (!string.IsNullOrWhiteSpace(resourceId))
        {
            entries = entries.Where(e => e.ResourceId == resourceId);
        }
        if (from is not null)
        {
            entries = entries.Where(e => e.At >= from);
        }
        if (to is not null)
        {
            entries = entries.Where(e => e.At < to);
        }
        var items = await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<AuditEntry>(items));
    }
}
