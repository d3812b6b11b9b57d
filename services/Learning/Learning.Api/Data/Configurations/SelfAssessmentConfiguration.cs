using IcsComplaints.Learning.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.self_assessments</c>.</summary>
public sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.ToTable("self_assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.OrganisationCode).HasMaxLength(9);
        builder.Property(a => a.OrganisationType).HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SubmittedBy).HasMaxLength(200);
        // One assessment a year.
        builder.HasIndex(a => new { a.OrganisationCode, a.Year }).IsUnique();
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
