using IcsComplaints.AdvocacyReferral.Api.Cases;
using IcsComplaints.AdvocacyReferral.Api.Directory;
using IcsComplaints.AdvocacyReferral.Api.Referrals;
using IcsComplaints.AdvocacyReferral.Api.Reviews;
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
        modelBuilder.Entity<AdvocacyProvider>(b =>
        {
            b.ToTable("advocacy_services");
            b.HasKey(p => p.Code);
            b.Property(p => p.Code).HasMaxLength(9);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Phone).HasMaxLength(30);
            b.Property(p => p.Email).HasMaxLength(254);
            b.Property(p => p.Website).HasMaxLength(300);
            b.Property(p => p.Address).HasMaxLength(300);
            b.PrimitiveCollection(p => p.LocalAuthorityCodes);
            b.PrimitiveCollection(p => p.PostcodeDistricts);
            b.Property(p => p.Source).HasMaxLength(300);
        });
        modelBuilder.Entity<CaseReference>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.CaseId);
            b.Property(c => c.Reference).HasMaxLength(9);
            b.Property(c => c.OrganisationCode).HasMaxLength(9);
            b.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
            b.HasIndex(c => c.OrganisationCode);
        });
        modelBuilder.Entity<Referral>(b =>
        {
            b.HasKey(r => r.Id);
            b.Property(r => r.AdvocacyServiceCode).HasMaxLength(9);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.RequestedBy).HasMaxLength(20);
            b.Property(r => r.RequestedBySubject).HasMaxLength(200);
            b.Property(r => r.DeclineReason).HasMaxLength(2_000);
            b.Property(r => r.AdvocateSubjectId).HasMaxLength(200);
            b.Property(r => r.AdvocateName).HasMaxLength(200);
            b.HasIndex(r => r.CaseId);
            b.HasIndex(r => r.AdvocacyServiceCode);
        });
        modelBuilder.Entity<ConsentGrant>(b =>
        {
            b.ToTable("consent_grants");
            b.HasKey(g => g.Id);
            b.Property(g => g.AdvocacyServiceCode).HasMaxLength(9);
            b.Property(g => g.Evidence).HasConversion<string>().HasMaxLength(20);
            b.Property(g => g.RecordedBy).HasMaxLength(200);
            b.Property(g => g.EndReason).HasMaxLength(30);
            b.Property(g => g.EndedBy).HasMaxLength(200);
            b.Ignore(g => g.IsActive);
            // At most one grant in force per case and service.
            b.HasIndex(g => new { g.CaseId, g.AdvocacyServiceCode }).IsUnique().HasFilter("ended_on IS NULL");
        });
        modelBuilder.Entity<ReviewTask>(b =>
        {
            b.ToTable("reviews");
            b.HasKey(r => r.Id);
            b.Property(r => r.AdvocacyServiceCode).HasMaxLength(9);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.ClosedBy).HasMaxLength(200);
            // A redelivered DraftShared opens no second review.
            b.HasIndex(r => new { r.CaseId, r.Version, r.AdvocacyServiceCode }).IsUnique();
            b.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReviewComment>(b =>
        {
            b.ToTable("review_comments");
            b.HasKey(c => c.Id);
            b.Property(c => c.Section).HasMaxLength(30);
            b.Property(c => c.Text).HasMaxLength(10_000);
            b.Property(c => c.AuthorSubjectId).HasMaxLength(200);
            b.Property(c => c.AuthorName).HasMaxLength(200);
        });
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
