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
        Assert.Contains($"name: ConnectionStrings__{service}db\n              valueFrom: {{ secretKeyRef: {{ name: ics-complaints-{service}, key: {service}db }} }}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_DeploysTheAdvocacyReferralService_WithItsDatabase_AndTellsTheOtherServicesWhereItIs()
    {
        var (code, output) = Helm("template", "rel", Chart);

        Assert.True(code == 0, output);
        Assert.Contains("image: ghcr.io/ics-complaints/advocacy-referral:", output, StringComparison.Ordinal);
        Assert.Contains("name: rel-ics-complaints-advocacy-migrate", output, StringComparison.Ordinal);
        Assert.Contains("name: ConnectionStrings__advocacydb\n              valueFrom: { secretKeyRef: { name: ics-complaints-advocacy, key: advocacydb } }", output, StringComparison.Ordinal);
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
    public void Chart_GivesEveryPodAndJobTheSecretOfItsOwnServiceOnly()
    {
        var workloads = Workloads(Render());

        Assert.Equal(13, workloads.Count);
        foreach (var (kind, service, env) in workloads)
        {
            var secrets = env.Select(e => e.At("valueFrom", "secretKeyRef", "name")?.ToString()).OfType<string>().Distinct().ToList();
            Assert.True(service == "gateway" ? secrets.Count == 0 : secrets.SequenceEqual([$"ics-complaints-{service}"]),
                $"{kind} of {service} reads the secrets {string.Join(", ", secrets)}");
        }
    }

    [Fact]
    public void Chart_GivesTheDatabaseOwnersConnectionStringToTheMigrateJobOnly()
    {
        foreach (var (kind, service, env) in Workloads(Render()))
        {
            var owner = env.Where(e => e.At("name")?.ToString()?.EndsWith("Owner", StringComparison.Ordinal) == true).ToList();
            if (kind == "Job")
            {
                var entry = Assert.Single(owner);
                var database = service == "advocacy" ? "advocacydb" : $"{service}db";
                Assert.Equal($"ConnectionStrings__{database}Owner", entry.At("name"));
                Assert.Equal($"{database}-owner", entry.At("valueFrom", "secretKeyRef", "key"));
            }
            else
            {
                Assert.True(owner.Count == 0, $"the {service} pods get the owner's connection string");
            }
        }
    }

    [Fact]
    public void Chart_GivesRabbitMqOnlyToTheServicesWithABrokerUser()
    {
        var withBroker = Workloads(Render())
            .Where(w => w.Env.Any(e => e.At("name")?.ToString() == "ConnectionStrings__rabbitmq"))
            .Select(w => w.Service).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["advocacy", "case", "intake", "learning", "reporting"], withBroker);
    }

    [Fact]
    public void Chart_WithTheTopologyOperator_DeclaresEachServicesRabbitMqPermissions_AsThePermissionTableHasThem()
    {
        var permissions = Render("--set", "rabbitmq.topologyOperator.enabled=true", "--set", "rabbitmq.topologyOperator.clusterName=broker")
            .Where(d => d.At("kind")?.ToString() == "Permission").ToList();

        Assert.Equal(BrokerPermissions.All.Count, permissions.Count);
        foreach (var permission in permissions)
        {
            var user = permission.At("spec", "user")!.ToString()!;
            Assert.Equal(BrokerPermissions.Of(user), new BrokerPermission(
                permission.At("spec", "permissions", "configure")!.ToString()!,
                permission.At("spec", "permissions", "write")!.ToString()!,
                permission.At("spec", "permissions", "read")!.ToString()!));
            Assert.Equal("ics", permission.At("spec", "vhost"));
            Assert.Equal("broker", permission.At("spec", "rabbitmqClusterReference", "name"));
        }
        Assert.DoesNotContain(Render(), d => d.At("kind")?.ToString() == "Permission");
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

    private static List<Dictionary<object, object>> Render(params string[] settings)
    {
        var (code, output) = Helm(["template", "rel", Chart, .. settings]);
        Assert.True(code == 0, output);
        return Yaml.Documents(output);
    }

    // Every Deployment and migrate Job, with the service it belongs to and its container's environment.
    private static List<(string Kind, string Service, List<object> Env)> Workloads(List<Dictionary<object, object>> documents) =>
    [
        .. documents.Where(d => d.At("kind")?.ToString() is "Deployment" or "Job").Select(d => (
            d.At("kind")!.ToString()!,
            d.At("metadata", "labels").Map()["app.kubernetes.io/name"]!.ToString()!,
            d.At("spec", "template", "spec", "containers").List().Single().At("env").List())),
    ];

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
