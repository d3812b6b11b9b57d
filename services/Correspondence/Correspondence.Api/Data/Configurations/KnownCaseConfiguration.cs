using IcsComplaints.Correspondence.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Correspondence.Api.Data.Configurations;

/// <summary>Table <c>correspondence.cases</c>.</summary>
public sealed class KnownCaseConfiguration : IEntityTypeConfiguration<KnownCase>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<KnownCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.Reference).HasMaxLength(12);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
    }
}
