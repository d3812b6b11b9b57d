using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Documents;
using IcsComplaints.Documents.Storage;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Case.Api.Data;

/// <summary>The case database: cases and their records, files on cases, organisation settings, deadline alerts, outbox, inbox and audit trail.</summary>
public sealed class CaseDbContext(DbContextOptions<CaseDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every case table.</summary>
    public const string Schema = "case";

    /// <summary>Cases.</summary>
    public DbSet<ComplaintCase> Cases => Set<ComplaintCase>();

    /// <summary>Deadline alerts already raised.</summary>
    public DbSet<DeadlineAlert> DeadlineAlerts => Set<DeadlineAlert>();

    /// <summary>Drafts as they were when shared for review.</summary>
    public DbSet<DraftSnapshot> DraftSnapshots => Set<DraftSnapshot>();

    /// <summary>Links to the complainant's experience survey, by the hash of their code.</summary>
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    /// <summary>Files on cases; their bytes are in the content store (ADR 43).</summary>
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();

    /// <summary>Per-organisation settings of the procedure.</summary>
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
        // The bytes of files, when the service keeps them in its own database (the default).
        modelBuilder.AddDocumentContents();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class CaseDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CaseDbContext>
{
    /// <inheritdoc />
    public CaseDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<CaseDbContext>("Host=design-time", CaseDbContext.Schema));
}
