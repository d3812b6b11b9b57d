using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// What the values files of a real cluster (a small ICS, production) add to the chart: an autoscaler for each stateless
/// service, a default-deny NetworkPolicy with one policy per workload allowing only the flows of the architecture
/// (deploy/services.tsv's calls, each service's database and broker), and replicas spread across zones. The
/// development values add none of it.
/// </summary>
public sealed class ProductionChartTests
{
    private const string Prefix = "rel-ics-complaints-";

    public static TheoryData<string> ClusterValuesFiles => ["values-small-ics.yaml", "values-production.yaml"];

    // The services keeping documents, which scan them with clamd (values services.*.documents).
    private static readonly string[] KeepingDocuments =
    [
        .. Yaml.Documents(File.ReadAllText(Path.Combine(HelmTool.Chart, "values.yaml"))).Single().At("services").Map()
            .Where(s => s.Value.At("documents")?.ToString() == "true").Select(s => s.Key),
    ];

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EveryStatelessService_IsScaledByAnAutoscalerOfItsOwnDeployment_AndThePortalIsNot(string valuesFile)
    {
        var documents = HelmTool.Render(valuesFile);
        var deployments = Named(documents, "Deployment");
        var autoscalers = Named(documents, "HorizontalPodAutoscaler");
        var budgets = Named(documents, "PodDisruptionBudget");

        Assert.Equal(ServiceTable.Repository.Lines.Where(l => l.Key != "portal").Select(l => Prefix + l.Key).Order(StringComparer.Ordinal), autoscalers.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, autoscaler) in autoscalers)
        {
            Assert.Equal("autoscaling/v2", autoscaler.At("apiVersion"));
            Assert.Equal("apps/v1", autoscaler.At("spec", "scaleTargetRef", "apiVersion"));
            Assert.Equal("Deployment", autoscaler.At("spec", "scaleTargetRef", "kind"));
            Assert.Equal(name, autoscaler.At("spec", "scaleTargetRef", "name"));
            Assert.True(deployments.ContainsKey(name), $"{name} scales a Deployment the chart does not render");
            var least = int.Parse(autoscaler.At("spec", "minReplicas")!.ToString()!, System.Globalization.CultureInfo.InvariantCulture);
            var most = int.Parse(autoscaler.At("spec", "maxReplicas")!.ToString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(least, 2, most);
            var metric = Assert.Single(autoscaler.At("spec", "metrics").List());
            Assert.Equal("cpu", metric.At("resource", "name"));
            Assert.Equal("Utilization", metric.At("resource", "target", "type"));
            // The autoscaler sets the replicas; an upgrade that set them too would undo its work.
            Assert.Null(deployments[name].At("spec", "replicas"));
            Assert.Equal("1", budgets[name].At("spec", "minAvailable"));
        }
        Assert.Equal("1", deployments[Prefix + "portal"].At("spec", "replicas"));
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EveryPodOfTheRelease_IsUnderTheDefaultDeny_AndOnePolicyOfItsOwnWorkload(string valuesFile)
    {
        var documents = HelmTool.Render(valuesFile);
        var policies = Named(documents, "NetworkPolicy");

        var deny = policies[Prefix + "default-deny"];
        Assert.Equal(new Dictionary<string, object?> { ["app.kubernetes.io/instance"] = "rel" }, deny.At("spec", "podSelector", "matchLabels").Map());
        Assert.Equal(["Ingress", "Egress"], deny.At("spec", "policyTypes").List().Select(t => t.ToString()));
        Assert.Null(deny.At("spec", "ingress"));
        Assert.Null(deny.At("spec", "egress"));
        // One per service and the gateway, one for the chart's clamd, the default deny, and Prometheus's scrape (both
        // cluster values files turn monitoring on), which only adds an ingress rule (MonitoringChartTests).
        Assert.Equal(ServiceTable.Repository.Lines.Count + 1 + 1 + 1, policies.Count);
        foreach (var pod in documents.Where(d => d.At("kind")?.ToString() is "Deployment" or "Job"))
        {
            var labels = pod.At("spec", "template", "metadata", "labels").Map();
            var selecting = policies.Where(p => p.Key is not (Prefix + "default-deny" or Prefix + "prometheus-scrape")
                && p.Value.At("spec", "podSelector", "matchLabels").Map().All(l => labels.TryGetValue(l.Key, out var v) && Equals(v, l.Value))).ToList();
            var own = Assert.Single(selecting);
            Assert.Equal(Prefix + labels["app.kubernetes.io/name"], own.Key);
            Assert.Equal(["Ingress", "Egress"], own.Value.At("spec", "policyTypes").List().Select(t => t.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EachService_AcceptsOnlyTheGatewayAndTheServicesCallingIt_AndTheGatewayOnlyTheIngressControllerAndThePortal(string valuesFile)
    {
        var policies = Named(HelmTool.Render(valuesFile), "NetworkPolicy");

        foreach (var line in ServiceTable.Repository.Lines)
        {
            var rules = policies[Prefix + line.Key].At("spec", "ingress").List();
            if (line.IsGateway)
            {
                var rule = Assert.Single(rules);
                Assert.Equal(["http"], Ports(rule));
                Assert.Equal("ingress-nginx", rule.At("from").List()[0].At("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
                Assert.Equal("portal", rule.At("from").List()[1].At("podSelector", "matchLabels", "app.kubernetes.io/name"));
                continue;
            }
            var callers = ServiceTable.Repository.Lines.Where(l => l.Calls.Contains(line.Name)).Select(l => l.Key).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(callers.Count == 0 ? 1 : 2, rules.Count);
            Assert.Equal("gateway", Assert.Single(rules[0].At("from").List()).At("podSelector", "matchLabels", "app.kubernetes.io/name"));
            Assert.Equal(["http", "grpc"], Ports(rules[0]));
            if (callers.Count > 0)
            {
                Assert.Equal(callers, Selected(rules[1]).Order(StringComparer.Ordinal));
                Assert.Equal(["grpc"], Ports(rules[1]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EachService_SendsOnlyToWhatItUses_AndNoRuleIsOpenToAnyPortOrAnywhere(string valuesFile)
    {
        var policies = Named(HelmTool.Render(valuesFile), "NetworkPolicy");

        foreach (var line in ServiceTable.Repository.Lines)
        {
            var rules = policies[Prefix + line.Key].At("spec", "egress").List();
            Assert.All(rules, r => Assert.NotEmpty(r.At("to").List()));
            Assert.All(rules, r => Assert.NotEmpty(r.At("ports").List()));
            var byPorts = rules.GroupBy(r => string.Join(",", Ports(r))).ToDictionary(g => g.Key, g => g.ToList());
            Assert.True(byPorts.ContainsKey("53,53"), $"{line.Key} cannot resolve names");
            Assert.True(byPorts.ContainsKey("443"), $"{line.Key} cannot reach the public address");
            Assert.True(byPorts.ContainsKey("4317"), $"{line.Key} cannot send its telemetry");
            Assert.Equal(line.Database is not null, byPorts.ContainsKey("5432"));
            Assert.Equal(BrokerPermissions.All.ContainsKey(line.Name), byPorts.ContainsKey("5672"));
            Assert.Equal(KeepingDocuments.Contains(line.Key), byPorts.ContainsKey("3310"));
            var calls = line.Calls.Select(c => ServiceTable.Repository[c].Key).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(calls, SelectedBy(byPorts, "8081"));
            var routed = line.IsGateway ? ServiceTable.Repository.Services.Select(l => l.Key).Order(StringComparer.Ordinal).ToList() : [];
            Assert.Equal(routed, SelectedBy(byPorts, "8080,8081"));
            Assert.Equal(line.Key == "portal", byPorts.ContainsKey("8080"));
        }
    }

    [Fact]
    public void Production_SpreadsEveryWorkloadAcrossZones_NeverTwoInOneZoneWhileAnotherHasFewer()
    {
        foreach (var (name, deployment) in Named(HelmTool.Render("values-production.yaml"), "Deployment"))
        {
            var constraints = deployment.At("spec", "template", "spec", "topologySpreadConstraints").List();
            var zone = constraints.SingleOrDefault(c => c.At("topologyKey")?.ToString() == "topology.kubernetes.io/zone");
            Assert.True(zone is not null, $"{name} is not spread across zones");
            Assert.Equal("DoNotSchedule", zone.At("whenUnsatisfiable"));
            Assert.Equal("1", zone.At("maxSkew"));
            Assert.Equal(deployment.At("spec", "selector", "matchLabels").Map(), zone.At("labelSelector", "matchLabels").Map());
        }
    }

    [Fact]
    public void Development_RunsOneOfEach_WithoutAutoscalersDisruptionBudgetsOrNetworkPolicies()
    {
        var documents = HelmTool.Render("values-development.yaml");

        Assert.DoesNotContain(documents, d => d.At("kind")?.ToString() is "HorizontalPodAutoscaler" or "PodDisruptionBudget" or "NetworkPolicy");
        Assert.All(Named(documents, "Deployment").Values, d => Assert.Equal("1", d.At("spec", "replicas")));
    }

    [Fact]
    public void AnEmptyListOfPeers_WhichANetworkPolicyWouldTakeForAnywhere_IsRefused()
    {
        var (code, output) = HelmTool.Template("values-production.yaml", "--set-json", "networkPolicy.postgres.to=[]");

        Assert.NotEqual(0, code);
        Assert.Contains("networkPolicy.postgres.to", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithExternalSignInProviders_TheIdentityServiceMustBeAllowedToReachThem()
    {
        const string providers = """externalProviders={"Cis2":{"displayName":"CIS2","authority":"https://cis2.example.nhs.uk/","clientId":"ics","audience":"Staff","secretKey":"k"}}""";
        const string egress = """networkPolicy.egress.identity=[{"to":[{"ipBlock":{"cidr":"203.0.113.0/24"}}],"ports":[{"port":443,"protocol":"TCP"}]}]""";

        var (refused, why) = HelmTool.Template("values-production.yaml", "--set-json", providers);
        var identity = Named(HelmTool.Render("values-production.yaml", "--set-json", providers, "--set-json", egress), "NetworkPolicy")[Prefix + "identity"];

        Assert.NotEqual(0, refused);
        Assert.Contains("networkPolicy.egress.identity", why, StringComparison.Ordinal);
        Assert.Contains(identity.At("spec", "egress").List(), r => r.At("to").List().Single().At("ipBlock", "cidr")?.ToString() == "203.0.113.0/24");
    }

    [Fact]
    public void Production_KeepsOneOfItsTwoVirusScanners_ThroughADrain()
    {
        var budget = Named(HelmTool.Render("values-production.yaml"), "PodDisruptionBudget")[Prefix + "clamav"];

        Assert.Equal("1", budget.At("spec", "minAvailable"));
        Assert.Equal("clamav", budget.At("spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    private static Dictionary<string, Dictionary<object, object>> Named(List<Dictionary<object, object>> documents, string kind) =>
        documents.Where(d => d.At("kind")?.ToString() == kind).ToDictionary(d => d.At("metadata", "name")!.ToString()!);

    private static List<string> Ports(object rule) => [.. rule.At("ports").List().Select(p => p.At("port")!.ToString()!)];

    // The workloads the rules on the ports pick, in order of name (none without such rules).
    private static List<string> SelectedBy(Dictionary<string, List<object>> rulesByPorts, string ports) =>
        [.. rulesByPorts.GetValueOrDefault(ports, []).SelectMany(Selected).Order(StringComparer.Ordinal)];

    // The workloads a rule's pod selector picks by name (app.kubernetes.io/name In [...]).
    private static IEnumerable<string> Selected(object rule) =>
        rule.At("to").List().Concat(rule.At("from").List())
            .SelectMany(p => p.At("podSelector", "matchExpressions").List())
            .Where(e => e.At("key")?.ToString() == "app.kubernetes.io/name")
            .SelectMany(e => e.At("values").List().Select(v => v.ToString()!));
}
