namespace IcsComplaints.Bench.Faults;

/// <summary>One service or the gateway of the running stack, as ./ics runs it.</summary>
/// <param name="Name">Its name in deploy/services.tsv (intake, case, gateway...).</param>
/// <param name="Address">Its own HTTP address, where /health/ready answers.</param>
/// <param name="HasDatabase">Whether it has a PostgreSQL database of its own.</param>
/// <param name="HasBroker">Whether it reaches RabbitMQ (its outbox and consumers).</param>
public sealed record StackService(string Name, Uri Address, bool HasDatabase, bool HasBroker);

/// <summary>
/// The installation under test, as <c>./ics bench faults</c> describes it (deploy/local/commands.sh, faults_env): the
/// ./ics script that stops and starts its parts, the gateway, every service and the databases counted in.
/// </summary>
public sealed record StackSettings(
    string Ics, string StateDirectory, Uri Gateway, string DemoPassword, IReadOnlyList<StackService> Services,
    IReadOnlyDictionary<string, string> Databases)
{
    /// <summary>The databases whose rows the accounting reads, each under its service's runtime role.</summary>
    public static readonly string[] CountedDatabases = ["intakedb", "casedb", "reportingdb", "correspondencedb"];

    public static StackSettings FromEnvironment()
    {
        var services = Required("ICS_FAULTS_SERVICES").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseService).ToList();
        var databases = CountedDatabases.ToDictionary(db => db, db => Required($"ConnectionStrings__{db}"));
        return new StackSettings(
            Required("ICS_FAULTS_ICS"), Required("ICS_STATE_DIR"), new Uri(Required("ICS_FAULTS_GATEWAY")), Required("ICS_DEMO_PASSWORD"),
            services, databases);
    }

    public StackService Service(string name) =>
        Services.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"The stack has no service named {name}.");

    // name=http://127.0.0.1:port/|db|broker, the last two only when the service has them.
    private static StackService ParseService(string entry)
    {
        var parts = entry.Split('|');
        var nameAndAddress = parts[0].Split('=', 2);
        return new StackService(nameAndAddress[0], new Uri(nameAndAddress[1]), parts.Contains("db"), parts.Contains("broker"));
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the suite with ./ics bench faults.");
}
