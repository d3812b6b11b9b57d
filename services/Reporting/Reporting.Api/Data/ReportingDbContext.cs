using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>The reporting database: the event log, the read models built from it, outbox, inbox and audit trail.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every table.</summary>
    public const string Schema = "reporting";

    /// <summary>Read-model tables, emptied and refilled by a rebuild (never the event log).</summary>
    public static readonly string[] ReadModelTables =
        ["case_facts", "complaint_facts", "missed_deadlines", "staff_facts", "survey_answers", "theme_facts", "action_facts", "concern_facts"];

    /// <summary>Every event consumed, in order.</summary>
    public DbSet<LoggedEvent> EventLog => Set<LoggedEvent>();

    /// <summary>Cases.</summary>
    public DbSet<CaseFact> Cases => Set<CaseFact>();

    /// <summary>Complaints (channel).</summary>
    public DbSet<ComplaintFact> Complaints => Set<ComplaintFact>();

    /// <summary>Missed deadlines.</summary>
    public DbSet<MissedDeadline> MissedDeadlines => Set<MissedDeadline>();

    /// <summary>Staff complained about.</summary>
    public DbSet<StaffFact> Staff => Set<StaffFact>();

    /// <summary>Survey answers.</summary>
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    /// <summary>Themes.</summary>
    public DbSet<ThemeFact> Themes => Set<ThemeFact>();

    /// <summary>Learning actions.</summary>
    public DbSet<ActionFact> Actions => Set<ActionFact>();

    /// <summary>Everyday concerns.</summary>
    public DbSet<ConcernFact> Concerns => Set<ConcernFact>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<LoggedEvent>(b =>
        {
            b.ToTable("event_log");
            b.HasKey(e => e.Id);
            b.Property(e => e.Type).HasMaxLength(300);
            b.Property(e => e.Body).HasColumnType("jsonb");
            b.HasIndex(e => e.MessageId).IsUnique();
        });
        modelBuilder.Entity<CaseFact>(b =>
        {
            b.ToTable("case_facts");
            b.HasKey(c => c.CaseId);
            b.Property(c => c.OrganisationCode).HasMaxLength(9);
            b.Property(c => c.Outcome).HasMaxLength(30);
            b.Property(c => c.Closure).HasMaxLength(30);
            b.Property(c => c.ServiceArea).HasMaxLength(100);
            b.Property(c => c.SiteOdsCode).HasMaxLength(9);
            b.Property(c => c.AgeBand).HasMaxLength(30);
            b.Property(c => c.ComplainantStatus).HasMaxLength(60);
            b.PrimitiveCollection(c => c.Subjects);
            b.PrimitiveCollection(c => c.Professions);
            b.PrimitiveCollection(c => c.ClinicalSubCategories);
            // Dashboards and returns read one organisation's (or an ICB's providers') cases by month.
            b.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
            b.HasIndex(c => new { c.OrganisationCode, c.ResponseSentOn });
            b.HasIndex(c => new { c.OrganisationCode, c.OmbudsmanOn });
            b.HasIndex(c => c.ComplaintId);
            b.Property(c => c.Channel).HasMaxLength(20);
        });
        modelBuilder.Entity<ComplaintFact>(b =>
        {
            b.ToTable("complaint_facts");
            b.HasKey(c => c.ComplaintId);
            b.Property(c => c.Channel).HasMaxLength(20);
        });
        modelBuilder.Entity<MissedDeadline>(b =>
        {
            b.ToTable("missed_deadlines");
            b.HasKey(m => m.Id);
            b.Property(m => m.OrganisationCode).HasMaxLength(9);
            b.Property(m => m.Deadline).HasMaxLength(30);
            b.HasIndex(m => new { m.CaseId, m.Deadline, m.DueOn }).IsUnique();
            b.HasIndex(m => m.OrganisationCode);
        });
        modelBuilder.Entity<StaffFact>(b =>
        {
            b.ToTable("staff_facts");
            b.HasKey(s => new { s.CaseId, s.StaffId });
            b.Property(s => s.OrganisationCode).HasMaxLength(9);
        });
        modelBuilder.Entity<SurveyAnswer>(b =>
        {
            b.ToTable("survey_answers");
            b.HasKey(s => s.Id);
            b.Property(s => s.OrganisationCode).HasMaxLength(9);
            b.Property(s => s.Kind).HasMaxLength(20);
            b.Property(s => s.Question).HasMaxLength(60);
            b.Property(s => s.Answer).HasMaxLength(20);
            b.HasIndex(s => new { s.OrganisationCode, s.Month });
        });
        modelBuilder.Entity<ThemeFact>(b =>
        {
            b.ToTable("theme_facts");
            b.HasKey(t => t.ThemeId);
            b.Property(t => t.IcbCode).HasMaxLength(9);
            b.Property(t => t.OrganisationCode).HasMaxLength(9);
            b.Property(t => t.Dimension).HasMaxLength(20);
            b.Property(t => t.Code).HasMaxLength(100);
        });
        modelBuilder.Entity<ActionFact>(b =>
        {
            b.ToTable("action_facts");
            b.HasKey(a => a.ActionId);
            b.Property(a => a.OrganisationCode).HasMaxLength(9);
        });
        modelBuilder.Entity<ConcernFact>(b =>
        {
            b.ToTable("concern_facts");
            b.HasKey(c => c.Id);
            b.Property(c => c.OrganisationCode).HasMaxLength(9);
            b.Property(c => c.Channel).HasMaxLength(20);
            b.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        });
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class ReportingDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ReportingDbContext>
{
    /// <inheritdoc />
    public ReportingDbContext CreateDbContext(string[] args) =>
        new(ServiceDefaults.DatabaseExtensions.OptionsFor<ReportingDbContext>("Host=design-time", ReportingDbContext.Schema));
}
