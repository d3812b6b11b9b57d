using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Learning.Domain.Training;
using IcsComplaints.Learning.Domain.Themes;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>The learning database: cases known, HCAT codings, learning actions, themes, self-assessments, outbox, inbox and audit trail.</summary>
public sealed class LearningDbContext(DbContextOptions<LearningDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every table.</summary>
    public const string Schema = "learning";

    /// <summary>Cases, as the case service announced them.</summary>
    public DbSet<LearningCase> Cases => Set<LearningCase>();

    /// <summary>HCAT codings.</summary>
    public DbSet<HcatCoding> Codings => Set<HcatCoding>();

    /// <summary>Learning actions.</summary>
    public DbSet<LearningAction> Actions => Set<LearningAction>();

    /// <summary>Themes detected.</summary>
    public DbSet<Theme> Themes => Set<Theme>();

    /// <summary>Self-assessments.</summary>
    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    /// <summary>Staff on the organisations' training registers, with the courses they completed.</summary>
    public DbSet<StaffTraining> StaffTraining => Set<StaffTraining>();

    /// <summary>Final responses drawn into quality samples, and their ratings.</summary>
    public DbSet<ResponseReview> ResponseReviews => Set<ResponseReview>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LearningDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class LearningDbContextDesignTimeFactory : IDesignTimeDbContextFactory<LearningDbContext>
{
    /// <inheritdoc />
    public LearningDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<LearningDbContext>("Host=design-time", LearningDbContext.Schema));
}
