using System.Text.RegularExpressions;
using System.Xml.Linq;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// deploy/services.tsv is whole and consistent, and it is the one place for ports and addresses: the appsettings
/// carry none, and no script, manifest or test writes one of its ports again (the README's table shows them and is
/// checked). Each check is shown to fail on a deliberate mismatch.
/// </summary>
public sealed partial class ServiceTableTests
{
    private static ServiceTable Table => ServiceTable.Repository;

    [Fact]
    public void TheTable_NamesEachServiceOnce_WithPortsOfItsOwn_AndCallsOnlyServicesThatServeGrpc()
    {
        Assert.Single(Table.Lines, l => l.IsGateway);
        Assert.Equal(Table.Lines.Count, Table.Lines.Select(l => l.Name).Distinct().Count());
        Assert.Equal(Table.Lines.Count, Table.Lines.Select(l => l.Key).Distinct().Count());
        var ports = Table.Lines.SelectMany(l => l.GrpcPort is { } grpc ? [l.HttpPort, grpc] : new[] { l.HttpPort }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(Table.Lines.Where(l => l.Database is not null), l => Assert.Matches("^[a-z]+db$", l.Database!));
        Assert.Equal(Table.Lines.Count(l => l.Database is not null), Table.Lines.Select(l => l.Database).OfType<string>().Distinct().Count());
        foreach (var line in Table.Lines)
        {
            Assert.All(line.Calls, callee => Assert.True(Table.Lines.Any(l => l.Name == callee && l.GrpcPort is not null && !l.IsGateway),
                $"{line.Name} calls {callee}, which is not a service of the table that serves gRPC"));
        }
    }

    [Fact]
    public void TheTable_ListsEveryServiceAndTheGateway_WithTheAssemblyItsProjectBuilds()
    {
        var hosts = Directory.GetDirectories(Repository.PathOf("services"), "*.Api", SearchOption.AllDirectories)
            .Concat(Directory.GetDirectories(Repository.PathOf("services"), "*.Web", SearchOption.AllDirectories))
            .Append(Repository.PathOf("gateway", "IcsComplaints.Gateway"))
            .Select(d => Path.GetRelativePath(Repository.Root, d).Replace('\\', '/'));

        Assert.Equal(hosts.Order(StringComparer.Ordinal), Table.Lines.Select(l => l.Project).Order(StringComparer.Ordinal));
        foreach (var line in Table.Lines)
        {
            var project = Assert.Single(Directory.GetFiles(Repository.PathOf(line.Project), "*.csproj"));
            var assembly = XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
            Assert.Equal(line.Assembly, assembly);
        }
    }

    [Fact]
    public void TheAppSettings_CarryNoPortOrAddress_AndTheGatewayRoutesOnlyToClustersOfTheTablesServices()
    {
        Assert.Empty(AppSettingsAgreement.Check(Table, AppSettingsAgreement.FilesOf));
        Assert.NotEmpty(AppSettingsAgreement.GatewayClusters());
    }

    [Theory]
    [InlineData("intake", """{"Kestrel":{"Endpoints":{"Http":{"Url":"http://127.0.0.1:7001"}}}}""", "Kestrel:Endpoints:Http:Url")]
    [InlineData("case", """{"Services":{"Intake":{"Grpc":"http://127.0.0.1:7002"}}}""", "Services:Intake:Grpc")]
    [InlineData("learning", """{"Anything":{"Else":"http://localhost:8080/"}}""", "Anything:Else")]
    [InlineData("gateway", """{"ReverseProxy":{"Clusters":{"intake-http":{"Destinations":{"intake":{"Address":"http://127.0.0.1:7001"}}}}}}""", "ReverseProxy:Clusters:intake-http:Destinations:intake:Address")]
    [InlineData("gateway", """{"ReverseProxy":{"Routes":{"bills":{"ClusterId":"billing-http"}}}}""", "billing-http")]
    [InlineData("gateway", """{"ReverseProxy":{"Clusters":{"identity-grpc":{}}}}""", "identity-grpc")]
    public void TheAppSettingsCheck_FailsOnAPortOrAddressOfTheirOwn_OrAClusterOfNoService(string service, string json, string named)
    {
        var problems = AppSettingsAgreement.Check(Table, line =>
            line.Name == service ? [.. AppSettingsAgreement.FilesOf(line), new SettingsFile("appsettings.Development.json", json)] : AppSettingsAgreement.FilesOf(line));

        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void NoPortOfTheTable_IsWrittenInTheScriptsManifestsSettingsCodeOrTests()
    {
        // Generated migrations are left out: their numbers are column lengths and the like, never addresses.
        var code = Files("services", "*.cs").Concat(Files("gateway", "*.cs"))
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal));
        var places = new[] { "ics", ".ci/run", "docker-compose.yml" }.Select(f => Repository.PathOf(f))
            .Concat(Files("deploy", "*.sh")).Concat(Files("charts", "*")).Concat(Files("tests", "*.cs")).Concat(Files("bench", "*.cs"))
            .Concat(Files("services", "appsettings*.json")).Concat(Files("gateway", "appsettings*.json")).Concat(code);
        var ports = Table.Lines.SelectMany(l => l.GrpcPort is { } grpc ? [l.HttpPort, grpc] : new[] { l.HttpPort }).ToList();

        var found = (from file in places
                     let text = File.ReadAllText(file)
                     from port in ports
                     where Regex.IsMatch(text, $"(?<![0-9]){port}(?![0-9])")
                     select $"{Path.GetRelativePath(Repository.Root, file)}: {port}").ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void TheReadme_ShowsTheTablesPorts()
    {
        Assert.Empty(ReadmeDisagreements(Table, File.ReadAllText(Repository.PathOf("README.md"))));
    }

    [Fact]
    public void TheReadmeCheck_FailsWhenAPortDiffers()
    {
        var @case = Table["case"];
        var moved = Table.With("case", l => l with { GrpcPort = 7002 });

        Assert.Contains($"case: the README shows {@case.HttpPort}, {@case.GrpcPort}; deploy/services.tsv says {@case.HttpPort}, 7002",
            ReadmeDisagreements(moved, File.ReadAllText(Repository.PathOf("README.md"))));
    }

    // The ports column of the README's "What runs" table, one row per service by its name in backquotes.
    private static List<string> ReadmeDisagreements(ServiceTable table, string readme)
    {
        var rows = ReadmeRow().Matches(readme).ToDictionary(m => m.Groups[1].Value, m => string.Join(", ", Number().Matches(m.Groups[2].Value).Select(n => n.Value)));
        return
        [
            .. from line in table.Lines
               let expected = string.Join(", ", line.GrpcPort is { } grpc ? [line.HttpPort, grpc] : new[] { line.HttpPort })
               let shown = rows.GetValueOrDefault(line.Name) ?? "nothing"
               where shown != expected
               select $"{line.Name}: the README shows {shown}; deploy/services.tsv says {expected}",
        ];
    }

    private static IEnumerable<string> Files(string directory, string pattern) =>
        Directory.EnumerateFiles(Repository.PathOf(directory), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

    [GeneratedRegex(@"^\| `([a-z-]+)` \|.*\| ([^|]*) \|$", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    [GeneratedRegex("[0-9]{4,5}")]
    private static partial Regex Number();
}
