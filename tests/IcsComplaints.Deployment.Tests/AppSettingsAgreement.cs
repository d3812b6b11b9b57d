using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>A settings file of a service's project: its name and its text.</summary>
internal sealed record SettingsFile(string Name, string Json);

/// <summary>
/// The appsettings*.json files carry no port or address of their own: where a service listens and where it finds
/// the others is given where it runs (./ics from the table, compose and the chart by service name). The gateway's
/// routes name only clusters of the table's services, <c>&lt;key&gt;-http</c> and, for a service with gRPC,
/// <c>&lt;key&gt;-grpc</c>, so that every place that gives the destinations can give them all.
/// </summary>
internal static partial class AppSettingsAgreement
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The repository's settings files of a line's project.</summary>
    public static IReadOnlyList<SettingsFile> FilesOf(ServiceLine line) =>
        [.. Directory.GetFiles(Repository.PathOf(line.Project), "appsettings*.json").Order(StringComparer.Ordinal)
            .Select(f => new SettingsFile(Path.GetFileName(f), File.ReadAllText(f)))];

    /// <summary>What disagrees with the table, one sentence each; empty when everything agrees.</summary>
    public static List<string> Check(ServiceTable table, Func<ServiceLine, IReadOnlyList<SettingsFile>> filesOf)
    {
        var problems = new List<string>();
        foreach (var line in table.Lines)
        {
            var files = filesOf(line);
            if (!files.Any(f => f.Name == "appsettings.json"))
            {
                problems.Add($"{line.Project} has no appsettings.json");
            }
            foreach (var file in files)
            {
                foreach (var (key, value) in Flatten(file.Json))
                {
                    if (Address().IsMatch(value) || AddressSetting().IsMatch(key))
                    {
                        problems.Add($"{line.Project}/{file.Name} sets {key} = {value}: ports and addresses belong to deploy/services.tsv");
                    }
                }
            }
        }
        // Every settings file of the gateway, not only appsettings.json: an environment's file may route too.
        foreach (var gateway in filesOf(table.Gateway))
        {
            foreach (var cluster in GatewayClusters(gateway.Json))
            {
                var (key, kind) = Split(cluster);
                var line = table.WithKey(key);
                if (line is null || line.IsGateway || kind is not ("http" or "grpc") || (kind == "grpc" && line.GrpcPort is null))
                {
                    problems.Add($"{gateway.Name}: the gateway's cluster {cluster} is not <key>-http or <key>-grpc of a service of deploy/services.tsv that serves it");
                }
            }
        }
        return problems;
    }

    /// <summary>Every cluster the gateway's settings declare or route to.</summary>
    public static SortedSet<string> GatewayClusters(string json)
    {
        var settings = Flatten(json);
        var clusters = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (RouteCluster().IsMatch(key))
            {
                clusters.Add(value);
            }
            if (DeclaredCluster().Match(key) is { Success: true } declared)
            {
                clusters.Add(declared.Groups[1].Value);
            }
        }
        return clusters;
    }

    /// <summary>The repository's gateway clusters.</summary>
    public static SortedSet<string> GatewayClusters() => GatewayClusters(File.ReadAllText(Repository.PathOf(ServiceTable.Repository.Gateway.Project, "appsettings.json")));

    /// <summary>A cluster's service key and kind: intake-grpc is (intake, grpc).</summary>
    public static (string Key, string Kind) Split(string cluster)
    {
        var dash = cluster.LastIndexOf('-');
        return dash < 0 ? (cluster, "") : (cluster[..dash], cluster[(dash + 1)..]);
    }

    // Settings as configuration keys ("Kestrel:Endpoints:Http:Url"); an empty object is a key with an empty value.
    private static List<(string Key, string Value)> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        var settings = new List<(string, string)>();
        Walk(document.RootElement, "", settings);
        return settings;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var empty = true;
                foreach (var property in element.EnumerateObject())
                {
                    empty = false;
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}", settings);
                }
                if (empty)
                {
                    settings.Add((path, ""));
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}:{index++}", settings);
                }
                break;
            default:
                settings.Add((path, element.ToString()));
                break;
        }
    }

    [GeneratedRegex(@"://[^/\s]*:\d+")]
    private static partial Regex Address();

    [GeneratedRegex(@"^(Kestrel:Endpoints:[^:]+:Url|Services:[^:]+:Grpc|ReverseProxy:Clusters:[^:]+:Destinations:.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddressSetting();

    [GeneratedRegex("^ReverseProxy:Routes:[^:]+:ClusterId$")]
    private static partial Regex RouteCluster();

    [GeneratedRegex("^ReverseProxy:Clusters:([^:]+)(:|$)")]
    private static partial Regex DeclaredCluster();
}
