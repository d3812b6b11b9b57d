using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Features;
using IcsComplaints.Learning.Api.Features.DetectThemes;
using IcsComplaints.Learning.Api.Features.ReportOverdueActions;

namespace IcsComplaints.Learning.Api;

/// <summary>Scan settings (<c>Learning:Scan</c>).</summary>
public sealed class LearningScanOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "Learning:Scan";

    /// <summary>How often to scan.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How soon to try again after a scan failed.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// On a schedule: reports learning actions that passed their due date (once each), and runs theme detection for the
/// last complete month for every ICB, so a theme appears without anyone having to ask. Both are idempotent, so
/// replicas and restarts do no harm.
/// </summary>
public sealed partial class LearningScan(
    IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<LearningScanOptions> options, TimeProvider time, ILogger<LearningScan> logger) : BackgroundService
{
    /// <summary>One pass; returns the overdue actions reported and the themes found.</summary>
    public async Task<(int Overdue, int Themes)> ScanAsync(CancellationToken ct)
    {
        int overdue;
        await using (var scope = scopes.CreateAsyncScope())
        {
            overdue = await scope.ServiceProvider.GetRequiredService<ReportOverdueActionsHandler>().HandleAsync(ct);
        }
        var themes = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var icbs = await scope.ServiceProvider.GetRequiredService<Commissioning>().IcbsAsync(ct);
            foreach (var icb in icbs)
            {
                // One scope per ICB, so each ICB's themes are saved on their own.
                await using var perIcb = scopes.CreateAsyncScope();
                themes += await perIcb.ServiceProvider.GetRequiredService<DetectThemesHandler>().DetectAsync(icb, ThemeSupport.LastCompleteMonth(time), ct);
            }
        }
        if (overdue + themes > 0)
        {
            LogScanned(logger, overdue, themes);
        }
        return (overdue, themes);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.Interval;
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database or directory outage (or a directory still starting) must not stop the scans: try again soon.
                LogFailed(logger, ex.GetType().Name);
                wait = options.Value.RetryAfterFailure;
            }
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learning scan: {Overdue} overdue actions reported, {Themes} themes detected")]
    private static partial void LogScanned(ILogger logger, int overdue, int themes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learning scan failed ({ExceptionType}); it runs again shortly")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
