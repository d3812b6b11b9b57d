using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.AdvocacyReferral.Api.Data.Configurations;

/// <summary>Tables <c>advocacy.reviews</c> and <c>advocacy.review_comments</c>.</summary>
public sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewTask>, IEntityTypeConfiguration<ReviewComment>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReviewTask> builder)
    {
        builder.ToTable("reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AdvocacyServiceCode).HasMaxLength(9);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ClosedBy).HasMaxLength(200);
        builder.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        // A redelivered DraftShared opens no second review.
        builder.HasIndex(r => new { r.CaseId, r.Version, r.AdvocacyServiceCode }).IsUnique();
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("review_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Section).HasMaxLength(30);
        builder.Property(c => c.Text).HasMaxLength(10_000);
        builder.Property(c => c.AuthorSubjectId).HasMaxLength(200);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
    }
}
