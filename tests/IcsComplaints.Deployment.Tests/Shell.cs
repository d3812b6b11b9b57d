using System.Diagnostics;

namespace IcsComplaints.Deployment.Tests;

/// <summary>Runs the repository's scripts as a user would, with the environment a test gives them.</summary>
internal static class Shell
{
    public static (int Code, string Output, string Errors) Run(string file, params string[] args) => Run(new Dictionary<string, string>(), file, args);

    public static (int Code, string Output, string Errors) Run(IReadOnlyDictionary<string, string> environment, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Writes a shell script the tests put on the PATH in place of a real command (docker, psql, dotnet).</summary>
    public static void WriteScript(string path, string text)
    {
        // The scripts under test are POSIX shell: these tests run where they do, never on Windows.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The deployment scripts run on Linux.");
        }
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }
}
