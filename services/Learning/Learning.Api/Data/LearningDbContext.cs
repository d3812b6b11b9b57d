using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.SelfAssessments;
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

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<LearningCase>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.CaseId);
            b.Property(c => c.Reference).HasMaxLength(12);
            b.Property(c => c.OrganisationCode).HasMaxLength(9);
            b.Property(c => c.Outcome).HasMaxLength(40);
            b.PrimitiveCollection(c => c.SubjectAreas);
            b.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        });
        modelBuilder.Entity<HcatCoding>(b =>
        {
            b.ToTable("hcat_codings");
            b.HasKey(x => x.Id);
            b.Property(x => x.OrganisationCode).HasMaxLength(9);
            b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.CoderSubjectId).HasMaxLength(200);
            b.PrimitiveCollection(x => x.StagesOfCare);
            // One coding per person per case and subject; a second person's is the independent one.
            b.HasIndex(x => new { x.CaseId, x.Subject, x.CoderSubjectId }).IsUnique();
            b.HasIndex(x => new { x.CaseId, x.Subject, x.Independent }).IsUnique();
            b.HasIndex(x => x.OrganisationCode);
        });
        modelBuilder.Entity<LearningAction>(b =>
        {
            b.ToTable("actions");
            b.HasKey(a => a.Id);
            b.Property(a => a.OrganisationCode).HasMaxLength(9);
            b.Property(a => a.WhatWillChange).HasMaxLength(2_000);
            b.Property(a => a.Owner).HasMaxLength(200);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.RaisedBy).HasMaxLength(200);
            b.Property(a => a.Evidence).HasMaxLength(4_000);
            b.Property(a => a.YouSaid).HasMaxLength(1_000);
            b.Property(a => a.WeDid).HasMaxLength(1_000);
            b.HasIndex(a => new { a.OrganisationCode, a.Status, a.DueOn });
        });
        modelBuilder.Entity<Theme>(b =>
        {
            b.ToTable("themes");
            b.HasKey(t => t.Id);
            b.Property(t => t.IcbCode).HasMaxLength(9);
            b.Property(t => t.OrganisationCode).HasMaxLength(9);
            b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Dimension).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Code).HasMaxLength(100);
            b.Property(t => t.Month).HasMaxLength(7);
            b.Property(t => t.ShareMessage).HasMaxLength(4_000);
            b.PrimitiveCollection(t => t.MonthlyObserved);
            b.PrimitiveCollection(t => t.MonthlyTotals);
            b.PrimitiveCollection(t => t.SharedWith);
            // Detection runs daily and on demand: a theme is recorded once per month examined.
            b.HasIndex(t => new { t.IcbCode, t.Scope, t.OrganisationCode, t.Dimension, t.Code, t.Month }).IsUnique();
            b.HasMany(t => t.Contributions).WithOne().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ThemeContribution>(b =>
        {
            b.ToTable("theme_contributions");
            b.HasKey(c => c.Id);
            b.Property(c => c.OrganisationCode).HasMaxLength(9);
        });
        modelBuilder.Entity<SelfAssessment>(b =>
        {
            b.ToTable("self_assessments");
            b.HasKey(a => a.Id);
            b.Property(a => a.OrganisationCode).HasMaxLength(9);
            b.Property(a => a.OrganisationType).HasMaxLength(30);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.SubmittedBy).HasMaxLength(200);
            // One assessment a year.
            b.HasIndex(a => new { a.OrganisationCode, a.Year }).IsUnique();
            b.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SelfAssessmentRating>(b =>
        {
            b.ToTable("self_assessment_ratings");
            b.HasKey(r => r.Id);
            b.Property(r => r.ExpectationId).HasMaxLength(10);
            b.Property(r => r.Evidence).HasMaxLength(4_000);
            b.Property(r => r.ImprovementActions).HasMaxLength(4_000);
            b.HasIndex(r => new { r.AssessmentId, r.ExpectationId }).IsUnique();
        });
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
