using System.Text.Json;
using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Case.Api.Data.Configurations;

/// <summary>Table <c>case.cases</c> and the tables of its records.</summary>
public sealed class ComplaintCaseConfiguration : IEntityTypeConfiguration<ComplaintCase>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        // One open case per complaint; a transfer closes one and opens another.
        builder.HasIndex(c => c.ComplaintId).IsUnique().HasFilter("stage <> 'Closed'");
        // Every case of a complaint, closed ones included: the partial index above cannot serve "is there any case of
        // this complaint", which each submission and each intake decision asks, so without this one PostgreSQL read
        // the whole table for every complaint, slower as the table grew.
        builder.HasIndex(c => c.ComplaintId, "ix_cases_complaint_id_all").HasDatabaseName("ix_cases_complaint_id_all");
        // The deadline scan's pages (DeadlineScanStore.AwaitingResponseAsync): only the cases still awaiting their final
        // response, in identifier order, so a page costs the same however many closed cases the table holds. The
        // filter is written as EF Core writes the scan's WHERE clause, for PostgreSQL to match the two.
        builder.HasIndex(c => c.Id, "ix_cases_awaiting_response").HasDatabaseName("ix_cases_awaiting_response")
            .HasFilter("stage NOT IN ('Closed', 'FinalResponseSent', 'ReferredToOmbudsman')");
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(c => c.Stage);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.HasIndex(c => c.ComplainantSubjectId);
        builder.Property(c => c.TransferredFromOrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Closure).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AcknowledgementChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.FinalResponseChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.EscalationReason).HasMaxLength(2_000);
        builder.Property(c => c.DelayLetterReasons).HasMaxLength(2_000);
        builder.Property(c => c.ReopenReason).HasMaxLength(2_000);
        builder.Property(c => c.OmbudsmanReference).HasMaxLength(50);
        builder.Property(c => c.Handler).AsJson();
        builder.Property(c => c.Investigator).AsJson();
        builder.Property(c => c.ResponsiblePerson).AsJson();
        builder.Property(c => c.SigningDelegate).AsJson();
        builder.Property(c => c.Plan).AsJson();
        builder.Property(c => c.ConflictCheck).AsJson();
        builder.Property(c => c.Draft).AsJson();
        builder.Property(c => c.EarlyResolution).AsJson();
        builder.Property(c => c.Signature).AsJson();
        builder.Property(c => c.Coding).AsJson();
        builder.Ignore(c => c.OnHold);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.IsPaused);
        builder.HasMany(c => c.Agreements).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Pauses).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Staff).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contributions).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Surveys).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Reviews).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The records a case keeps in their own tables.</summary>
public sealed class CaseRecordConfiguration :
    IEntityTypeConfiguration<ResponseDateAgreement>, IEntityTypeConfiguration<ClockPause>, IEntityTypeConfiguration<ContactLogEntry>,
    IEntityTypeConfiguration<StaffInvolved>, IEntityTypeConfiguration<Contribution>, IEntityTypeConfiguration<SurveyResponse>,
    IEntityTypeConfiguration<DeadlineAlert>, IEntityTypeConfiguration<DraftReview>, IEntityTypeConfiguration<DraftSnapshot>,
    IEntityTypeConfiguration<SurveyInvitation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DraftReview> builder)
    {
        builder.ToTable("draft_reviews");
        builder.Property(r => r.ReviewerCode).HasMaxLength(9);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ContributorComment).HasMaxLength(10_000);
        builder.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.CaseId, r.Version, r.ReviewerCode }).IsUnique();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DraftSnapshot> builder)
    {
        builder.ToTable("draft_snapshots");
        builder.HasKey(s => new { s.CaseId, s.Version });
        builder.Property(s => s.Draft).AsJson();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ResponseDateAgreement> builder)
    {
        builder.ToTable("response_date_agreements");
        builder.Property(a => a.Reason).HasMaxLength(2_000);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ClockPause> builder)
    {
        builder.ToTable("clock_pauses");
        builder.Property(p => p.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Detail).HasMaxLength(200);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ContactLogEntry> builder)
    {
        builder.ToTable("contacts");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(2_000);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StaffInvolved> builder)
    {
        builder.ToTable("staff_involved");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Role).HasMaxLength(200);
        builder.Property(s => s.WorkEmail).HasMaxLength(IcsComplaints.Validation.EmailRules.MaxLength);
        builder.Property(s => s.SupportOffered).HasMaxLength(2_000);
        builder.Property(s => s.Comments).HasMaxLength(10_000);
        builder.Property(s => s.CommentsUse).HasMaxLength(2_000);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("contributions");
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.HasIndex(c => new { c.CaseId, c.OrganisationCode }).IsUnique();
        builder.HasIndex(c => c.OrganisationCode);
        builder.Property(c => c.Text).HasMaxLength(20_000);
        builder.Property(c => c.SignedOffBy).HasMaxLength(200);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Answers).AsJson();
        builder.Property(s => s.Comment).HasMaxLength(2_000);
        // Every survey of a case is read with it, so its own index stays beside the partial one below.
        builder.HasIndex(s => s.CaseId);
        // The complainant answers once, however many links were sent and however fast they are used.
        builder.HasIndex(s => new { s.CaseId, s.Kind }).IsUnique().HasFilter("kind = 'Complainant'");
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DeadlineAlert> builder)
    {
        builder.ToTable("deadline_alerts");
        builder.Property(a => a.Deadline).HasMaxLength(30);
        builder.Property(a => a.Level).HasMaxLength(20);
        builder.HasIndex(a => new { a.CaseId, a.Deadline, a.DueOn, a.Level }).IsUnique();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("survey_invitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.CodeHash).HasMaxLength(32);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => i.CaseId);
    }
}

/// <summary>Stores a value object as <c>jsonb</c>: read and written whole, compared by its JSON.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the property to a <c>jsonb</c> column.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
        property.HasColumnType("jsonb");
        return property;
    }
}
