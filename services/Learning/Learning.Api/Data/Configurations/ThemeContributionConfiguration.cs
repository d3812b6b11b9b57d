using IcsComplaints.Learning.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.theme_contributions</c>.</summary>
public sealed class ThemeContributionConfiguration : IEntityTypeConfiguration<ThemeContribution>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ThemeContribution> builder)
    {
        builder.ToTable("theme_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
    }
}
