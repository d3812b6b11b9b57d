using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// One image recipe, deploy/Dockerfile, builds every service from the build arguments of its table line and runs it
/// as a non-root user; deploy/build-images.sh builds each line's image under the name the chart pulls. Docker itself
/// is not needed: the recipe's entry point and health check run here with a stand-in for dotnet, and the image
/// script with a stand-in for docker.
/// </summary>
public sealed partial class DockerfileTests : IDisposable
{
    private static readonly string Dockerfile = File.ReadAllText(Repository.PathOf("deploy", "Dockerfile"));

    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("fake-bin");

    [Fact]
    public void OneDockerfile_IsLeft_InDeploy()
    {
        // A checkout's .ics holds PostgreSQL's data, which only its owner may read: skip what cannot be read.
        var everyFile = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var dockerfiles = Directory.EnumerateFiles(Repository.Root, "*", everyFile)
            .Where(f => Path.GetFileName(f) is var name && (name == "Dockerfile" || name.StartsWith("Dockerfile.", StringComparison.Ordinal) || name.EndsWith(".Dockerfile", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Where(f => !f.StartsWith(".git", StringComparison.Ordinal) && !f.StartsWith(".ics", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

        Assert.Equal(["deploy/Dockerfile"], dockerfiles);
    }

    [Fact]
    public void TheImage_RunsAsTheNonRootAppUser_TheAssemblyOfItsBuildArgument()
    {
        var final = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        Assert.Matches(@"\nUSER \$APP_UID\n", final);
        Assert.Matches(@"\nARG ASSEMBLY\n", final);
        Assert.Matches(@"ICS_ASSEMBLY=\$ASSEMBLY", final);
        Assert.Matches(@"\nARG PROJECT\n", Dockerfile);
        Assert.Matches(@"RUN dotnet publish ""\$PROJECT"" ", Dockerfile);
    }

    [Fact]
    public void TheImage_AndReadyToRunUnderIcs_CompileTheServicesAheadOfTime_ForTheSamePlatform()
    {
        var staging = File.ReadAllText(Repository.PathOf("deploy", "local", "services.sh"));

        // What ./ics bench memory measures under ICS_READY_TO_RUN=1 is what the image runs (ADR 49).
        Assert.Matches(@"RUN dotnet publish ""\$PROJECT"" [^\n]*-r ""\$\(cat /tmp/rid\)"" --self-contained false -p:PublishReadyToRun=true", Dockerfile);
        Assert.Matches(@"RUN dotnet restore ""\$PROJECT"" -r ""\$\(cat /tmp/rid\)""", Dockerfile);
        Assert.Matches(@"dotnet publish [^\n]*-r linux-x64 --self-contained false -p:PublishReadyToRun=true", staging);
    }

    [Fact]
    public void TheImage_CopiesTheSourceOfEveryProjectOfTheTable()
    {
        var copied = CopiedDirectory().Matches(Dockerfile).Select(m => m.Groups[1].Value + "/").ToList();

        Assert.All(ServiceTable.Repository.Lines, line => Assert.Contains(copied, c => line.Project.StartsWith(c, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheEntryPoint_RunsTheAssembly_WithTheContainersArguments_AndTheHealthCheckAsksIt()
    {
        var calls = FakeCommand("dotnet");
        var entry = JsonSerializer.Deserialize<string[]>(Instruction("ENTRYPOINT"))!;
        var health = JsonSerializer.Deserialize<string[]>(HealthCheck().Match(Dockerfile).Groups[1].Value)!;
        var environment = new Dictionary<string, string> { ["ICS_ASSEMBLY"] = "IcsComplaints.Intake.Api", ["PATH"] = SearchPath() };

        Assert.Equal(0, Shell.Run(environment, entry[0], [.. entry[1..], "import", "complaints file.csv"]).Code);
        Assert.Equal(0, Shell.Run(environment, health[0], health[1..]).Code);

        Assert.Equal(["IcsComplaints.Intake.Api.dll|import|complaints file.csv", "IcsComplaints.Intake.Api.dll|healthcheck"], File.ReadAllLines(calls));
    }

    [Fact]
    public void BuildImages_BuildsEveryLineOfTheTable_FromTheDockerfile_UnderTheNameTheChartPulls()
    {
        var calls = FakeCommand("docker");

        var (code, _, errors) = Shell.Run(new Dictionary<string, string> { ["PATH"] = SearchPath() }, "sh", Repository.PathOf("deploy", "build-images.sh"), "registry.example/ics", "1.2.3", "--push");

        Assert.True(code == 0, errors);
        var root = Repository.Root;
        Assert.Equal(
            ServiceTable.Repository.Lines.SelectMany(l => new[]
            {
                $"build|-f|{root}/deploy/Dockerfile|--build-arg|PROJECT={l.Project}|--build-arg|ASSEMBLY={l.Assembly}|-t|registry.example/ics/{l.Name}:1.2.3|{root}",
                $"push|registry.example/ics/{l.Name}:1.2.3",
            }),
            File.ReadAllLines(calls));
    }

    public void Dispose() => _bin.Delete(recursive: true);

    // A stand-in on the PATH that records each call's arguments, separated by "|", one call a line.
    private string FakeCommand(string name)
    {
        var log = Path.Combine(_bin.FullName, name + ".calls");
        var script = Path.Combine(_bin.FullName, name);
        Shell.WriteScript(script, $"#!/bin/sh\n(IFS='|'; echo \"$*\") >>'{log}'\n");
        return log;
    }

    private string SearchPath() => $"{_bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}";

    private static string Instruction(string name) => Regex.Match(Dockerfile, $"^{name} (.+)$", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"^COPY (contracts|services|gateway)/ ", RegexOptions.Multiline)]
    private static partial Regex CopiedDirectory();

    [GeneratedRegex(@"^HEALTHCHECK .* CMD (\[.+\])$", RegexOptions.Multiline)]
    private static partial Regex HealthCheck();
}
