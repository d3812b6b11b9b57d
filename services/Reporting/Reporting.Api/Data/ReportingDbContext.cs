using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Reporting.Domain.Facts;
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
        ["case_facts", "complaint_facts", "missed_deadlines", "staff_facts", "survey_answers", "theme_facts", "action_facts", "concern_facts", "transfer_facts"];

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

    /// <summary>Complaints made to an ICB about a provider, and their transfers.</summary>
    public DbSet<TransferFact> Transfers => Set<TransferFact>();

    /// <summary>Everyday concerns.</summary>
    public DbSet<ConcernFact> Concerns => Set<ConcernFact>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
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
