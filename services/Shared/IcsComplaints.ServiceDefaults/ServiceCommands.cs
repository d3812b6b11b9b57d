using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcsComplaints.ServiceDefaults;

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
        await app.RunAsync();
        return 0;
    }

    /// <summary>Applies pending migrations to every database registered with <see cref="DatabaseExtensions"/>.</summary>
    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("IcsComplaints.Migrate");
        foreach (var database in services.GetServices<MigratableDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var pending = (await context.Database.GetPendingMigrationsAsync()).ToList();
            await context.Database.MigrateAsync();
            LogMigrated(logger, database.ContextType.Name, pending.Count);
        }
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context} is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string context, int applied);
}
