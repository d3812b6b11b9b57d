using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>
/// The intake database: complaints as received with their routing and decisions, informal concerns, the
/// organisation directory, idempotency records, the keys that protect what they hold, outbox, inbox and audit trail.
/// </summary>
public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Schema of every intake table.</summary>
    public const string Schema = "intake";

    /// <summary>Complaints.</summary>
    public DbSet<Complaint> Complaints => Set<Complaint>();

    /// <summary>First answers to keyed requests.</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>Pairs of complaints that may be the same matter (either/or).</summary>
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();

    /// <summary>Letters owed because of routing decisions.</summary>
    public DbSet<ComplaintNotification> ComplaintNotifications => Set<ComplaintNotification>();

    /// <summary>Everyday conversations and oral complaints resolved by the next working day.</summary>
    public DbSet<InformalConcern> InformalConcerns => Set<InformalConcern>();

    /// <summary>The organisation directory.</summary>
    public DbSet<DirectoryOrganisation> Organisations => Set<DirectoryOrganisation>();

    /// <summary>Data Protection keys, shared by every instance of the service (see <see cref="IdempotencyRecord.ProtectedStatusSecret"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who commissioned whom, when.</summary>
    public DbSet<CommissioningRelationship> CommissioningRelationships => Set<CommissioningRelationship>();

    /// <summary>CSV files of complaints uploaded over REST.</summary>
    public DbSet<ComplaintImportJob> ImportJobs => Set<ComplaintImportJob>();

    /// <summary>The rows of those files and what became of each.</summary>
    public DbSet<ComplaintImportRow> ImportRows => Set<ComplaintImportRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class IntakeDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    /// <inheritdoc />
    public IntakeDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<IntakeDbContext>("Host=design-time", IntakeDbContext.Schema));
}
