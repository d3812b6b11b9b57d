using IcsComplaints.Learning.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.cases</c>.</summary>
public sealed class LearningCaseConfiguration : IEntityTypeConfiguration<LearningCase>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<LearningCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.Reference).HasMaxLength(12);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Outcome).HasMaxLength(40);
        builder.PrimitiveCollection(c => c.SubjectAreas);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        // The letters an organisation sent in a period, for its quality lead's sample.
        builder.HasIndex(c => new { c.OrganisationCode, c.FinalResponseSentOn });
    }
}
