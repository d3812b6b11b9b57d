using IcsComplaints.Reporting.Domain.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Reporting.Api.Data.Configurations;

/// <summary>Table <c>reporting.case_facts</c>.</summary>
public sealed class CaseFactConfiguration : IEntityTypeConfiguration<CaseFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CaseFact> builder)
    {
        builder.ToTable("case_facts");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Outcome).HasMaxLength(30);
        builder.Property(c => c.Closure).HasMaxLength(30);
        builder.Property(c => c.ServiceArea).HasMaxLength(100);
        builder.Property(c => c.SiteOdsCode).HasMaxLength(9);
        builder.Property(c => c.AgeBand).HasMaxLength(30);
        builder.Property(c => c.ComplainantStatus).HasMaxLength(60);
        builder.PrimitiveCollection(c => c.Subjects);
        builder.PrimitiveCollection(c => c.Professions);
        builder.PrimitiveCollection(c => c.ClinicalSubCategories);
        // Dashboards and returns read one organisation's (or an ICB's providers') cases by month.
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        builder.HasIndex(c => new { c.OrganisationCode, c.ResponseSentOn });
        builder.HasIndex(c => new { c.OrganisationCode, c.OmbudsmanOn });
        builder.HasIndex(c => c.ComplaintId);
        builder.Property(c => c.Channel).HasMaxLength(20);
    }
}

/// <summary>Table <c>reporting.complaint_facts</c>.</summary>
public sealed class ComplaintFactConfiguration : IEntityTypeConfiguration<ComplaintFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintFact> builder)
    {
        builder.ToTable("complaint_facts");
        builder.HasKey(c => c.ComplaintId);
        builder.Property(c => c.Channel).HasMaxLength(20);
    }
}

/// <summary>Table <c>reporting.missed_deadlines</c>.</summary>
public sealed class MissedDeadlineConfiguration : IEntityTypeConfiguration<MissedDeadline>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<MissedDeadline> builder)
    {
        builder.ToTable("missed_deadlines");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.OrganisationCode).HasMaxLength(9);
        builder.Property(m => m.Deadline).HasMaxLength(30);
        builder.HasIndex(m => new { m.CaseId, m.Deadline, m.DueOn }).IsUnique();
        builder.HasIndex(m => m.OrganisationCode);
    }
}

/// <summary>Table <c>reporting.staff_facts</c>.</summary>
public sealed class StaffFactConfiguration : IEntityTypeConfiguration<StaffFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StaffFact> builder)
    {
        builder.ToTable("staff_facts");
        builder.HasKey(s => new { s.CaseId, s.StaffId });
        builder.Property(s => s.OrganisationCode).HasMaxLength(9);
    }
}

/// <summary>Table <c>reporting.survey_answers</c>.</summary>
public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("survey_answers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.OrganisationCode).HasMaxLength(9);
        builder.Property(s => s.Kind).HasMaxLength(20);
        builder.Property(s => s.Question).HasMaxLength(60);
        builder.Property(s => s.Answer).HasMaxLength(20);
        builder.HasIndex(s => new { s.OrganisationCode, s.Month });
    }
}

/// <summary>Table <c>reporting.theme_facts</c>.</summary>
public sealed class ThemeFactConfiguration : IEntityTypeConfiguration<ThemeFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ThemeFact> builder)
    {
        builder.ToTable("theme_facts");
        builder.HasKey(t => t.ThemeId);
        builder.Property(t => t.IcbCode).HasMaxLength(9);
        builder.Property(t => t.OrganisationCode).HasMaxLength(9);
        builder.Property(t => t.Dimension).HasMaxLength(20);
        builder.Property(t => t.Code).HasMaxLength(100);
    }
}

/// <summary>Table <c>reporting.action_facts</c>.</summary>
public sealed class ActionFactConfiguration : IEntityTypeConfiguration<ActionFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ActionFact> builder)
    {
        builder.ToTable("action_facts");
        builder.HasKey(a => a.ActionId);
        builder.Property(a => a.OrganisationCode).HasMaxLength(9);
    }
}

/// <summary>Table <c>reporting.concern_facts</c>.</summary>
public sealed class ConcernFactConfiguration : IEntityTypeConfiguration<ConcernFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ConcernFact> builder)
    {
        builder.ToTable("concern_facts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        builder.HasIndex(c => c.ConcernId).IsUnique().HasFilter("concern_id IS NOT NULL");
    }
}

/// <summary>Table <c>reporting.transfer_facts</c>.</summary>
public sealed class TransferFactConfiguration : IEntityTypeConfiguration<TransferFact>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TransferFact> builder)
    {
        builder.ToTable("transfer_facts");
        builder.HasKey(t => t.ComplaintId);
        builder.Property(t => t.IcbCode).HasMaxLength(9);
        builder.Property(t => t.ToOrganisationCode).HasMaxLength(9);
        // The transfers view reads one ICB's complaints.
        builder.HasIndex(t => t.IcbCode);
    }
}
