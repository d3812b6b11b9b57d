namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// docker-compose.yml against deploy/services.tsv (ADR 19): a container per service under its name, its image built
/// once from deploy/Dockerfile with the line's project and assembly, its database's connection strings, the gRPC
/// address of each service it calls and, for the gateway, every cluster's destination, all on the container ports of
/// deploy/Dockerfile. Nothing runs that the table does not list, besides PostgreSQL, RabbitMQ, their init step, and the
/// mail catcher (smtp4dev) and virus scanner (clamav) that ./ics runs beside them.
/// </summary>
internal static class ComposeAgreement
{
    private static readonly string[] Infrastructure = ["postgres", "rabbitmq", "postgres-init", "smtp4dev", "clamav"];

    /// <summary>What disagrees with the table, one sentence each; empty when everything agrees.</summary>
    public static List<string> Check(ServiceTable table, string composeText, IReadOnlySet<string> gatewayClusters)
    {
        var compose = Yaml.Documents(composeText).Single().At("services").Map();
        var problems = new List<string>();
        foreach (var line in table.Lines)
        {
            if (!compose.TryGetValue(line.Name, out var container))
            {
                problems.Add($"compose has no service {line.Name}");
                continue;
            }
            var image = $"ics-complaints/{line.Name}:${{ICS_TAG:-local}}";
            var containers = new List<(string Name, object? Node)> { (line.Name, container) };
            if (line.Database is not null)
            {
                if (compose.TryGetValue(line.Name + "-migrate", out var migrate))
                {
                    containers.Add((line.Name + "-migrate", migrate));
                    Expect(problems, $"{line.Name}-migrate's command", "migrate", string.Join(' ', migrate.At("command").List()));
                    if (!Environment(migrate).ContainsKey($"ConnectionStrings__{line.Database}Owner"))
                    {
                        problems.Add($"{line.Name}-migrate has no ConnectionStrings__{line.Database}Owner");
                    }
                }
                else
                {
                    problems.Add($"compose has no service {line.Name}-migrate, which {line.Database} needs");
                }
            }
            foreach (var (name, node) in containers)
            {
                Expect(problems, $"{name}'s image", image, node.At("image")?.ToString());
                if (line.Database is not null && !Environment(node).ContainsKey($"ConnectionStrings__{line.Database}"))
                {
                    problems.Add($"{name} has no ConnectionStrings__{line.Database}");
                }
            }
            var builds = containers.Where(c => c.Node.At("build") is not null).ToList();
            if (builds.Count != 1)
            {
                problems.Add($"{line.Name}'s image is built by {builds.Count} services, not 1");
            }
            foreach (var (name, node) in builds)
            {
                Expect(problems, $"{name}'s build context", ".", node.At("build", "context")?.ToString());
                Expect(problems, $"{name}'s Dockerfile", "deploy/Dockerfile", node.At("build", "dockerfile")?.ToString());
                Expect(problems, $"{name}'s build argument PROJECT", line.Project, node.At("build", "args", "PROJECT")?.ToString());
                Expect(problems, $"{name}'s build argument ASSEMBLY", line.Assembly, node.At("build", "args", "ASSEMBLY")?.ToString());
            }
            var environment = Environment(container);
            Expect(problems, $"{line.Name}'s OTEL_SERVICE_NAME", line.Name, environment.GetValueOrDefault("OTEL_SERVICE_NAME"));
            var expected = line.IsGateway ? Destinations(table, gatewayClusters) : Calls(table, line);
            var actual = environment.Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal) || e.Key.StartsWith("ReverseProxy__", StringComparison.Ordinal))
                .ToDictionary(e => e.Key, e => e.Value);
            foreach (var (key, value) in expected)
            {
                Expect(problems, $"{line.Name}'s {key}", value, actual.GetValueOrDefault(key));
            }
            problems.AddRange(actual.Keys.Except(expected.Keys).Select(key => $"{line.Name}'s {key} is not in deploy/services.tsv"));
        }
        foreach (var name in compose.Keys.Except(Infrastructure))
        {
            if (!table.Lines.Any(l => name == l.Name || (l.Database is not null && name == l.Name + "-migrate")))
            {
                problems.Add($"compose runs {name}, which deploy/services.tsv does not list");
            }
        }
        var published = compose.GetValueOrDefault(table.Gateway.Name).At("ports").List().Select(p => p.ToString()!.Split(':')[^1]).ToList();
        Expect(problems, "the gateway's published container ports", $"{ContainerPorts.Http} {ContainerPorts.Grpc}", string.Join(' ', published));
        return problems;
    }

    /// <summary>The gRPC address of each service a line calls, by name in the network.</summary>
    public static Dictionary<string, string> Calls(ServiceTable table, ServiceLine line) =>
        line.Calls.Select(name => table[name]).ToDictionary(c => $"Services__{c.Setting}__Grpc", c => $"http://{c.Name}:{ContainerPorts.Grpc}");

    /// <summary>The destination of each gateway cluster, by service name in the network.</summary>
    public static Dictionary<string, string> Destinations(ServiceTable table, IReadOnlySet<string> gatewayClusters) =>
        gatewayClusters.ToDictionary(
            cluster => $"ReverseProxy__Clusters__{cluster}__Destinations__{AppSettingsAgreement.Split(cluster).Key}__Address",
            cluster => AppSettingsAgreement.Split(cluster) is var (key, kind) && table.WithKey(key) is { } service
                ? $"http://{service.Name}:{(kind == "grpc" ? ContainerPorts.Grpc : ContainerPorts.Http)}"
                : $"(no service with the key {key})");

    // A container's environment as compose passes it (merge keys applied, variables not yet substituted).
    private static Dictionary<string, string?> Environment(object? container) =>
        container.At("environment").Map().ToDictionary(e => e.Key, e => e.Value?.ToString());

    private static void Expect<T>(List<string> problems, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{what} is {actual?.ToString() ?? "missing"}, deploy/services.tsv says {expected}");
        }
    }
}
