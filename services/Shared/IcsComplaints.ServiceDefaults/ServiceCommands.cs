using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsComplaints.ServiceDefaults;

/// <summary>Something the <c>migrate</c> command prepares besides databases, such as broker queues.</summary>
public interface IDeploymentStep
{
    /// <summary>Name for the log.</summary>
    string Name { get; }

    /// <summary>Runs the step; the service itself is not running.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A maintenance command a service adds to its command line (<c>dotnet Service.dll name args</c>).</summary>
public interface IServiceCommand
{
    /// <summary>The first command-line argument that selects it.</summary>
    string Name { get; }

    /// <summary>Runs the command with the remaining arguments; returns the exit code.</summary>
    Task<int> RunAsync(string[] args, IServiceProvider services);
}

/// <summary>
/// Runs the service, or one of its maintenance commands. <c>migrate</c> applies the EF Core migrations of every
/// database the service owns and exits; deployments run it once before starting replicas (a Helm hook Job, a
/// compose one-shot service, <c>./ics up</c>), so migrations never race at start-up.
/// </summary>
public static partial class ServiceCommands
{
    /// <summary>Runs the command named by the first argument, or the service when there is none.</summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args is ["migrate", ..])
        {
            return await MigrateAsync(app.Services);
        }
        if (args is ["healthcheck", ..])
        {
            return await HealthCheckAsync(app.Configuration, args.Length > 1 ? args[1] : "ready");
        }
        if (args.Length > 0 && app.Services.GetServices<IServiceCommand>().FirstOrDefault(c => c.Name == args[0]) is { } command)
        {
            return await command.RunAsync(args[1..], app.Services);
        }
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Applies pending migrations to every database registered with <see cref="DatabaseExtensions"/>, connected as its
    /// owner, and grants its runtime role what the service needs (<see cref="RuntimeRole"/>). The deployment steps
    /// that follow run as the service does, with the runtime role.
    /// </summary>
    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("IcsComplaints.Migrate");
        var configuration = services.GetRequiredService<IConfiguration>();
        foreach (var database in services.GetServices<MigratableDatabase>())
        {
            var runtime = DatabaseExtensions.RequiredConnectionString(configuration, database.ConnectionName);
            var owner = DatabaseExtensions.OwnerConnectionString(configuration, database.ConnectionName);
            await using var context = DatabaseExtensions.CreateContext(database.ContextType, owner, database.Schema);
            var pending = (await context.Database.GetPendingMigrationsAsync()).ToList();
            await context.Database.MigrateAsync();
            LogMigrated(logger, database.ContextType.Name, pending.Count);
            if (await RuntimeRole.GrantAsync(context, database.Schema, runtime, CancellationToken.None) is { } role)
            {
                LogGranted(logger, database.ContextType.Name, role);
            }
        }
        foreach (var step in services.GetServices<IDeploymentStep>())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await step.RunAsync(services, timeout.Token);
            LogStep(logger, step.Name);
        }
        return 0;
    }

    /// <summary>
    /// Asks the running instance's own health endpoint, for container health checks in images that carry no
    /// curl or wget. Exit code 0 when healthy or degraded, 1 otherwise.
    /// </summary>
    public static async Task<int> HealthCheckAsync(IConfiguration configuration, string probe)
    {
        var url = configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:8080";
        var address = new UriBuilder(url.Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("*", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) { Path = $"/health/{(probe == "live" ? "live" : "ready")}" }.Uri;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(address);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment step done: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context}: runtime role {Role} granted its privileges")]
    private static partial void LogGranted(ILogger logger, string context, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context} is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string context, int applied);
}
