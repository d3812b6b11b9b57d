using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IcsComplaints.ServiceDefaults;

/// <summary>How every service connects its own PostgreSQL database.</summary>
/// <remarks>
/// A service's database has two roles (ADR 17): the owner, whose connection string
/// (<c>ConnectionStrings__{name}Owner</c>) only <c>migrate</c> uses, and the runtime role of
/// <c>ConnectionStrings__{name}</c>, which reads and writes the tables but cannot change them. Without an owner
/// connection string, <c>migrate</c> uses the runtime one, as a single-role development database needs.
/// </remarks>
public static class DatabaseExtensions
{
    /// <summary>Suffix of the connection string name that holds the owner's connection string.</summary>
    public const string OwnerSuffix = "Owner";

    /// <summary>EF Core's migrations history table, kept in the service's own schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on PostgreSQL using the connection string named
    /// <paramref name="connectionName"/>, with a readiness check, and enrols it for the <c>migrate</c> command.
    /// The connection string is read when the context is first made, so tests can supply it late.
    /// </summary>
    public static TBuilder AddServiceDatabase<TContext, TBuilder>(this TBuilder builder, string connectionName, string schema)
        where TContext : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDbContext<TContext>((sp, options) =>
            ConfigureNpgsql(options, RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), connectionName), schema));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton(new MigratableDatabase(typeof(TContext), connectionName, schema));
        return builder;
    }

    /// <summary>The one place that sets PostgreSQL options, shared by the service, its migrate step and tests.</summary>
    public static DbContextOptionsBuilder ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(ForPooledUnitsOfWork(connectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// A pooled connection is otherwise reset with <c>DISCARD ALL</c> each time a unit of work hands it back, a round
    /// trip to PostgreSQL several times per complaint, and the reset would also drop what the connection prepared.
    /// Nothing a context does outlives its transaction (locks are transaction-scoped, settings <c>SET LOCAL</c>, no
    /// temporary tables or session variables: ADR 45), so there is nothing to discard, and the statements a service
    /// sends again and again are prepared once per connection rather than parsed and planned every time.
    /// </summary>
    private static string ForPooledUnitsOfWork(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString;

    /// <summary>Options for making <typeparamref name="TContext"/> by hand (migrate tooling, tests).</summary>
    public static DbContextOptions<TContext> OptionsFor<TContext>(string connectionString, string schema)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ConfigureNpgsql(options, connectionString, schema);
        return options.Options;
    }

    /// <summary>
    /// Makes a context of <paramref name="contextType"/> outside dependency injection, for a connection the service
    /// does not run with (the owner's). Every service's context takes only its options.
    /// </summary>
    public static DbContext CreateContext(Type contextType, string connectionString, string schema)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        ConfigureNpgsql(options, connectionString, schema);
        return (DbContext)Activator.CreateInstance(contextType, options.Options)!;
    }

    /// <summary>
    /// Applies the migrations of <typeparamref name="TContext"/> as the role of <paramref name="connectionString"/>
    /// (tests, benchmarks) and, given the runtime role's connection string, grants that role what it needs.
    /// </summary>
    public static async Task MigrateAsync<TContext>(string connectionString, string schema, string? runtimeConnectionString = null)
        where TContext : DbContext
    {
        await using var context = CreateContext(typeof(TContext), connectionString, schema);
        await context.Database.MigrateAsync();
        if (runtimeConnectionString is not null)
        {
            await RuntimeRole.GrantAsync(context, schema, runtimeConnectionString, CancellationToken.None);
        }
    }

    /// <summary>Reads a connection string and fails with a message that names the missing setting.</summary>
    public static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is not configured (ConnectionStrings__{name}).");

    /// <summary>The owner's connection string for <c>migrate</c>, or the runtime one when the database has a single role.</summary>
    public static string OwnerConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name + OwnerSuffix) is { Length: > 0 } owner ? owner : RequiredConnectionString(configuration, name);
}

/// <summary>A database the <c>migrate</c> command brings up to date.</summary>
/// <param name="ContextType">The EF Core context type.</param>
/// <param name="ConnectionName">Name of its (runtime) connection string; the owner's has <see cref="DatabaseExtensions.OwnerSuffix"/> added.</param>
/// <param name="Schema">The schema its tables live in.</param>
public sealed record MigratableDatabase(Type ContextType, string ConnectionName, string Schema);
