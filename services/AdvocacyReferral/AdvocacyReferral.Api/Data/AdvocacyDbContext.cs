using IcsComplaints.AdvocacyReferral.Domain.Cases;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>The advocacy-referral database: advocacy services, cases known, referrals, consent grants, reviews and comments, outbox, inbox and audit trail.</summary>
public sealed class AdvocacyDbContext(DbContextOptions<AdvocacyDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every table.</summary>
    public const string Schema = "advocacy";

    /// <summary>Advocacy services.</summary>
    public DbSet<AdvocacyProvider> AdvocacyProviders => Set<AdvocacyProvider>();

    /// <summary>Cases, as the case service announced them.</summary>
    public DbSet<CaseReference> Cases => Set<CaseReference>();

    /// <summary>Referrals.</summary>
    public DbSet<Referral> Referrals => Set<Referral>();

    /// <summary>Consent grants.</summary>
    public DbSet<ConsentGrant> Grants => Set<ConsentGrant>();

    /// <summary>Reviews of drafts.</summary>
    public DbSet<ReviewTask> Reviews => Set<ReviewTask>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdvocacyDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class AdvocacyDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AdvocacyDbContext>
{
    /// <inheritdoc />
    public AdvocacyDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<AdvocacyDbContext>("Host=design-time", AdvocacyDbContext.Schema));
}
