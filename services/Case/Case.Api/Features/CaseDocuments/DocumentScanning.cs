using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Documents;
using IcsComplaints.Documents;
using IcsComplaints.Documents.Storage;

namespace IcsComplaints.Case.Api.Features.CaseDocuments;

/// <summary>
/// Scans files with ClamAV and records the verdict. A file found infected is quarantined: its record says so and
/// names the signature, its bytes stay where they are for an administrator to inspect, and nothing hands them out.
/// </summary>
public sealed partial class DocumentScanning(ClamAvScanner scanner, TimeProvider time, ILogger<DocumentScanning> logger)
{
    /// <summary>Scans <paramref name="content"/> and records the verdict on <paramref name="document"/>; false when clamd could not scan it.</summary>
    public async Task<bool> TryScanAsync(CaseDocument document, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            var verdict = await scanner.ScanAsync(content, ct);
            document.Scanned(verdict.Signature, time.GetUtcNow());
            if (verdict.Infected)
            {
                LogQuarantined(logger, document.Id, verdict.Signature!);
            }
            return true;
        }
        catch (ScannerUnavailableException ex)
        {
            LogUnscanned(logger, document.Id, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} quarantined: the virus scan matched {Signature}")]
    private static partial void LogQuarantined(ILogger logger, Guid documentId, string signature);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} not scanned yet: {Reason}")]
    private static partial void LogUnscanned(ILogger logger, Guid documentId, string reason);
}

/// <summary>
/// Scans, every <see cref="Interval"/>, the files received while clamd could not be reached, so a
/// scanner outage delays files but loses none. Replicas may scan the same file; the first verdict saved stands.
/// </summary>
public sealed partial class DocumentScanWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DocumentScanWorker> logger) : BackgroundService
{
    /// <summary>How often unscanned files are tried again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int Batch = 20;

    /// <summary>Scans the files still waiting; returns how many now have a verdict.</summary>
    public async Task<int> ScanWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var contents = scope.ServiceProvider.GetRequiredService<IDocumentContentStore>();
        var scanning = scope.ServiceProvider.GetRequiredService<DocumentScanning>();
        var waiting = await store.WaitingAsync(Batch, ct);
        var scanned = 0;
        foreach (var document in waiting)
        {
            var bytes = await contents.GetAsync(document.ContentKey, ct);
            if (bytes is null || !await scanning.TryScanAsync(document, bytes, ct))
            {
                // clamd is still away (or the bytes are): the rest would fail alike, so wait for the next interval.
                break;
            }
            scanned++;
        }
        await store.SaveAsync(ct);
        return scanned;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ScanWaitingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning waiting documents failed ({ExceptionType}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
