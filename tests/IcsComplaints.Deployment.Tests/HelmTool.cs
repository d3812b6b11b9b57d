using System.Diagnostics;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// Helm, from <c>ICS_HELM</c> (set by <c>./ics test</c>) or the PATH; a test that needs it is skipped without it. Helm's
/// own directories are a fresh temporary one each run, so no repository or plugin of the machine's takes part.
/// </summary>
internal static class HelmTool
{
    public static readonly string Chart = Repository.PathOf("charts", "ics-complaints");

    /// <summary>The chart's values files: values.yaml and each overlay on it (values-*.yaml), by file name.</summary>
    public static IReadOnlyList<string> ValuesFiles { get; } =
        [.. Directory.GetFiles(Chart, "values*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The values files as theory data: a test case each.</summary>
    public static TheoryData<string> ValuesFileData => [.. ValuesFiles];

    /// <summary><c>helm template rel</c> of the chart with a values file over values.yaml (none for values.yaml itself).</summary>
    public static (int Code, string Output) Template(string valuesFile, params string[] settings) =>
        Run(["template", "rel", Chart, "--namespace", "ics", .. valuesFile == "values.yaml" ? [] : new[] { "-f", Path.Combine(Chart, valuesFile) }, .. settings]);

    /// <summary>The documents <c>helm template</c> renders, failing the test if it fails.</summary>
    public static List<Dictionary<object, object>> Render(string valuesFile, params string[] settings)
    {
        var (code, output) = Template(valuesFile, settings);
        Assert.True(code == 0, output);
        return Yaml.Documents(output);
    }

    public static (int Code, string Output) Run(params string[] args)
    {
        var helm = Environment.GetEnvironmentVariable("ICS_HELM");
        if (string.IsNullOrEmpty(helm))
        {
            helm = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "helm")).FirstOrDefault(File.Exists);
        }
        if (helm is null)
        {
            Assert.Skip("Helm is not available: run the tests with ./ics test, which fetches it, or put helm on the PATH.");
        }
        var temp = Directory.CreateTempSubdirectory("helm-home");
        var start = new ProcessStartInfo(helm!, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var variable in new[] { "HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME" })
        {
            start.Environment[variable] = temp.FullName;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        temp.Delete(recursive: true);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
