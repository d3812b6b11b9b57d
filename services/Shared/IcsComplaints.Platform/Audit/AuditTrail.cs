using IcsComplaints.Platform.Correlation;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IcsComplaints.Platform.Audit;

/// <summary>
/// One read or change of personal data by a user or system: who, for which organisation, when, what, and through
/// which route. Append-only: the database refuses updates and deletes (see <see cref="AuditModel"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Sequence.</summary>
    public long Id { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Subject of the token (user or client id).</summary>
    public required string ActorId { get; init; }

    /// <summary>Organisation the actor acted for.</summary>
    public string? ActorOrganisation { get; init; }

    /// <summary>The actor's roles, comma-separated.</summary>
    public required string ActorRoles { get; init; }

    /// <summary>Read, Create or Update.</summary>
    public required AuditAction Action { get; init; }

    /// <summary>Kind of record (complaint, case).</summary>
    public required string ResourceType { get; init; }

    /// <summary>Its identifier.</summary>
    public required string ResourceId { get; init; }

    /// <summary>Organisation whose record it is.</summary>
    public string? ResourceOrganisation { get; init; }

    /// <summary>HTTP method and route template, or gRPC method; with " for {purpose}" when a service said why it read (ADR 36).</summary>
    public required string Route { get; init; }

    /// <summary>Correlation id of the request.</summary>
    public string? CorrelationId { get; init; }
}

/// <summary>What was done.</summary>
public enum AuditAction
{
    /// <summary>Personal data was shown.</summary>
    Read = 1,

    /// <summary>Personal data was recorded.</summary>
    Create = 2,

    /// <summary>Personal data was changed.</summary>
    Update = 3,

    /// <summary>An account was locked (identity: after repeated wrong passwords).</summary>
    Lock = 4,

    /// <summary>A lock on an account was lifted (identity: by an administrator, or by signing in after it ended).</summary>
    Unlock = 5,
}

/// <summary>Records access to personal data.</summary>
public interface IAuditTrail
{
    /// <summary>Adds an entry to the current unit of work: it commits with the change it describes.</summary>
    void Record(AuditAction action, string resourceType, string resourceId, string? resourceOrganisation);

    /// <summary>Records a read at once (a read has no transaction of its own to join).</summary>
    Task RecordReadAsync(string resourceType, string resourceId, string? resourceOrganisation, CancellationToken cancellationToken);

    /// <summary>Records at once a read a service made for a stated purpose (the letter it was sending), kept with the route.</summary>
    Task RecordReadAsync(string resourceType, string resourceId, string? resourceOrganisation, string purpose, CancellationToken cancellationToken);
}

/// <summary>The audit trail in the service's own database.</summary>
public sealed class EfAuditTrail<TDbContext>(TDbContext db, IHttpContextAccessor http, TimeProvider time) : IAuditTrail
    where TDbContext : DbContext
{
    /// <inheritdoc />
    public void Record(AuditAction action, string resourceType, string resourceId, string? resourceOrganisation) =>
        Record(action, resourceType, resourceId, resourceOrganisation, purpose: null);

    /// <inheritdoc />
    public async Task RecordReadAsync(string resourceType, string resourceId, string? resourceOrganisation, CancellationToken cancellationToken)
    {
        Record(AuditAction.Read, resourceType, resourceId, resourceOrganisation);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordReadAsync(string resourceType, string resourceId, string? resourceOrganisation, string purpose, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        Record(AuditAction.Read, resourceType, resourceId, resourceOrganisation, purpose);
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Record(AuditAction action, string resourceType, string resourceId, string? resourceOrganisation, string? purpose)
    {
        var context = http.HttpContext;
        var caller = Caller.From(context?.User);
        var route = context?.GetEndpoint() is RouteEndpoint endpoint
            ? $"{context.Request.Method} {endpoint.RoutePattern.RawText}"
            : context is null ? "message" : $"{context.Request.Method} {context.Request.Path}";
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = caller.IsAuthenticated ? caller.SubjectId : "anonymous",
            ActorOrganisation = caller.OrganisationCode,
            ActorRoles = string.Join(',', caller.Roles.Order(StringComparer.Ordinal)),
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            ResourceOrganisation = resourceOrganisation,
            Route = purpose is null ? route : $"{route} for {purpose}",
            CorrelationId = CorrelationContext.CorrelationId,
        });
    }
}

/// <summary>Adds the audit table to a service's model and makes it append-only in its migrations.</summary>
public static class AuditModel
{
    /// <summary>Table name.</summary>
    public const string Table = "audit_entries";

    /// <summary>Maps <see cref="AuditEntry"/> in the context's default schema.</summary>
    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable(Table);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).UseIdentityAlwaysColumn();
            b.Property(e => e.ActorId).HasMaxLength(200);
            b.Property(e => e.ActorOrganisation).HasMaxLength(20);
            b.Property(e => e.ActorRoles).HasMaxLength(500);
            b.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
            b.Property(e => e.ResourceType).HasMaxLength(50);
            b.Property(e => e.ResourceId).HasMaxLength(100);
            b.Property(e => e.ResourceOrganisation).HasMaxLength(20);
            b.Property(e => e.Route).HasMaxLength(300);
            b.Property(e => e.CorrelationId).HasMaxLength(64);
            b.HasIndex(e => new { e.ResourceType, e.ResourceId });
            b.HasIndex(e => e.At);
        });
        return modelBuilder;
    }

    /// <summary>Makes the audit table refuse UPDATE, DELETE and TRUNCATE. Call it from the migration that creates it.</summary>
    public static MigrationBuilder MakeAuditTrailAppendOnly(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "{schema}".refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The audit trail is append-only';
            END $$;
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "{schema}".{Table}
                FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse_audit_change();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "{schema}".{Table}
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".refuse_audit_change();
            """);
        return migrationBuilder;
    }

    /// <summary>Removes the function behind <see cref="MakeAuditTrailAppendOnly"/> (its triggers go with the table).</summary>
    public static MigrationBuilder DropAuditTrailAppendOnly(this MigrationBuilder migrationBuilder, string schema)
    {
        migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{schema}".refuse_audit_change();""");
        return migrationBuilder;
    }
}

/// <summary>Names of audited record types.</summary>
public static class AuditResources
{
    /// <summary>A complaint as received (intake).</summary>
    public const string Complaint = "complaint";

    /// <summary>A case (case).</summary>
    public const string Case = "case";

    /// <summary>A file on a case, or the list of a case's files (case).</summary>
    public const string CaseDocument = "case-document";

    /// <summary>A copy of a letter as sent (correspondence).</summary>
    public const string LetterCopy = "letter-copy";

    /// <summary>An everyday conversation or resolved oral complaint (intake).</summary>
    public const string Concern = "concern";

    /// <summary>A bulk import of historical complaints (intake).</summary>
    public const string Import = "import";
}

/// <summary>Registration of the audit trail.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Records audit entries in <typeparamref name="TDbContext"/> (whose model calls <see cref="AuditModel.AddAuditTrail"/>).</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAuditTrail<TDbContext>(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        where TDbContext : DbContext =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<IAuditTrail, EfAuditTrail<TDbContext>>(services);
}
