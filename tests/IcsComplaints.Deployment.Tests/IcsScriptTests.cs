using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// <c>./ics</c> runs every service where deploy/services.tsv says, and tells each one where the services it calls
/// are, from the table alone: <c>./ics env &lt;service&gt;</c> prints the settings it starts the service with. A copy of
/// the scripts with a different table runs the services differently, so no list of its own is left in <c>./ics</c>.
/// Each test has a state directory of its own (generated secrets), never a checkout's <c>.ics</c>.
/// </summary>
public sealed class IcsScriptTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("ics-state");
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("ics-copy");

    private static ServiceTable Table => ServiceTable.Repository;

    public static TheoryData<string> Names => [.. Table.Lines.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void EachService_ListensOnItsPortsOfTheTable_AndIsToldWhereWhatItCallsListens(string name)
    {
        var settings = Settings(Repository.Root, name);

        AssertAddresses(Table, Table[name], settings, offset: 0);
    }

    [Fact]
    public void TheGateway_IsGivenADestinationForEveryClusterOfItsRoutes()
    {
        var settings = Settings(Repository.Root, "gateway");

        foreach (var cluster in AppSettingsAgreement.GatewayClusters())
        {
            var key = AppSettingsAgreement.Split(cluster).Key;
            Assert.True(settings.ContainsKey($"ReverseProxy__Clusters__{cluster}__Destinations__{key}__Address"), $"no destination for {cluster}");
        }
    }

    [Fact]
    public void WithAPortOffset_EveryServiceAndEveryAddressMoves()
    {
        foreach (var line in Table.Lines)
        {
            AssertAddresses(Table, line, Settings(Repository.Root, line.Name, ("ICS_PORT_OFFSET", "1000")), offset: 1000);
        }
    }

    [Fact]
    public void WithADifferentTable_IcsRunsTheServicesAsThatTableSays()
    {
        var changed = Table.With("intake", l => l with { HttpPort = 7101, GrpcPort = 7102 })
            .With("reporting", l => l with { Calls = ["intake", "case"] });
        CopyScripts(changed.ToText());

        foreach (var name in new[] { "intake", "reporting", "learning", "case", "gateway" })
        {
            AssertAddresses(changed, changed[name], Settings(_copy.FullName, name), offset: 0);
        }
    }

    [Fact]
    public void WithAPortOffset_PostgresRabbitMqAndClamdMoveToo_SoASecondInstallationRunsBesideTheFirst()
    {
        string Setting(string output, string name) => output.Split('\n').Single(l => l.StartsWith($"export {name}=", StringComparison.Ordinal));
        var (code, unmoved, errors) = Shell.Run(Environment(), "bash", Repository.PathOf("ics"), "env");
        Assert.True(code == 0, errors);
        var (_, moved, _) = Shell.Run(Environment(("ICS_PORT_OFFSET", "1000")), "bash", Repository.PathOf("ics"), "env");

        Assert.Equal(Setting(unmoved, "ICS_TEST_POSTGRES").Replace(";Port=55432;", ";Port=56432;", StringComparison.Ordinal), Setting(moved, "ICS_TEST_POSTGRES"));
        Assert.Equal(Setting(unmoved, "ICS_TEST_RABBITMQ").Replace(":55672/", ":56672/", StringComparison.Ordinal), Setting(moved, "ICS_TEST_RABBITMQ"));
        Assert.Equal(Setting(unmoved, "ICS_TEST_RABBITMQ_MANAGEMENT").Replace(":55673", ":56673", StringComparison.Ordinal), Setting(moved, "ICS_TEST_RABBITMQ_MANAGEMENT"));
        Assert.Equal("export ICS_TEST_CLAMD='127.0.0.1:5172'", Setting(unmoved, "ICS_TEST_CLAMD"));
        Assert.Equal("export ICS_TEST_CLAMD='127.0.0.1:6172'", Setting(moved, "ICS_TEST_CLAMD"));
        Assert.NotEqual(unmoved, moved);
    }

    [Fact]
    public void TheCaseServiceAlone_ScansDocumentsWithTheLocalClamd_WhichMovesWithThePortOffset()
    {
        foreach (var line in Table.Lines)
        {
            var settings = Settings(Repository.Root, line.Name);
            var moved = Settings(Repository.Root, line.Name, ("ICS_PORT_OFFSET", "1000"));
            var documents = settings.Where(s => s.Key.StartsWith("Documents__", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}");
            string[] expected = line.Name == "case" ? ["Documents__Scanner__Host=127.0.0.1", "Documents__Scanner__Port=5172"] : [];
            Assert.Equal(expected, documents);
            Assert.Equal(line.Name == "case" ? "6172" : null, moved.GetValueOrDefault("Documents__Scanner__Port"));
        }
    }

    [Fact]
    public void APortOffsetThatIsNotANumber_StopsIcs()
    {
        var (code, _, errors) = Shell.Run(Environment(("ICS_PORT_OFFSET", "1k")), "bash", Repository.PathOf("ics"), "env");

        Assert.NotEqual(0, code);
        Assert.Contains("ICS_PORT_OFFSET must be a number of ports", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intake\tservices/Intake/Intake.Api\tIcsComplaints.Intake.Api\t5\t6\tintakedb\tintake", "8 tab-separated fields")]
    [InlineData("intake\tservices/Intake/Intake.Api\tIcsComplaints.Intake.Api\tfive\t6\tintakedb\tintake\t-", "the ports must be numbers")]
    [InlineData("case\tservices/Case/Case.Api\tIcsComplaints.Case.Api\t5\t6\tcasedb\tcase\tbilling", "calls billing, which the table does not list")]
    public void AMalformedTable_StopsIcs_SayingWhatIsWrong(string line, string complaint)
    {
        var gateway = Table.ToText().Split('\n').Single(l => l.StartsWith("gateway\t", StringComparison.Ordinal));
        CopyScripts($"# a table with one bad line\n{line}\n{gateway}\n");

        var (code, _, errors) = Shell.Run(Environment(), "bash", Path.Combine(_copy.FullName, "ics"), "env", "gateway");

        Assert.NotEqual(0, code);
        Assert.Contains(complaint, errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _state.Delete(recursive: true);
        _copy.Delete(recursive: true);
    }

    // What ./ics gives a service at start, by its line of the table (plus an offset): Kestrel endpoints on loopback,
    // Services__<Key>__Grpc for each service it calls and, for the gateway, every other service's clusters.
    private static void AssertAddresses(ServiceTable table, ServiceLine line, Dictionary<string, string> settings, int offset)
    {
        string Loopback(int port) => $"http://127.0.0.1:{port + offset}";
        Assert.Equal(Loopback(line.HttpPort), settings["Kestrel__Endpoints__Http__Url"]);
        Assert.Equal(line.GrpcPort is { } grpc ? Loopback(grpc) : null, settings.GetValueOrDefault("Kestrel__Endpoints__Grpc__Url"));
        Assert.Equal(Loopback(table.Gateway.HttpPort) + "/", settings["Authentication__Authority"]);
        var calls = line.Calls.Select(c => table[c]).ToDictionary(c => $"Services__{c.Setting}__Grpc", c => Loopback(c.GrpcPort!.Value));
        Assert.Equal(calls.OrderBy(c => c.Key, StringComparer.Ordinal), settings.Where(s => s.Key.StartsWith("Services__", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal));
        var destinations = !line.IsGateway ? [] : table.Services.SelectMany(s => new[]
        {
            ($"ReverseProxy__Clusters__{s.Key}-http__Destinations__{s.Key}__Address", (int?)s.HttpPort),
            ($"ReverseProxy__Clusters__{s.Key}-grpc__Destinations__{s.Key}__Address", s.GrpcPort),
        }).Where(d => d.Item2 is not null).ToDictionary(d => d.Item1, d => Loopback(d.Item2!.Value));
        Assert.Equal(destinations.OrderBy(d => d.Key, StringComparer.Ordinal), settings.Where(s => s.Key.StartsWith("ReverseProxy__", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    private Dictionary<string, string> Settings(string root, string name, params (string Name, string Value)[] extra)
    {
        var (code, output, errors) = Shell.Run(Environment(extra), "bash", Path.Combine(root, "ics"), "env", name);
        Assert.True(code == 0, errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    }

    private Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string> { ["ICS_STATE_DIR"] = _state.FullName, ["ICS_PORT_OFFSET"] = "0" };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }
        return environment;
    }

    // ./ics and deploy/ in a directory of their own, with another table.
    private void CopyScripts(string table)
    {
        File.Copy(Repository.PathOf("ics"), Path.Combine(_copy.FullName, "ics"));
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("deploy"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy.FullName, Path.GetRelativePath(Repository.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(_copy.FullName, "deploy", "services.tsv"), table);
    }
}
