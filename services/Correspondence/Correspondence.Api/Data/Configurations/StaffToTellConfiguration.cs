using IcsComplaints.Correspondence.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Correspondence.Api.Data.Configurations;

/// <summary>Table <c>correspondence.staff_to_tell</c>: one row per member of staff complained about, flags only.</summary>
public sealed class StaffToTellConfiguration : IEntityTypeConfiguration<StaffToTell>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StaffToTell> builder)
    {
        builder.ToTable("staff_to_tell");
        builder.HasKey(s => new { s.CaseId, s.StaffId });
    }
}
