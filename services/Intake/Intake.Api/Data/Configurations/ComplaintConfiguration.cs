using IcsComplaints.Intake.Api.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Intake.Api.Data.Configurations;

/// <summary>Table <c>intake.complaints</c>.</summary>
public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.Property(c => c.PatientName).HasMaxLength(200);
        builder.Property(c => c.PatientNhsNumber).HasMaxLength(10);
        builder.Property(c => c.StatusSecretHash).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(c => c.Complainant, complainant =>
        {
            complainant.Property(p => p.Name).HasMaxLength(200);
            complainant.Property(p => p.Email).HasMaxLength(254);
            complainant.Property(p => p.Phone).HasMaxLength(16);
        });
    }
}

/// <summary>Table <c>intake.idempotency_records</c>.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(420);
        builder.Property(r => r.StatusSecret).HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Reference).HasMaxLength(9);
        builder.HasIndex(r => r.CreatedAt);
    }
}
