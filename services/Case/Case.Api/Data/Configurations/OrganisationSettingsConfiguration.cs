using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Case.Api.Data.Configurations;

/// <summary>Table <c>case.organisation_settings</c>.</summary>
public sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<OrganisationSettings> builder)
    {
        builder.HasKey(s => s.OrganisationCode);
        builder.Property(s => s.OrganisationCode).HasMaxLength(9);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
