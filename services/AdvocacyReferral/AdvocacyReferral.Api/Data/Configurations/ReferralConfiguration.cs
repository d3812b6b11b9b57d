using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.AdvocacyReferral.Api.Data.Configurations;

/// <summary>Tables <c>advocacy.referrals</c> and <c>advocacy.consent_grants</c>.</summary>
public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>, IEntityTypeConfiguration<ConsentGrant>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AdvocacyServiceCode).HasMaxLength(9);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedBy).HasMaxLength(20);
        builder.Property(r => r.RequestedBySubject).HasMaxLength(200);
        builder.Property(r => r.DeclineReason).HasMaxLength(2_000);
        builder.Property(r => r.AdvocateSubjectId).HasMaxLength(200);
        builder.Property(r => r.AdvocateName).HasMaxLength(200);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.AdvocacyServiceCode);
        // Revoking a grant ends the referral made under it, found by the grant.
        builder.HasIndex(r => r.GrantId).HasDatabaseName("ix_referrals_grant_id");
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ConsentGrant> builder)
    {
        builder.ToTable("consent_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.AdvocacyServiceCode).HasMaxLength(9);
        builder.Property(g => g.Evidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.RecordedBy).HasMaxLength(200);
        builder.Property(g => g.EndReason).HasMaxLength(30);
        builder.Property(g => g.EndedBy).HasMaxLength(200);
        builder.Ignore(g => g.IsActive);
        // At most one grant in force per case and service.
        builder.HasIndex(g => new { g.CaseId, g.AdvocacyServiceCode }).IsUnique().HasFilter("ended_on IS NULL");
        // Every grant of a case and service, ended ones included: the partial index above cannot serve the lookups
        // that also find a grant which has ended (to say when access ended).
        builder.HasIndex(g => new { g.CaseId, g.AdvocacyServiceCode }, "ix_consent_grants_case_id_service_all").HasDatabaseName("ix_consent_grants_case_id_service_all");
    }
}
