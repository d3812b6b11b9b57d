using IcsComplaints.Learning.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.self_assessment_ratings</c>.</summary>
public sealed class SelfAssessmentRatingConfiguration : IEntityTypeConfiguration<SelfAssessmentRating>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SelfAssessmentRating> builder)
    {
        builder.ToTable("self_assessment_ratings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ExpectationId).HasMaxLength(10);
        builder.Property(r => r.Evidence).HasMaxLength(4_000);
        builder.Property(r => r.ImprovementActions).HasMaxLength(4_000);
        builder.HasIndex(r => new { r.AssessmentId, r.ExpectationId }).IsUnique();
    }
}
