using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IcsComplaints.ServiceDefaults;

/// <summary>How every service connects its own PostgreSQL database.</summary>
public static class DatabaseExtensions
{
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
        builder.Services.AddSingleton(new MigratableDatabase(typeof(TContext)));
        return builder;
    }

    /// <summary>The one place that sets PostgreSQL options, shared by the service, its migrate step and tests.</summary>
    public static DbContextOptionsBuilder ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Options for making <typeparamref name="TContext"/> by hand (migrate tooling, tests).</summary>
    public static DbContextOptions<TContext> OptionsFor<TContext>(string connectionString, string schema)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        ConfigureNpgsql(options, connectionString, schema);
        return options.Options;
    }

    /// <summary>Applies the migrations of <typeparamref name="TContext"/> to the database (tests, benchmarks).</summary>
    public static async Task MigrateAsync<TContext>(string connectionString, string schema)
        where TContext : DbContext
    {
        await using var context = (TContext)Activator.CreateInstance(typeof(TContext), OptionsFor<TContext>(connectionString, schema))!;
        await context.Database.MigrateAsync();
    }

    /// <summary>Reads a connection string and fails with a message that names the missing setting.</summary>
    public static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is not configured (ConnectionStrings__{name}).");
}

/// <summary>A database the <c>migrate</c> command brings up to date.</summary>
/// <param name="ContextType">The EF Core context type.</param>
public sealed record MigratableDatabase(Type ContextType);
