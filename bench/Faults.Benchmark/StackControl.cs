using System.Diagnostics;
using System.Globalization;

namespace IcsComplaints.Bench.Faults;

/// <summary>
/// Stops, kills and starts parts of the installation the way an operator would: through ./ics's own commands
/// (<c>down rabbitmq</c>, <c>start postgres</c>, <c>start case</c>...), and <c>kill -9</c> of a service's process by the
/// PID file ./ics keeps. What ./ics prints goes to logs/faults-ics.log under the state directory.
/// </summary>
public sealed class StackControl(StackSettings stack)
{
    private readonly string _log = Path.Combine(stack.StateDirectory, "logs", "faults-ics.log");

    public Task StopAsync(string what) => IcsAsync("down", what);

    public Task StartAsync(string what) => IcsAsync("start", what);

    /// <summary>SIGKILL, so the service gets no chance to finish requests, commit or close its connections.</summary>
    public async Task KillAsync(string service)
    {
        var pidFile = Path.Combine(stack.StateDirectory, "run", service + ".pid");
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        // Process.Kill is SIGKILL on Linux: the same as kill -9.
        process.Kill();
        await process.WaitForExitAsync();
    }

    private async Task IcsAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(stack.Ics) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{stack.Ics} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(_log)!);
        await File.AppendAllTextAsync(_log, $"$ ics {string.Join(' ', arguments)}\n{await output}{await errors}");
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"./ics {string.Join(' ', arguments)} failed (exit {process.ExitCode}); see {_log}.");
        }
    }
}
