using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using System.Threading.Channels;

namespace IcsComplaints.Intake.Api.Features.ImportComplaints;

/// <summary>Wakes the import worker when a file is uploaded, so it need not poll often.</summary>
public sealed class ImportSignal
{
    // One pending wake-up is enough however many uploads arrive while the worker is busy.
    private readonly Channel<bool> _uploaded = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tells the worker there is work.</summary>
    public void Notify() => _uploaded.Writer.TryWrite(true);

    /// <summary>Waits for an upload or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await _uploaded.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: look again anyway, another replica's upload wakes no one here.
        }
    }
}

/// <summary>
/// Processes uploaded imports a batch of rows at a time. Each batch's complaints, the rows' outcomes and the import's
/// counts commit in one transaction under a lock on the import, so a restarted service carries on from the first row
/// without an outcome, replicas never work on the same import at once, and no row is counted or recorded twice.
/// </summary>
public sealed class ImportJobProcessor(
    ImportJobStore jobs, ComplaintStore store, ComplaintEventPublisher events, ComplaintImporter importer, OrganisationDirectory directory,
    WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>Rows processed per transaction: small enough that progress moves often.</summary>
    public const int BatchSize = 200;

    /// <summary>Processes the next batch of the oldest unfinished import; false when there was nothing to do.</summary>
    public async Task<bool> ProcessNextBatchAsync(CancellationToken ct)
    {
        var job = await jobs.LockNextUnfinishedAsync(ct);
        if (job is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (job.State == ImportState.Queued)
        {
            job.State = ImportState.Running;
            job.StartedAt = now;
        }
        var pending = await jobs.PendingRowsAsync(job.Id, BatchSize, ct);
        if (pending.Count == 0)
        {
            job.State = ImportState.Finished;
            job.FinishedAt = now;
            await jobs.SaveAsync(ct);
            await jobs.CommitAsync(ct);
            return true;
        }
        var snapshot = await directory.GetAsync(ct);
        var parser = ImportRowParser.For(snapshot, calendar, time, job.OrganisationCode, await jobs.FirstLinesAsync(job.Id, ct));
        var parsed = pending.Select(r => (Row: r, Parsed: parser.Parse(ValuesOf(job, r), r.Line))).ToList();
        var accepted = parsed.Where(p => p.Parsed.Rejections is null).Select(p => p.Parsed).ToList();
        var already = await importer.AddNewAsync(store, events, accepted, job.Source, snapshot, ct);
        foreach (var (row, result) in parsed)
        {
            row.Outcome = result.Rejections is not null ? ImportRowOutcome.Rejected
                : already.Contains(result.ExternalId) ? ImportRowOutcome.AlreadyImported
                : ImportRowOutcome.Accepted;
            row.RejectedFields = [.. result.Rejections?.Select(r => r.Field) ?? []];
            row.RejectedReasons = [.. result.Rejections?.Select(r => r.Reason) ?? []];
            row.Cells = [];
        }
        job.Processed += pending.Count;
        job.Accepted += parsed.Count(p => p.Row.Outcome == ImportRowOutcome.Accepted);
        job.AlreadyImported += parsed.Count(p => p.Row.Outcome == ImportRowOutcome.AlreadyImported);
        job.Rejected += parsed.Count(p => p.Row.Outcome == ImportRowOutcome.Rejected);
        // A reference drawn twice, or the same rows recorded by another import of the same source meanwhile: the
        // transaction is rolled back and the batch is taken again, skipping what is now there.
        if (await store.SaveUnlessRefusedAsync([ComplaintStore.ReferenceConstraint, ComplaintStore.ImportConstraint], ct) is not null)
        {
            return true;
        }
        await jobs.CommitAsync(ct);
        return true;
    }

    private static Dictionary<string, string> ValuesOf(ComplaintImportJob job, ComplaintImportRow row)
    {
        var values = new Dictionary<string, string>(job.Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < job.Columns.Count && i < row.Cells.Count; i++)
        {
            values[job.Columns[i]] = row.Cells[i];
        }
        return values;
    }
}

/// <summary>Runs <see cref="ImportJobProcessor"/> until no import is left, then waits for an upload.</summary>
public sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>How long the worker sleeps without an upload before looking again (another replica may have taken one).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await scope.ServiceProvider.GetRequiredService<ImportJobProcessor>().ProcessNextBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The exception's type only: a message could quote a row's contents.
                LogFailed(logger, ex.GetType().Name);
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            if (!worked && !stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import batch failed ({ExceptionType}); it will be taken again")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
