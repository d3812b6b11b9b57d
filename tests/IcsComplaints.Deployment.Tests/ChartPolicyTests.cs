using System.Globalization;
using System.Text.RegularExpressions;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// What every values file keeps of the chart's promises, over everything it renders: each long-running container is
/// probed for liveness and readiness; each container requests processor and memory and is limited in memory; each pod
/// runs as non-root with every container on a read-only root filesystem, unprivileged; credentials come only from each
/// service's own Secret, and no values file holds one; each service requests at least the memory it was measured to
/// hold (docs/benchmarks.md).
/// </summary>
public sealed partial class ChartPolicyTests
{
    public static TheoryData<string> ValuesFiles => HelmTool.ValuesFileData;

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryLongRunningContainer_IsProbedForLivenessAndReadiness(string valuesFile)
    {
        var deployments = Of(HelmTool.Render(valuesFile), "Deployment");

        Assert.NotEmpty(deployments);
        foreach (var (name, pod) in deployments)
        {
            foreach (var container in pod.At("containers").List())
            {
                Assert.True(container.At("livenessProbe") is not null, $"{name}: {container.At("name")} has no liveness probe");
                Assert.True(container.At("readinessProbe") is not null, $"{name}: {container.At("name")} has no readiness probe");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryContainer_RequestsProcessorAndMemory_AndIsLimitedToNoLessMemoryThanItRequests(string valuesFile)
    {
        var pods = Of(HelmTool.Render(valuesFile), "Deployment", "Job");

        foreach (var (name, pod) in pods)
        {
            foreach (var container in pod.At("containers").List().Concat(pod.At("initContainers").List()))
            {
                var what = $"{name}: {container.At("name")}";
                Assert.True(container.At("resources", "requests", "cpu") is not null, $"{what} requests no processor");
                var request = container.At("resources", "requests", "memory")?.ToString();
                var limit = container.At("resources", "limits", "memory")?.ToString();
                Assert.True(request is not null && limit is not null, $"{what} requests {request ?? "no"} memory and is limited to {limit ?? "none"}");
                Assert.True(Bytes(limit!) >= Bytes(request!), $"{what} is limited to {limit}, less than the {request} it requests");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryPod_RunsAsNonRoot_AndEveryContainer_OnAReadOnlyRootFilesystem_Unprivileged(string valuesFile)
    {
        foreach (var (name, pod) in Of(HelmTool.Render(valuesFile), "Deployment", "Job"))
        {
            Assert.True("true" == pod.At("securityContext", "runAsNonRoot")?.ToString(), $"{name} may run as root");
            Assert.True("RuntimeDefault" == pod.At("securityContext", "seccompProfile", "type")?.ToString(), $"{name} has no seccomp profile");
            Assert.True("false" == pod.At("automountServiceAccountToken")?.ToString(), $"{name} mounts a service account token");
            foreach (var container in pod.At("containers").List().Concat(pod.At("initContainers").List()))
            {
                var what = $"{name}: {container.At("name")}";
                Assert.True("true" == container.At("securityContext", "readOnlyRootFilesystem")?.ToString(), $"{what} may write its root filesystem");
                Assert.True("false" == container.At("securityContext", "allowPrivilegeEscalation")?.ToString(), $"{what} may escalate its privileges");
                Assert.Equal(["ALL"], container.At("securityContext", "capabilities", "drop").List().Select(c => c.ToString()));
                Assert.True(container.At("securityContext", "privileged") is null or "false", $"{what} is privileged");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void TrafficDisruptionBudgetsAndScrapes_SelectTheServingPods_NeverAMigrateJobsPod(string valuesFile)
    {
        var documents = HelmTool.Render(valuesFile);
        var podLabels = documents.Where(d => d.At("kind")?.ToString() is "Deployment" or "Job")
            .Select(d => (Kind: d.At("kind")!.ToString()!, Name: d.At("metadata", "name")!.ToString()!,
                Labels: d.At("spec", "template", "metadata", "labels").Map().ToDictionary(l => l.Key, l => l.Value?.ToString())))
            .ToList();
        var selectors = documents.Where(d => d.At("kind")?.ToString() is "Service" or "PodDisruptionBudget" or "PodMonitor")
            .Select(d => (Name: $"{d.At("kind")}/{d.At("metadata", "name")}",
                Selector: (d.At("kind")?.ToString() == "Service" ? d.At("spec", "selector") : d.At("spec", "selector", "matchLabels")).Map()))
            .ToList();

        Assert.Contains(podLabels, p => p.Kind == "Job");
        foreach (var (name, selector) in selectors)
        {
            var selected = podLabels.Where(p => selector.All(l => p.Labels.GetValueOrDefault(l.Key) == l.Value?.ToString())).ToList();
            Assert.True(selected.Any(p => p.Kind == "Deployment"), $"{name} selects no Deployment's pods");
            Assert.True(!selected.Any(p => p.Kind == "Job"), $"{name} selects the pods of {string.Join(", ", selected.Where(p => p.Kind == "Job").Select(p => p.Name))}");
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryCredential_ComesFromTheSecretOfItsOwnService(string valuesFile)
    {
        foreach (var (name, pod) in Of(HelmTool.Render(valuesFile), "Deployment", "Job"))
        {
            var service = name.Split('/')[1]["rel-ics-complaints-".Length..].Replace("-migrate", "", StringComparison.Ordinal);
            var env = pod.At("containers").List().SelectMany(c => c.At("env").List()).ToList();
            Assert.DoesNotContain(env, e => e.At("value")?.ToString() is { } value && CredentialValue().IsMatch(value));
            var secrets = env.Select(e => e.At("valueFrom", "secretKeyRef", "name")?.ToString()).OfType<string>().Distinct().ToList();
            // With the operators' clusters, also its roles' and broker user's own basic-auth Secrets (values postgresqlCluster, rabbitmqCluster).
            string[] own = [$"ics-complaints-{service}", $"ics-complaints-{service}-postgres", $"ics-complaints-{service}-postgres-owner", $"ics-complaints-{service}-rabbitmq"];
            Assert.True(secrets.All(own.Contains), $"{name} reads the Secrets {string.Join(", ", secrets)}");
        }
    }

    [Fact]
    public void EveryServiceWithADatabaseOrBroker_NamesASecretOfItsOwn()
    {
        var services = Yaml.Documents(File.ReadAllText(Path.Combine(HelmTool.Chart, "values.yaml"))).Single().At("services").Map();
        var withCredentials = services.Where(s => s.Value.At("database") is not null || s.Value.At("broker") is not null).ToList();

        Assert.Equal(7, withCredentials.Count);
        foreach (var (name, service) in withCredentials)
        {
            Assert.Equal($"ics-complaints-{name}", service.At("existingSecret"));
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void EveryService_RequestsAtLeastTheMemoryItWasMeasuredToHold(string valuesFile)
    {
        var measured = MeasuredResidentMegabytes();
        var deployments = Of(HelmTool.Render(valuesFile), "Deployment").ToDictionary(d => d.Name, d => d.Pod);

        Assert.Equal(ServiceTable.Repository.Lines.Count, measured.Count);
        foreach (var line in ServiceTable.Repository.Lines)
        {
            var container = deployments[$"Deployment/rel-ics-complaints-{line.Key}"].At("containers").List().Single();
            var request = container.At("resources", "requests", "memory")!.ToString()!;
            Assert.True(Bytes(request) >= measured[line.Name] * 1024 * 1024,
                $"{line.Name} requests {request}; docs/benchmarks.md measured it at {measured[line.Name]} MB");
        }
    }

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void NoValuesFile_HoldsACredential(string valuesFile)
    {
        Assert.Empty(CredentialScan.Problems(File.ReadAllText(Path.Combine(HelmTool.Chart, valuesFile))));
    }

    [Theory]
    [InlineData("services:\n  intake:\n    env:\n      Intake__ApiKey: abc123\n", ".services.intake.env.Intake__ApiKey holds a credential")]
    [InlineData("rabbitmq:\n  password: guest\n", ".rabbitmq.password holds a credential")]
    [InlineData("default:\n  env:\n    ConnectionStrings__casedb: Host=db;Username=ics_case;Password=hunter2\n", ".default.env.ConnectionStrings__casedb carries a credential")]
    [InlineData("otel:\n  endpoint: https://collector:s3cret@otel.example.org\n", ".otel.endpoint carries a credential")]
    [InlineData("extra: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIB\n", ".extra carries a credential")]
    public void TheCredentialCheck_FindsOneWrittenIntoValues(string values, string problem)
    {
        Assert.Contains(problem, CredentialScan.Problems(values));
    }

    [Fact]
    public void TheCredentialCheck_TakesReferencesToSecretsForWhatTheyAre()
    {
        const string values = "services:\n  case:\n    existingSecret: ics-complaints-case\nexternalProviders:\n  Cis2:\n    privateKey: true\n    secretKey: cis2-private-key\ningress:\n  tlsSecret: ics-tls\n";

        Assert.Empty(CredentialScan.Problems(values));
    }

    // The largest resident set docs/benchmarks.md measured of each service and the gateway, idle or after load, in MB:
    // the rows of its "Memory and start-up" table (| name | processes | idle RSS (second run) | idle PSS | RSS | PSS |).
    private static Dictionary<string, int> MeasuredResidentMegabytes()
    {
        var text = File.ReadAllText(TestKit.Repository.PathOf("docs", "benchmarks.md"));
        var section = text[text.IndexOf("## Memory and start-up", StringComparison.Ordinal)..];
        var names = ServiceTable.Repository.Lines.Select(l => l.Name).ToHashSet();
        var measured = new Dictionary<string, int>();
        foreach (Match row in MemoryRow().Matches(section))
        {
            if (names.Contains(row.Groups[1].Value) && !measured.ContainsKey(row.Groups[1].Value))
            {
                measured[row.Groups[1].Value] = new[] { row.Groups[2].Value, row.Groups[3].Value }
                    .SelectMany(cell => Number().Matches(cell).Select(n => int.Parse(n.Value, CultureInfo.InvariantCulture))).Max();
            }
        }
        return measured;
    }

    // Each pod template of the kinds, by kind/name.
    private static List<(string Name, object? Pod)> Of(List<Dictionary<object, object>> documents, params string[] kinds) =>
    [
        .. documents.Where(d => kinds.Contains(d.At("kind")?.ToString()))
            .Select(d => ($"{d.At("kind")}/{d.At("metadata", "name")}", d.At("spec", "template", "spec"))),
    ];

    // A Kubernetes memory quantity in bytes (binary and decimal suffixes).
    private static decimal Bytes(string quantity)
    {
        var match = Quantity().Match(quantity);
        Assert.True(match.Success, $"{quantity} is not a memory quantity");
        var factor = match.Groups[2].Value switch
        {
            "Ki" => 1024m, "Mi" => 1024m * 1024, "Gi" => 1024m * 1024 * 1024, "Ti" => 1024m * 1024 * 1024 * 1024,
            "k" => 1e3m, "M" => 1e6m, "G" => 1e9m, "T" => 1e12m,
            _ => 1m,
        };
        return decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * factor;
    }

    [GeneratedRegex(@"^\| ([a-z-]+) \| 1 \| ([0-9 ()]+) \| [0-9 ()]+ \| ([0-9 ()]+) \|", RegexOptions.Multiline)]
    private static partial Regex MemoryRow();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$")]
    private static partial Regex Quantity();

    // A password written out; $(NAME), a variable of the container from a Secret that Kubernetes substitutes, is none.
    [GeneratedRegex(@"password\s*=(?!\$\([A-Z_]+\)(;|$))|://[^/\s:@]+:(?!\$\([A-Z_]+\)@)[^@\s]+@|-----BEGIN", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialValue();
}
