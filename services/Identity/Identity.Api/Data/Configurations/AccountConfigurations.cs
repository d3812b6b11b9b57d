using IcsComplaints.Identity.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Identity.Api.Data.Configurations;

/// <summary>Table <c>identity.organisations</c>.</summary>
public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.OdsCode);
        builder.Property(o => o.OdsCode).HasMaxLength(20);
        builder.Property(o => o.Name).HasMaxLength(TextLimits.OrganisationName);
        builder.Property(o => o.Type).HasMaxLength(20);
    }
}

/// <summary>Table <c>identity.users</c>.</summary>
public sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserName).HasMaxLength(TextLimits.UserName);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.DisplayName);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId);
        // Memberships change only through the account's methods: EF Core fills the list behind the read-only property.
        builder.Navigation(u => u.Memberships).HasField("memberships");
        builder.HasMany(u => u.ExternalLogins).WithOne().HasForeignKey(l => l.UserId);
        builder.Navigation(u => u.ExternalLogins).HasField("externalLogins");
    }
}

/// <summary>Table <c>identity.memberships</c>.</summary>
public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => new { m.UserId, m.OdsCode });
        builder.Property(m => m.OdsCode).HasMaxLength(20);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OdsCode);
    }
}

/// <summary>Table <c>identity.client_organisations</c>.</summary>
public sealed class ClientOrganisationConfiguration : IEntityTypeConfiguration<ClientOrganisation>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ClientOrganisation> builder)
    {
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasMaxLength(TextLimits.ClientId);
        builder.Property(c => c.OdsCode).HasMaxLength(20);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OdsCode);
    }
}

/// <summary>
/// Table <c>identity.external_logins</c>: a provider's subject belongs to one account, and an account has at most one
/// subject per provider.
/// </summary>
public sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.HasKey(l => new { l.Provider, l.Subject });
        builder.Property(l => l.Provider).HasMaxLength(TextLimits.ExternalProvider);
        builder.Property(l => l.Subject).HasMaxLength(TextLimits.ExternalSubject);
        builder.Property(l => l.Method).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => new { l.UserId, l.Provider }).IsUnique();
    }
}
