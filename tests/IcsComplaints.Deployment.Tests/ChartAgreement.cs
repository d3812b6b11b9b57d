using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The Helm chart against deploy/services.tsv (ADR 19). Its values hold an entry per line under the line's key, with
/// the line's name as image, its database and the keys of the services it calls; rendered, every Deployment is told
/// where those services answer gRPC, the gateway where every cluster's service is, and each container listens on the
/// ports of deploy/Dockerfile. Besides them the chart deploys only the infrastructure below.
/// </summary>
internal static class ChartAgreement
{
    /// <summary>What the chart deploys that is no service of the table: the clamd that scans documents (values documents.scanner).</summary>
    public static readonly string[] Infrastructure = ["clamav"];

    /// <summary>Whether a rendered object belongs to a service of the table rather than to the chart's infrastructure.</summary>
    public static bool OfAService(Dictionary<object, object> document) =>
        !Infrastructure.Contains(document.At("metadata", "labels").Map().GetValueOrDefault("app.kubernetes.io/name")?.ToString());

    /// <summary>What in values.yaml disagrees with the table, one sentence each.</summary>
    public static List<string> CheckValues(ServiceTable table, string valuesText)
    {
        var services = Yaml.Documents(valuesText).Single().At("services").Map();
        var problems = new List<string>();
        foreach (var line in table.Lines)
        {
            if (!services.TryGetValue(line.Key, out var entry))
            {
                problems.Add($"values has no services.{line.Key} for {line.Name}");
                continue;
            }
            var where = $"services.{line.Key}";
            Expect(problems, $"{where}.image", line.Name, entry.At("image")?.ToString());
            Expect(problems, $"{where}.database", line.Database, entry.At("database")?.ToString());
            Expect(problems, $"{where}.calls", string.Join(',', line.Calls.Select(c => table[c].Key)), string.Join(',', entry.At("calls").List()));
            Expect(problems, $"{where}.gateway", line.IsGateway ? "true" : null, entry.At("gateway")?.ToString());
            // A Secret of its own for every service with credentials (a database, a broker user); the gateway and the
            // portal have none.
            var hasCredentials = line.Database is not null || BrokerPermissions.All.ContainsKey(line.Name);
            Expect(problems, $"{where}.existingSecret", hasCredentials ? $"ics-complaints-{line.Key}" : null, entry.At("existingSecret")?.ToString());
            Expect(problems, $"{where}.broker.user", BrokerPermissions.All.ContainsKey(line.Name) ? line.Name : null, entry.At("broker", "user")?.ToString());
        }
        problems.AddRange(services.Keys.Where(key => table.WithKey(key) is null).Select(key => $"values has services.{key}, which deploy/services.tsv does not list"));
        return problems;
    }

    /// <summary>What in the chart rendered as release <paramref name="release"/> disagrees with the table.</summary>
    public static List<string> CheckRendered(ServiceTable table, List<Dictionary<object, object>> documents, string release, IReadOnlySet<string> gatewayClusters)
    {
        string Address(ServiceLine line, int port) => $"http://{release}-ics-complaints-{line.Key}:{port}";
        var problems = new List<string>();
        var deployments = documents.Where(d => d.At("kind")?.ToString() == "Deployment" && OfAService(d))
            .ToDictionary(d => d.At("metadata", "labels").Map()["app.kubernetes.io/name"]!.ToString()!, d => d.At("spec", "template", "spec", "containers").List().Single());
        foreach (var line in table.Lines)
        {
            if (!deployments.TryGetValue(line.Key, out var container))
            {
                problems.Add($"the chart renders no Deployment for {line.Key}");
                continue;
            }
            var ports = string.Join(' ', container.At("ports").List().Select(p => p.At("containerPort")));
            Expect(problems, $"{line.Key}'s container ports", $"{ContainerPorts.Http} {ContainerPorts.Grpc}", ports);
            var env = container.At("env").List().Where(e => e.At("value") is not null)
                .ToDictionary(e => e.At("name")!.ToString()!, e => e.At("value")!.ToString()!);
            var calls = line.Calls.Select(c => table[c]).ToDictionary(c => $"Services__{c.Setting}__Grpc", c => Address(c, ContainerPorts.Grpc));
            var given = env.Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal)).ToDictionary();
            foreach (var (name, value) in calls)
            {
                Expect(problems, $"{line.Key}'s {name}", value, given.GetValueOrDefault(name));
            }
            problems.AddRange(given.Keys.Except(calls.Keys).Select(name => $"{line.Key} is given {name}, which deploy/services.tsv does not say it calls"));
            if (line.IsGateway)
            {
                foreach (var cluster in gatewayClusters)
                {
                    var (key, kind) = AppSettingsAgreement.Split(cluster);
                    var target = table.WithKey(key);
                    Expect(problems, $"the gateway's destination of {cluster}",
                        target is null ? $"(no service with the key {key})" : Address(target, kind == "grpc" ? ContainerPorts.Grpc : ContainerPorts.Http),
                        env.GetValueOrDefault($"ReverseProxy__Clusters__{cluster}__Destinations__{key}__Address"));
                }
            }
        }
        problems.AddRange(deployments.Keys.Where(key => table.WithKey(key) is null).Select(key => $"the chart deploys {key}, which deploy/services.tsv does not list"));
        return problems;
    }

    private static void Expect(List<string> problems, string what, string? expected, string? actual)
    {
        if (expected != actual && !(string.IsNullOrEmpty(expected) && string.IsNullOrEmpty(actual)))
        {
            problems.Add($"{what} is {(string.IsNullOrEmpty(actual) ? "missing" : actual)}, deploy/services.tsv says {(string.IsNullOrEmpty(expected) ? "none" : expected)}");
        }
    }
}
