using IcsComplaints.Learning.Domain.ResponseReviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.response_reviews</c>.</summary>
public sealed class ResponseReviewConfiguration : IEntityTypeConfiguration<ResponseReview>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ResponseReview> builder)
    {
        builder.ToTable("response_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(12);
        builder.Property(r => r.OrganisationCode).HasMaxLength(9);
        builder.Property(r => r.ReviewedBy).HasMaxLength(200);
        builder.Property(r => r.Comments).HasMaxLength(4_000);
        builder.Ignore(r => r.Reviewed);
        // A response is read for quality once, however often samples are drawn.
        builder.HasIndex(r => r.CaseId).IsUnique();
        // An organisation's sample, by when the responses were sent.
        builder.HasIndex(r => new { r.OrganisationCode, r.SentOn });
        builder.HasMany(r => r.Ratings).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>learning.response_review_ratings</c>.</summary>
public sealed class ResponseReviewRatingConfiguration : IEntityTypeConfiguration<ResponseReviewRating>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ResponseReviewRating> builder)
    {
        builder.ToTable("response_review_ratings");
        builder.HasKey(x => x.Id);
        // The domain gives each rating its identifier, so one found on a tracked review is new, not changed.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Criterion).HasMaxLength(40);
        builder.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(x => new { x.ReviewId, x.Criterion }).IsUnique();
    }
}
