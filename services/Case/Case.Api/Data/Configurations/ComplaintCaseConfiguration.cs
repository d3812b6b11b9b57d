using IcsComplaints.Case.Api.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Case.Api.Data.Configurations;

/// <summary>Table <c>case.cases</c>.</summary>
public sealed class ComplaintCaseConfiguration : IEntityTypeConfiguration<ComplaintCase>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ComplaintId).IsUnique();
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.HasIndex(c => c.ComplainantSubjectId);
    }
}
