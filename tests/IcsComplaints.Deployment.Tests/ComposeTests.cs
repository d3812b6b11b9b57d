using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// docker-compose.yml gives each service credentials of its own (ADR 17): its database's runtime role and its RabbitMQ
/// user, the owner role to its migrate step only, the administrators to the init steps only; its init steps provision
/// every database and broker user; <c>./ics compose-env</c> prints every setting it needs; and every service is what
/// its line of deploy/services.tsv says (ComposeAgreement). Read without Docker.
/// </summary>
public sealed partial class ComposeTests
{
    // Each service with a database: its name, its database's key (without "db") and its RabbitMQ user, if any.
    private static readonly (string Service, string Database, string? Broker)[] Services =
    [
        .. ServiceTable.Repository.Services.Where(s => s.DatabaseKey is not null)
            .Select(s => (s.Name, s.DatabaseKey!, BrokerPermissions.All.ContainsKey(s.Name) ? s.Name : null)),
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

    [Fact]
    public void TheIdentityServiceAlone_IsGivenNhsCis2AndNhsLogin_OffUntilEachHasAnAuthority_WithCredentialsFromTheEnvironmentOnly()
    {
        var env = Environment("identity");

        foreach (var (provider, variable) in new[] { ("Cis2", "ICS_CIS2"), ("NhsLogin", "ICS_NHS_LOGIN") })
        {
            var at = $"Identity__ExternalProviders__{provider}__";
            Assert.Equal($"${{{variable}_AUTHORITY:-}}", env[at + "Authority"]);
            Assert.Equal($"${{{variable}_PRIVATE_KEY:-}}", env[at + "PrivateKey"]);
            Assert.Equal($"${{{variable}_CLIENT_SECRET:-}}", env[at + "ClientSecret"]);
            Assert.Equal(provider == "Cis2" ? "Staff" : "Public", env[at + "Audience"]);
        }
        foreach (var other in Compose.Keys.Where(c => c is not "identity" and not "identity-migrate"))
        {
            Assert.DoesNotContain(Environment(other), e => e.Key.StartsWith("Identity__ExternalProviders__", StringComparison.Ordinal));
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
        var postgresInit = Environment("postgres-init");
        foreach (var (service, database, _) in Services)
        {
            Assert.Contains($"ICS_DB_{Key(database)}_OWNER_PASSWORD", postgresInit.Keys);
            Assert.Contains($"ICS_DB_{Key(database)}_PASSWORD", postgresInit.Keys);
            Assert.Equal("service_completed_successfully", Compose[service + "-migrate"].At("depends_on", "postgres-init", "condition"));
        }
        Assert.Equal(["sh", "/ics/postgres/compose-init.sh"], Compose["postgres-init"].At("command").List().Select(e => e.ToString()));
        Assert.Equal(["./deploy:/ics:ro"], Compose["postgres-init"].At("volumes").List().Select(e => e.ToString()));
        var rabbit = Environment("rabbitmq");
        Assert.Equal(["sh", "/ics/compose-entrypoint.sh"], Compose["rabbitmq"].At("entrypoint").List().Select(e => e.ToString()));
        foreach (var user in BrokerPermissions.All.Keys)
        {
            Assert.Contains($"ICS_BROKER_{Key(user)}_PASSWORD", rabbit.Keys);
        }
    }

    [Fact]
    public void ThePostgresInitScript_ProvisionsEachDatabaseOfTheServiceTable_WithItsOwnPasswords()
    {
        // psql replaced by a script that records each call and the passwords it was given.
        var bin = Directory.CreateTempSubdirectory("fake-psql");
        try
        {
            var log = Path.Combine(bin.FullName, "calls");
            Shell.WriteScript(Path.Combine(bin.FullName, "psql"), $"#!/bin/sh\necho \"$* owner=$ICS_OWNER_PASSWORD runtime=$ICS_RUNTIME_PASSWORD\" >>'{log}'\n");
            var environment = new Dictionary<string, string> { ["PATH"] = $"{bin.FullName}:{System.Environment.GetEnvironmentVariable("PATH")}" };
            foreach (var (_, database, _) in Services)
            {
                environment[$"ICS_DB_{Key(database)}_OWNER_PASSWORD"] = $"owner-of-{database}";
                environment[$"ICS_DB_{Key(database)}_PASSWORD"] = $"runtime-of-{database}";
            }

            var (code, _, errors) = Shell.Run(environment, "sh", Repository.PathOf("deploy", "postgres", "compose-init.sh"));

            Assert.True(code == 0, errors);
            var calls = File.ReadAllLines(log);
            Assert.Equal(Services.Length, calls.Length);
            foreach (var ((_, database, _), call) in Services.Zip(calls))
            {
                Assert.Contains($"-v db={database}db -v owner=ics_{database}_owner -v runtime=ics_{database} ", call, StringComparison.Ordinal);
                Assert.EndsWith($"owner=owner-of-{database} runtime=runtime-of-{database}", call, StringComparison.Ordinal);
            }
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public void EveryServiceOfTheTable_RunsAsItsLineSays_AndNothingElseRuns()
    {
        Assert.Empty(ComposeAgreement.Check(ServiceTable.Repository, ComposeText, AppSettingsAgreement.GatewayClusters()));
    }

    [Theory]
    [InlineData("a renamed database", "case has no ConnectionStrings__casedb2")]
    [InlineData("a call compose does not make", "reporting's Services__Case__Grpc is missing")]
    [InlineData("another project", "case-migrate's build argument PROJECT is services/Case/Case.Api, deploy/services.tsv says services/Case/Case.Service")]
    [InlineData("a service compose lacks", "compose has no service notifier")]
    [InlineData("a line compose still runs", "compose runs reporting, which deploy/services.tsv does not list")]
    [InlineData("a gRPC port compose does not use", "case's Services__Advocacy__Grpc is http://advocacy-referral:8082")]
    public void TheComposeCheck_FailsOnADeliberateMismatch(string mismatch, string problem)
    {
        var table = ServiceTable.Repository;
        var compose = ComposeText;
        switch (mismatch)
        {
            case "a renamed database": table = table.With("case", l => l with { Database = "casedb2" }); break;
            case "a call compose does not make": table = table.With("reporting", l => l with { Calls = ["intake", "case"] }); break;
            case "another project": table = table.With("case", l => l with { Project = "services/Case/Case.Service" }); break;
            case "a service compose lacks": table = table.Plus(new ServiceLine("notifier", "notifier/Notifier", "IcsComplaints.Notifier", 7001, null, null, "notifier", [])); break;
            case "a line compose still runs": table = table.Without("reporting"); break;
            default: compose = compose.Replace("Services__Advocacy__Grpc: http://advocacy-referral:8081", "Services__Advocacy__Grpc: http://advocacy-referral:8082", StringComparison.Ordinal); break;
        }

        var problems = ComposeAgreement.Check(table, compose, AppSettingsAgreement.GatewayClusters());

        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void TheMailCatcher_IsTheSmtp4devVersionIcsRuns_TheCorrespondenceServiceSendsToIt_AndItsWebPageIsOnLoopbackOnly()
    {
        var script = File.ReadAllText(Repository.PathOf("deploy", "local", "mail.sh"));
        var version = Smtp4devVersion().Match(script).Groups[1].Value;

        Assert.Equal($"rnwood/smtp4dev:{version}", Compose["smtp4dev"].At("image")?.ToString());
        Assert.Equal("", Environment("smtp4dev")["ServerOptions__Database"]);
        Assert.Equal(["127.0.0.1:${ICS_SMTP_WEB_PORT:-5170}:80"], Compose["smtp4dev"].At("ports").List().Select(p => p.ToString()));
        var correspondence = Environment("correspondence");
        Assert.Equal("${ICS_SMTP_HOST:-smtp4dev}", correspondence["Correspondence__Smtp__Host"]);
        Assert.Equal("${ICS_SMTP_PORT:-25}", correspondence["Correspondence__Smtp__Port"]);
        Assert.Equal("service_started", Compose["correspondence"].At("depends_on", "smtp4dev", "condition"));
    }

    [Fact]
    public void TheVirusScanner_IsTheClamAvImageThatUpdatesItsOwnSignatures_OnlyInsideTheNetwork_AndTheCaseServiceScansWithIt()
    {
        Assert.Equal("clamav/clamav:1.4", Compose["clamav"].At("image")?.ToString());
        Assert.Null(Compose["clamav"].At("ports"));
        Assert.Equal(["clamav-data:/var/lib/clamav"], Compose["clamav"].At("volumes").List().Select(v => v.ToString()));
        foreach (var container in new[] { "case", "case-migrate" })
        {
            var env = Environment(container);
            Assert.Equal("${ICS_SCANNER_HOST:-clamav}", env["Documents__Scanner__Host"]);
            Assert.Equal("${ICS_SCANNER_PORT:-3310}", env["Documents__Scanner__Port"]);
        }
        Assert.Equal("service_started", Compose["case"].At("depends_on", "clamav", "condition"));
        foreach (var other in Compose.Keys.Where(c => c is not "case" and not "case-migrate"))
        {
            Assert.DoesNotContain(Environment(other), e => e.Key.StartsWith("Documents__", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ComposeEnv_PrintsEverySettingTheComposeFileRequires()
    {
        var required = RequiredSetting().Matches(ComposeText).Select(m => m.Groups[1].Value).ToHashSet();
        var (code, output, errors) = Shell.Run("bash", Repository.PathOf("ics"), "compose-env");
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

        var (code, output, errors) = Shell.Run(passwords, "sh", Repository.PathOf("deploy", "rabbitmq", "definitions.sh"), BrokerPermissions.TablePath);

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
        var (missing, _, complaint) = Shell.Run(passwords, "sh", Repository.PathOf("deploy", "rabbitmq", "definitions.sh"), BrokerPermissions.TablePath);
        Assert.NotEqual(0, missing);
        Assert.Contains("ICS_BROKER_CASE_PASSWORD", complaint, StringComparison.Ordinal);
    }

    [Fact]
    public void TheComposeFile_IsValidAgainstTheComposeSpecification()
    {
        var (code, output) = Validators.Compose(Repository.PathOf("docker-compose.yml"));

        Assert.True(code == 0, output);
    }

    [Theory]
    [InlineData("restart: unless-stopped", "restrat: unless-stopped", "instancePath=\"/services/postgres\"")]
    [InlineData("condition: service_completed_successfully", "condition: service_completed_sucessfully", "/depends_on")]
    [InlineData("\nname: ics-complaints", "\nnmae: ics-complaints", "instancePath=\"\"")]
    public void TheComposeCheck_FailsOnAFieldTheSpecificationDoesNotAllow(string field, string wrong, string where)
    {
        Assert.Contains(field, ComposeText, StringComparison.Ordinal);
        var file = Path.Combine(Directory.CreateTempSubdirectory("compose").FullName, "docker-compose.yml");
        try
        {
            File.WriteAllText(file, ComposeText.Replace(field, wrong, StringComparison.Ordinal));

            var (code, output) = Validators.Compose(file);

            Assert.Equal(1, code);
            Assert.Contains("invalid-schema", output, StringComparison.Ordinal);
            Assert.Contains(where, output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static string Key(string name) => name.ToUpperInvariant().Replace('-', '_');

    // A container's environment as compose passes it (merge keys applied, variables not yet substituted).
    private static Dictionary<string, string?> Environment(string container) =>
        Compose[container].At("environment").Map().ToDictionary(e => e.Key, e => e.Value?.ToString());

    [GeneratedRegex(@"^SMTP4DEV_VERSION=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex Smtp4devVersion();

    [GeneratedRegex(@"\$\{(ICS_[A-Z_]+):\?")]
    private static partial Regex RequiredSetting();
}
