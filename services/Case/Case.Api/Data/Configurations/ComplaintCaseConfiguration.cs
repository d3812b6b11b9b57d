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
        // One open case per complaint; a transfer closes one and opens another.
        builder.HasIndex(c => c.ComplaintId).IsUnique().HasFilter("stage <> 'Closed'");
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.HasIndex(c => c.ComplainantSubjectId);
        builder.Property(c => c.TransferredFromOrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Closure).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Outcome).HasMaxLength(20);
        builder.Ignore(c => c.OnHold);
    }
}
