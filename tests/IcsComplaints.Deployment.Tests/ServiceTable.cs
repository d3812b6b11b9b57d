using System.Globalization;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>One line of <c>deploy/services.tsv</c>: a service or the gateway (the table's header explains each field).</summary>
internal sealed record ServiceLine(
    string Name, string Project, string Assembly, int HttpPort, int? GrpcPort, string? Database, string Key, IReadOnlyList<string> Calls)
{
    public bool IsGateway => Name == "gateway";

    /// <summary>The name others reach its gRPC by, <c>Services__&lt;Setting&gt;__Grpc</c>: the key, capitalised.</summary>
    public string Setting => char.ToUpperInvariant(Key[0]) + Key[1..];

    /// <summary>The database without "db", which names its roles (ics_advocacy) and passwords (ICS_DB_ADVOCACY_PASSWORD).</summary>
    public string? DatabaseKey => Database?[..^2];
}

/// <summary>
/// <c>deploy/services.tsv</c>, read as <c>./ics</c> reads it (<c>deploy/local/services.sh</c>): the tests hold every
/// other place that names a service's ports, addresses, database or project against it.
/// </summary>
internal sealed partial class ServiceTable
{
    public static readonly string TablePath = TestKit.Repository.PathOf("deploy", "services.tsv");

    private static readonly Lazy<ServiceTable> Loaded = new(() => Parse(File.ReadAllText(TablePath)));

    private ServiceTable(IReadOnlyList<ServiceLine> lines) => Lines = lines;

    /// <summary>The repository's table.</summary>
    public static ServiceTable Repository => Loaded.Value;

    /// <summary>Every line, in the table's order.</summary>
    public IReadOnlyList<ServiceLine> Lines { get; }

    /// <summary>Every line but the gateway's.</summary>
    public IEnumerable<ServiceLine> Services => Lines.Where(l => !l.IsGateway);

    public ServiceLine Gateway => Lines.Single(l => l.IsGateway);

    public ServiceLine this[string name] => Lines.SingleOrDefault(l => l.Name == name)
        ?? throw new KeyNotFoundException($"deploy/services.tsv has no line for {name}.");

    public ServiceLine? WithKey(string key) => Lines.SingleOrDefault(l => l.Key == key);

    /// <summary>A copy with one line changed: the deliberate mismatches that prove each check can fail.</summary>
    public ServiceTable With(string name, Func<ServiceLine, ServiceLine> change) =>
        new([.. Lines.Select(l => l.Name == name ? change(l) : l)]);

    /// <summary>A copy without a line.</summary>
    public ServiceTable Without(string name) => new([.. Lines.Where(l => l.Name != name)]);

    /// <summary>A copy with one more line.</summary>
    public ServiceTable Plus(ServiceLine line) => new([.. Lines, line]);

    /// <summary>The table's lines in the tab-separated form of the file, for a copy of the repository.</summary>
    public string ToText() => string.Join('\n', Lines.Select(l => string.Join('\t',
        l.Name, l.Project, l.Assembly, l.HttpPort.ToString(CultureInfo.InvariantCulture),
        l.GrpcPort?.ToString(CultureInfo.InvariantCulture) ?? "-", l.Database ?? "-", l.Key, l.Calls.Count == 0 ? "-" : string.Join(',', l.Calls)))) + "\n";

    public static ServiceTable Parse(string text)
    {
        var lines = new List<ServiceLine>();
        foreach (var (line, number) in text.Split('\n').Select((line, index) => (line, index + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length != 8 || f.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"deploy/services.tsv, line {number}: {f.Length} tab-separated fields, not 8 non-empty ones.");
            }
            if (!Port().IsMatch(f[3]) || !(f[4] == "-" || Port().IsMatch(f[4])))
            {
                throw new InvalidDataException($"deploy/services.tsv, line {number}: the ports must be numbers (gRPC: or -).");
            }
            lines.Add(new ServiceLine(
                f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture),
                f[4] == "-" ? null : int.Parse(f[4], CultureInfo.InvariantCulture),
                f[5] == "-" ? null : f[5], f[6], f[7] == "-" ? [] : f[7].Split(',')));
        }
        return new ServiceTable(lines);
    }

    [GeneratedRegex("^[0-9]{1,5}$")]
    private static partial Regex Port();
}

/// <summary>The ports every container listens on, from <c>deploy/Dockerfile</c>'s Kestrel settings.</summary>
internal static partial class ContainerPorts
{
    private static readonly string Dockerfile = File.ReadAllText(Repository.PathOf("deploy", "Dockerfile"));

    public static int Http { get; } = Of("Http");

    public static int Grpc { get; } = Of("Grpc");

    private static int Of(string endpoint) =>
        int.Parse(KestrelUrl().Matches(Dockerfile).Single(m => m.Groups[1].Value == endpoint).Groups[2].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Kestrel__Endpoints__(\w+)__Url=http://\+:(\d+)")]
    private static partial Regex KestrelUrl();
}
