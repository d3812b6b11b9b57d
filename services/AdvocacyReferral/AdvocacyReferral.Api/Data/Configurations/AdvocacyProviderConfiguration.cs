using IcsComplaints.AdvocacyReferral.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.AdvocacyReferral.Api.Data.Configurations;

/// <summary>Table <c>advocacy.advocacy_services</c>: the directory.</summary>
public sealed class AdvocacyProviderConfiguration : IEntityTypeConfiguration<AdvocacyProvider>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<AdvocacyProvider> builder)
    {
        builder.ToTable("advocacy_services");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(9);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Website).HasMaxLength(300);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.PrimitiveCollection(p => p.LocalAuthorityCodes);
        builder.PrimitiveCollection(p => p.PostcodeDistricts);
        builder.Property(p => p.Source).HasMaxLength(300);
    }
}
