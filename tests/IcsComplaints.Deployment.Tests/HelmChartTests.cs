using System.Diagnostics;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The Helm chart lints, renders every workload, and its schema refuses misspelt values. Helm comes from
/// <c>ICS_HELM</c> (set by <c>./ics test</c>) or the PATH.
/// </summary>
public sealed partial class HelmChartTests
{
    private static readonly string Chart = Repository.PathOf("charts", "ics-complaints");

    [Fact]
    public void Chart_LintsStrictly()
    {
        var (code, output) = Helm("lint", "--strict", Chart);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Chart_RendersADeploymentAndServicesPerService_AndAMigrateJobPerDatabase()
    {
        var (code, output) = Helm("template", "rel", Chart, "--namespace", "ics");

        Assert.True(code == 0, output);
        var kinds = KindLine().Matches(output).Select(m => m.Groups[1].Value).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, kinds["Deployment"]);
        Assert.Equal(14, kinds["Service"]);
        Assert.Equal(6, kinds["Job"]);
        Assert.Contains("helm.sh/hook: pre-install,pre-upgrade", output, StringComparison.Ordinal);
        Assert.Contains("args: [\"migrate\"]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("password", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Chart_PointsTheGatewayAtEveryServiceOverHttpAndGrpc()
    {
        var (_, output) = Helm("template", "rel", Chart);

        Assert.Contains("ReverseProxy__Clusters__intake-grpc__Destinations__intake__Address", output, StringComparison.Ordinal);
        Assert.Contains("value: http://rel-ics-complaints-case:8081", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__advocacy-http__Destinations__advocacy__Address\n              value: http://rel-ics-complaints-advocacy:8080", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__advocacy-grpc__Destinations__advocacy__Address\n              value: http://rel-ics-complaints-advocacy:8081", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__learning-http__Destinations__learning__Address\n              value: http://rel-ics-complaints-learning:8080", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__learning-grpc__Destinations__learning__Address\n              value: http://rel-ics-complaints-learning:8081", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learning")]
    [InlineData("reporting")]
    public void Chart_DeploysTheLearningAndReportingServices_WithTheirDatabasesAndMigrateJobs(string service)
    {
        var (code, output) = Helm("template", "rel", Chart);

        Assert.True(code == 0, output);
        Assert.Contains($"image: ghcr.io/ics-complaints/{service}:", output, StringComparison.Ordinal);
        Assert.Contains($"name: rel-ics-complaints-{service}-migrate", output, StringComparison.Ordinal);
        Assert.Contains($"name: ConnectionStrings__{service}db\n              valueFrom: {{ secretKeyRef: {{ name: ics-complaints-connections, key: {service}db }} }}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_DeploysTheAdvocacyReferralService_WithItsDatabase_AndTellsTheOtherServicesWhereItIs()
    {
        var (code, output) = Helm("template", "rel", Chart);

        Assert.True(code == 0, output);
        Assert.Contains("image: ghcr.io/ics-complaints/advocacy-referral:", output, StringComparison.Ordinal);
        Assert.Contains("name: rel-ics-complaints-advocacy-migrate", output, StringComparison.Ordinal);
        Assert.Contains("name: ConnectionStrings__advocacydb\n              valueFrom: { secretKeyRef: { name: ics-complaints-connections, key: advocacydb } }", output, StringComparison.Ordinal);
        // Every backend service and its migrate Job (not the gateway or identity), like Services__Intake__Grpc.
        Assert.Equal(5 + 5, Regex.Count(output, "name: Services__Advocacy__Grpc\n              value: http://rel-ics-complaints-advocacy:8081"));
        Assert.Equal(Regex.Count(output, "name: Services__Intake__Grpc\n"), Regex.Count(output, "name: Services__Advocacy__Grpc\n"));
    }

    [Fact]
    public void Chart_GivesTheIdentityServiceItsKeysFromTheSecret_AndEveryServiceThePublicIssuer()
    {
        var (_, output) = Helm("template", "rel", Chart, "--set", "publicUrl=https://complaints.example.org/");

        Assert.Contains("key: identity-signing-key", output, StringComparison.Ordinal);
        Assert.Contains("name: Identity__Issuer\n              value: \"https://complaints.example.org/\"", output, StringComparison.Ordinal);
        Assert.Equal(7 + 6, Regex.Count(output, "name: Authentication__Authority"));
    }

    [Fact]
    public void Chart_RefusesAMisspeltValue()
    {
        var (code, output) = Helm("template", "rel", Chart, "--set", "default.replcas=3");

        Assert.NotEqual(0, code);
        Assert.Contains("replcas", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_WithIngress_ExposesOnlyTheGateway()
    {
        var (code, output) = Helm("template", "rel", Chart, "--set", "ingress.enabled=true", "--set", "ingress.host=complaints.example.org");

        Assert.True(code == 0, output);
        Assert.Single(KindLine().Matches(output), m => m.Groups[1].Value == "Ingress");
        Assert.Contains("name: rel-ics-complaints-gateway\n                port:", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Helm(params string[] args)
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

    [GeneratedRegex("^kind: (\\w+)$", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
