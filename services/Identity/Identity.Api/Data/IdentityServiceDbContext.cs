using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcsComplaints.Identity.Api.Data;

/// <summary>The identity database: organisations, users, memberships, external logins, client bindings, OpenIddict's stores and the audit trail.</summary>
public sealed class IdentityServiceDbContext(DbContextOptions<IdentityServiceDbContext> options) : DbContext(options)
{
    /// <summary>Schema of every identity table.</summary>
    public const string Schema = "identity";

    /// <summary>Organisations.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Users.</summary>
    public DbSet<UserAccount> Users => Set<UserAccount>();

    /// <summary>Memberships.</summary>
    public DbSet<Membership> Memberships => Set<Membership>();

    /// <summary>Links between accounts and external providers' subjects.</summary>
    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();

    /// <summary>Client bindings.</summary>
    public DbSet<ClientOrganisation> ClientOrganisations => Set<ClientOrganisation>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict();
        modelBuilder.AddAuditTrail();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityServiceDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class IdentityServiceDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IdentityServiceDbContext>
{
    /// <inheritdoc />
    public IdentityServiceDbContext CreateDbContext(string[] args) =>
        new(DatabaseExtensions.OptionsFor<IdentityServiceDbContext>("Host=design-time", IdentityServiceDbContext.Schema));
}
