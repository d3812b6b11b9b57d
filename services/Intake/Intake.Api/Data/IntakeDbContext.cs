using IcsComplaints.Intake.Api.Complaints;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>The intake database: complaints as received, idempotency records, outbox and inbox.</summary>
public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every intake table.</summary>
    public const string Schema = "intake";

    /// <summary>Complaints.</summary>
    public DbSet<Complaint> Complaints => Set<Complaint>();

    /// <summary>First answers to keyed requests.</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

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
