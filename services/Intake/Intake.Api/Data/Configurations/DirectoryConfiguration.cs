using IcsComplaints.Intake.Domain.Concerns;
using IcsComplaints.Intake.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Intake.Api.Data.Configurations;

/// <summary>Table <c>intake.organisations</c>.</summary>
public sealed class DirectoryOrganisationConfiguration : IEntityTypeConfiguration<DirectoryOrganisation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DirectoryOrganisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.OdsCode);
        builder.Property(o => o.OdsCode).HasMaxLength(9);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Region).HasMaxLength(100);
        builder.PrimitiveCollection(o => o.Successors);
        builder.Property(o => o.ParentOdsCode).HasMaxLength(9);
        builder.Property(o => o.Source).HasMaxLength(300);
        builder.Property(o => o.Postcode).HasMaxLength(8);
    }
}

/// <summary>Table <c>intake.commissioning_relationships</c>.</summary>
public sealed class CommissioningRelationshipConfiguration : IEntityTypeConfiguration<CommissioningRelationship>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CommissioningRelationship> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CommissionerOdsCode).HasMaxLength(9);
        builder.Property(r => r.ProviderOdsCode).HasMaxLength(9);
        builder.Property(r => r.From).HasColumnName("from_date");
        builder.Property(r => r.To).HasColumnName("to_date");
        builder.Property(r => r.Source).HasMaxLength(300);
        builder.HasIndex(r => new { r.CommissionerOdsCode, r.ProviderOdsCode, r.From }).IsUnique();
        builder.HasIndex(r => r.ProviderOdsCode);
    }
}

/// <summary>Table <c>intake.informal_concerns</c>.</summary>
public sealed class InformalConcernConfiguration : IEntityTypeConfiguration<InformalConcern>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<InformalConcern> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Domain).HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(1_000);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.Property(c => c.Resolution).HasMaxLength(1_000);
        builder.Ignore(c => c.Status);
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn });
        // The open concerns' list: only an open concern has a follow-up day.
        builder.HasIndex(c => new { c.OrganisationCode, c.FollowUpOn }).HasFilter("follow_up_on IS NOT NULL");
    }
}
