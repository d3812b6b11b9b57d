using IcsComplaints.AdvocacyReferral.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.AdvocacyReferral.Api.Data.Configurations;

/// <summary>Table <c>advocacy.cases</c>: the cases the case service announced.</summary>
public sealed class CaseReferenceConfiguration : IEntityTypeConfiguration<CaseReference>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CaseReference> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => c.OrganisationCode);
    }
}
