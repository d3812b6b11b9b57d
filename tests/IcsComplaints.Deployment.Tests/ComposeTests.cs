using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// docker-compose.yml gives each service credentials of its own (ADR 17): its database's runtime role and its RabbitMQ
/// user, the owner role to its migrate step only, the administrators to the init steps only; its init steps provision
/// every database and broker user; <c>./ics compose-env</c> prints every setting it needs. Read without Docker.
/// </summary>
public sealed partial class ComposeTests
{
    // Service, its database (without "db"), its RabbitMQ user.
    private static readonly (string Service, string Database, string? Broker)[] Services =
    [
        ("identity", "identity", null),
        ("intake", "intake", "intake"),
        ("case", "case", "case"),
        ("advocacy-referral", "advocacy", "advocacy-referral"),
        ("learning", "learning", "learning"),
        ("reporting", "reporting", "reporting"),
    ];

    private static readonly string ComposeText = File.ReadAllText(Repository.PathOf("docker-compose.yml"));

    private static readonly Dictionary<string, object?> Compose = Yaml.Documents(ComposeText).Single().At("services").Map();

    public static TheoryData<string> ServiceNames => [.. Services.Select(s => s.Service)];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void EachService_ConnectsAsItsOwnRuntimeRoleAndBrokerUser(string service)
    {
        var (_, database, broker) = Services.Single(s => s.Service == service);
        var key = Key(database);

        foreach (var container in new[] { service, service + "-migrate" })
        {
            var env = Environment(container);
            Assert.Equal($"Host=postgres;Database={database}db;Username=ics_{database};Password=${{ICS_DB_{key}_PASSWORD:?run ./ics compose-env .env >> .env}}",
                env[$"ConnectionStrings__{database}db"]);
            Assert.Equal(
                broker is null ? null : $"amqp://{broker}:${{ICS_BROKER_{Key(broker)}_PASSWORD:?run ./ics compose-env .env >> .env}}@rabbitmq:5672/ics",
                env.GetValueOrDefault("ConnectionStrings__rabbitmq"));
            Assert.DoesNotContain(env, e => e.Value is not null && (e.Value.Contains("${ICS_DB_PASSWORD", StringComparison.Ordinal)
                || e.Value.Contains("${ICS_BROKER_PASSWORD", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void OnlyTheMigrateStep_HasTheDatabaseOwnersConnectionString(string service)
    {
        var database = Services.Single(s => s.Service == service).Database;

        Assert.Equal(
            $"Host=postgres;Database={database}db;Username=ics_{database}_owner;Password=${{ICS_DB_{Key(database)}_OWNER_PASSWORD:?run ./ics compose-env .env >> .env}}",
            Environment(service + "-migrate")[$"ConnectionStrings__{database}dbOwner"]);
        Assert.DoesNotContain(Environment(service), e => e.Key.EndsWith("Owner", StringComparison.Ordinal) || e.Value?.Contains("_OWNER_PASSWORD", StringComparison.Ordinal) == true);
        foreach (var other in Compose.Keys.Where(c => c != service + "-migrate" && c != "postgres-init"))
        {
            Assert.DoesNotContain(Environment(other), e => e.Value?.Contains($"ICS_DB_{Key(database)}_OWNER_PASSWORD", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void TheInitSteps_ProvisionEveryServicesDatabaseAndBrokerUser_AndRunBeforeTheMigrations()
    {
        var init = File.ReadAllText(Repository.PathOf("deploy", "postgres", "compose-init.sh"));
        var names = InitNames().Match(init).Groups[1].Value.Split(' ');
        Assert.Equal(Services.Select(s => s.Database).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var postgresInit = Environment("postgres-init");
        foreach (var (service, database, _) in Services)
        {
            Assert.Contains($"ICS_DB_{Key(database)}_OWNER_PASSWORD", postgresInit.Keys);
            Assert.Contains($"ICS_DB_{Key(database)}_PASSWORD", postgresInit.Keys);
            Assert.Equal("service_completed_successfully", Compose[service + "-migrate"].At("depends_on", "postgres-init", "condition"));
        }
        var rabbit = Environment("rabbitmq");
        Assert.Equal(["sh", "/ics/compose-entrypoint.sh"], Compose["rabbitmq"].At("entrypoint").List().Select(e => e.ToString()));
        foreach (var user in BrokerPermissions.All.Keys)
        {
            Assert.Contains($"ICS_BROKER_{Key(user)}_PASSWORD", rabbit.Keys);
        }
    }

    [Fact]
    public void ComposeEnv_PrintsEverySettingTheComposeFileRequires()
    {
        var required = RequiredSetting().Matches(ComposeText).Select(m => m.Groups[1].Value).ToHashSet();
        var (code, output, errors) = Run("bash", Repository.PathOf("ics"), "compose-env");
        Assert.True(code == 0, errors);
        var printed = output.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();

        Assert.Empty(required.Except(printed));
        Assert.Equal(printed.Count, output.Split('\n').Count(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')));
    }

    [Fact]
    public void TheDefinitionsScript_GivesEachUserOfTheTableItsPermissions_NoTags_AndTheAdministratorAlone()
    {
        var passwords = BrokerPermissions.All.Keys.ToDictionary(u => $"ICS_BROKER_{Key(u)}_PASSWORD", u => $"secret \"of\" \\{u}");
        passwords["ICS_BROKER_ADMIN_USER"] = "ics";
        passwords["ICS_BROKER_ADMIN_PASSWORD"] = "administrator";

        var (code, output, errors) = Run(passwords, "sh", Repository.PathOf("deploy", "rabbitmq", "definitions.sh"), BrokerPermissions.TablePath);

        Assert.True(code == 0, errors);
        using var definitions = JsonDocument.Parse(output);
        var users = definitions.RootElement.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(["administrator"], users["ics"].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        foreach (var (user, permission) in BrokerPermissions.All)
        {
            Assert.Equal($"secret \"of\" \\{user}", users[user].GetProperty("password").GetString());
            Assert.Empty(users[user].GetProperty("tags").EnumerateArray());
            var granted = definitions.RootElement.GetProperty("permissions").EnumerateArray().Single(p => p.GetProperty("user").GetString() == user);
            Assert.Equal("ics", granted.GetProperty("vhost").GetString());
            Assert.Equal(permission, new BrokerPermission(
                granted.GetProperty("configure").GetString()!, granted.GetProperty("write").GetString()!, granted.GetProperty("read").GetString()!));
        }
        Assert.Equal(BrokerPermissions.All.Count + 1, users.Count);

        passwords.Remove("ICS_BROKER_CASE_PASSWORD");
        var (missing, _, complaint) = Run(passwords, "sh", Repository.PathOf("deploy", "rabbitmq", "definitions.sh"), BrokerPermissions.TablePath);
        Assert.NotEqual(0, missing);
        Assert.Contains("ICS_BROKER_CASE_PASSWORD", complaint, StringComparison.Ordinal);
    }

    private static string Key(string name) => name.ToUpperInvariant().Replace('-', '_');

    // A container's environment as compose passes it (merge keys applied, variables not yet substituted).
    private static Dictionary<string, string?> Environment(string container) =>
        Compose[container].At("environment").Map().ToDictionary(e => e.Key, e => e.Value?.ToString());

    private static (int Code, string Output, string Errors) Run(string file, params string[] args) => Run(new Dictionary<string, string>(), file, args);

    private static (int Code, string Output, string Errors) Run(Dictionary<string, string> environment, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }

    [GeneratedRegex(@"\$\{(ICS_[A-Z_]+):\?")]
    private static partial Regex RequiredSetting();

    [GeneratedRegex(@"for name in ([a-z ]+); do")]
    private static partial Regex InitNames();
}
