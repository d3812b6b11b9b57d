using IcsComplaints.Correspondence.Domain.Consents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Correspondence.Api.Data.Configurations;

/// <summary>Table <c>correspondence.advocacy_consents</c>: one row per consent grant, with its scope and its end.</summary>
public sealed class AdvocacyConsentConfiguration : IEntityTypeConfiguration<AdvocacyConsent>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<AdvocacyConsent> builder)
    {
        builder.ToTable("advocacy_consents");
        builder.HasKey(c => c.GrantId);
        builder.Property(c => c.GrantId).ValueGeneratedNever();
        builder.Property(c => c.AdvocacyServiceCode).HasMaxLength(20);
        builder.Property(c => c.EndReason).HasMaxLength(30);
        builder.HasIndex(c => c.CaseId);
    }
}
