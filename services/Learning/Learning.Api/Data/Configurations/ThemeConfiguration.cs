using IcsComplaints.Learning.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.themes</c>.</summary>
public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("themes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.IcbCode).HasMaxLength(9);
        builder.Property(t => t.OrganisationCode).HasMaxLength(9);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Dimension).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Code).HasMaxLength(100);
        builder.Property(t => t.Month).HasMaxLength(7);
        builder.Property(t => t.ShareMessage).HasMaxLength(4_000);
        builder.PrimitiveCollection(t => t.MonthlyObserved);
        builder.PrimitiveCollection(t => t.MonthlyTotals);
        builder.PrimitiveCollection(t => t.SharedWith);
        // Detection runs daily and on demand: a theme is recorded once per month examined.
        builder.HasIndex(t => new { t.IcbCode, t.Scope, t.OrganisationCode, t.Dimension, t.Code, t.Month }).IsUnique();
        builder.HasMany(t => t.Contributions).WithOne().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
