using System.Globalization;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// What ./ics bench passes the benchmarks that run over the stack with complaints already stored (store, growth,
/// lifecycle): the state directory, intake's and the gateway's addresses on the command line; through the environment
/// each service database's runtime and owner connection strings, intake's broker address and the demo's password and
/// client secret. Owners only write the stored complaints; everything measured goes through the services.
/// </summary>
internal sealed class StackSettings(string[] args)
{
    public string State { get; } = Text(args, "--state") ?? throw new ArgumentException("--state <the ./ics state directory> is required");

    public Uri Intake { get; } = new(Text(args, "--intake") ?? throw new ArgumentException("--intake <intake's address> is required"));

    public Uri Gateway { get; } = new(Text(args, "--gateway") ?? throw new ArgumentException("--gateway <the gateway's address> is required"));

    public string DemoPassword { get; } = Variable("ICS_DEMO_PASSWORD");

    public string DemoClientSecret { get; } = Variable("ICS_DEMO_CLIENT_SECRET");

    public string RabbitVirtualHost { get; } = new Uri(Variable("ConnectionStrings__rabbitmq")).AbsolutePath.Trim('/');

    /// <summary>The runtime connection strings of intakedb, casedb and reportingdb, which Downstream reads as.</summary>
    public IReadOnlyDictionary<string, string> Runtime { get; } =
        new[] { "intakedb", "casedb", "reportingdb" }.ToDictionary(db => db, db => Variable("ConnectionStrings__" + db));

    /// <summary>Writes complaints already stored, as each database's owner.</summary>
    public StoredComplaints Stored { get; } =
        new(Variable("ConnectionStrings__intakedbOwner"), Variable("ConnectionStrings__casedbOwner"), Variable("ConnectionStrings__reportingdbOwner"));

    public string? Text(string name) => Text(args, name);

    /// <summary>Whether the flag <paramref name="name"/> was given.</summary>
    public bool Has(string name) => args.Contains(name, StringComparer.Ordinal);

    public int Number(string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run this through ./ics bench.");
}
