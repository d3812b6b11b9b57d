using System.Globalization;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Reporting.Api.Features.Rebuild;

/// <summary><c>dotnet IcsComplaints.Reporting.Api.dll rebuild</c>: rebuilds every read model from the event log.</summary>
public sealed class RebuildCommand : IServiceCommand
{
    /// <inheritdoc />
    public string Name => "rebuild";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var replayed = await ReadModels.RebuildAsync(db, CancellationToken.None);
        var cases = await new EventLog(db).CountCasesAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt the read models from {replayed} logged events in {started.Elapsed.TotalSeconds:0.0} s: {cases} cases."));
        return 0;
    }
}
