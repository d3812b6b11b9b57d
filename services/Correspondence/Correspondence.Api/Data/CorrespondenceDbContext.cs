using IcsComplaints.Correspondence.Domain.Cases;
using IcsComplaints.Correspondence.Domain.Consents;
using IcsComplaints.Correspondence.Domain.Complaints;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Documents.Storage;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>The correspondence database: cases and complaints known, messages owed and sent, advocacy consents, staff to tell, outbox, inbox and audit trail.</summary>
public sealed class CorrespondenceDbContext(DbContextOptions<CorrespondenceDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every table.</summary>
    public const string Schema = "correspondence";

    /// <summary>Cases, as the case service announced them.</summary>
    public DbSet<KnownCase> Cases => Set<KnownCase>();

    /// <summary>Messages queued, sent, failed or deliberately not sent.</summary>
    public DbSet<SentMessage> Messages => Set<SentMessage>();

    /// <summary>Advocacy consents, as the advocacy-referral service announced them.</summary>
    public DbSet<AdvocacyConsent> AdvocacyConsents => Set<AdvocacyConsent>();
    /// <summary>Staff complained about, as the case service announced them: whom to tell, never their details.</summary>
    public DbSet<StaffToTell> StaffToTell => Set<StaffToTell>();

    /// <summary>Complaints, as intake announced them: what the messages owed before a case quote (ADR 37).</summary>
    public DbSet<KnownComplaint> Complaints => Set<KnownComplaint>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CorrespondenceDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
        // Copies of the letters as sent, shown on the case as documents (ADR 43).
        modelBuilder.AddDocumentContents();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class CorrespondenceDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CorrespondenceDbContext>
{
    /// <inheritdoc />
    public CorrespondenceDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<CorrespondenceDbContext>("Host=design-time", CorrespondenceDbContext.Schema));
}
