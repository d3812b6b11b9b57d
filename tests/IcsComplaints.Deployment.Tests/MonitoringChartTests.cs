using System.Text.Json;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// What monitoring.enabled adds (ADR 53): a PodMonitor scraping /metrics of each service but the gateway, a
/// NetworkPolicy letting only Prometheus reach those ports, the alerts each with its entry in docs/operations.md, and
/// the Grafana dashboard in a ConfigMap for Grafana's sidecar. The development values add none of it.
/// </summary>
public sealed class MonitoringChartTests
{
    private const string Prefix = "rel-ics-complaints-";

    public static TheoryData<string> ClusterValuesFiles => ["values-small-ics.yaml", "values-production.yaml"];

    private static readonly string[] Scraped = [.. ServiceTable.Repository.Lines.Where(l => !l.IsGateway).Select(l => l.Key).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EachServiceButTheGateway_IsScrapedAtMetricsOnItsHttpPort_ByItsOwnPods(string valuesFile)
    {
        var documents = HelmTool.Render(valuesFile);
        var monitors = Named(documents, "PodMonitor");
        var deployments = Named(documents, "Deployment");

        Assert.Equal(Scraped.Select(s => Prefix + s), monitors.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, monitor) in monitors)
        {
            var podLabels = deployments[name].At("spec", "template", "metadata", "labels").Map();
            var selector = monitor.At("spec", "selector", "matchLabels").Map();
            Assert.All(deployments[name].At("spec", "selector", "matchLabels").Map(), l => Assert.Equal(l.Value, selector.GetValueOrDefault(l.Key)));
            Assert.All(selector, l => Assert.Equal(l.Value, podLabels.GetValueOrDefault(l.Key)));
            var endpoint = Assert.Single(monitor.At("spec", "podMetricsEndpoints").List());
            Assert.Equal(("http", "/metrics"), (endpoint.At("port"), endpoint.At("path")));
            Assert.Equal("kube-prometheus-stack", monitor.At("metadata", "labels", "release"));
            Assert.Contains(endpoint.At("relabelings").List(), r => r.At("targetLabel")?.ToString() == "service");
        }
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void OnlyPrometheus_MayReachTheScrapedPorts_AndOnlyTheirHttpPort(string valuesFile)
    {
        var policy = Named(HelmTool.Render(valuesFile), "NetworkPolicy")[Prefix + "prometheus-scrape"];

        Assert.Equal(["Ingress"], policy.At("spec", "policyTypes").List().Select(t => t.ToString()));
        Assert.Null(policy.At("spec", "egress"));
        var selected = Assert.Single(policy.At("spec", "podSelector", "matchExpressions").List());
        Assert.Equal(Scraped, selected.At("values").List().Select(v => v.ToString()).Order(StringComparer.Ordinal));
        var rule = Assert.Single(policy.At("spec", "ingress").List());
        Assert.Equal(["http"], rule.At("ports").List().Select(p => p.At("port")!.ToString()));
        var from = Assert.Single(rule.At("from").List());
        Assert.Equal("monitoring", from.At("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        Assert.Equal("prometheus", from.At("podSelector", "matchLabels", "app.kubernetes.io/name"));
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void EveryAlert_HasItsEntryInTheRunbook(string valuesFile)
    {
        var rule = Assert.Single(Named(HelmTool.Render(valuesFile), "PrometheusRule")).Value;
        var runbook = File.ReadAllText(Repository.PathOf("docs", "operations.md"));

        var alerts = rule.At("spec", "groups").List().SelectMany(g => g.At("rules").List()).ToList();
        Assert.Equal(["IcsCertificateExpiring", "IcsConsumerLagging", "IcsConsumerStuck", "IcsOutboxGrowing", "IcsOutboxParked", "IcsServerErrors"],
            alerts.Select(a => a.At("alert")!.ToString()!).Order(StringComparer.Ordinal));
        foreach (var alert in alerts)
        {
            var name = alert.At("alert")!.ToString()!;
            Assert.Equal($"docs/operations.md#{name.ToLowerInvariant()}", alert.At("annotations", "runbook"));
            Assert.Contains($"\n### {name}\n", runbook, StringComparison.Ordinal);
            Assert.Contains(alert.At("labels", "severity")?.ToString(), new[] { "critical", "warning" });
        }
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void TheDashboard_IsTheChartsJsonFile_LabelledForGrafanasSidecar(string valuesFile)
    {
        var map = Assert.Single(Named(HelmTool.Render(valuesFile), "ConfigMap"), m => m.Key == Prefix + "dashboard").Value;

        Assert.Equal("1", map.At("metadata", "labels", "grafana_dashboard"));
        var json = map.At("data", "ics-complaints.json")!.ToString()!;
        Assert.Equal(File.ReadAllText(Path.Combine(HelmTool.Chart, "dashboards", "ics-complaints.json")).TrimEnd(), json.TrimEnd());
        using var dashboard = JsonDocument.Parse(json);
        var targets = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _)).SelectMany(p => p.GetProperty("targets").EnumerateArray()).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains("namespace=\"$namespace\"", t.GetProperty("expr").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Development_RendersNoMonitoring()
    {
        var kinds = HelmTool.Render("values-development.yaml").Select(d => d.At("kind")?.ToString()).ToHashSet();

        Assert.DoesNotContain("PodMonitor", kinds);
        Assert.DoesNotContain("PrometheusRule", kinds);
        Assert.DoesNotContain(Named(HelmTool.Render("values-development.yaml"), "ConfigMap").Keys, k => k == Prefix + "dashboard");
    }

    private static Dictionary<string, Dictionary<object, object>> Named(List<Dictionary<object, object>> documents, string kind) =>
        documents.Where(d => d.At("kind")?.ToString() == kind).ToDictionary(d => d.At("metadata", "name")!.ToString()!);
}
