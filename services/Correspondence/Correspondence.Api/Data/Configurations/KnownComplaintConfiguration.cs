using IcsComplaints.Correspondence.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Correspondence.Api.Data.Configurations;

/// <summary>Table <c>correspondence.complaints</c>: complaints as intake announced them, for the messages owed before a case (ADR 37).</summary>
public sealed class KnownComplaintConfiguration : IEntityTypeConfiguration<KnownComplaint>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<KnownComplaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.ComplaintId);
        builder.Property(c => c.Reference).HasMaxLength(12);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.HandlingOrganisationCode).HasMaxLength(9);
    }
}
