namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// PostgreSQL and RabbitMQ past one machine (values postgresqlCluster, rabbitmqCluster): off by default, on in
/// production, where the chart renders a CloudNativePG Cluster with every service's database and both its roles, backups
/// to object storage with the WAL for point-in-time recovery and a nightly base backup, a three-node RabbitmqCluster
/// with quorum queues, and each service's connection strings pointing at them with the passwords of its own Secrets.
/// Their manifests are validated by the schemas of deploy/validate/operators (ADR 56), which reject what they do not name.
/// </summary>
public sealed partial class OperatorChartTests
{
    private static readonly string[] OperatorKinds = ["Cluster", "Database", "ScheduledBackup", "RabbitmqCluster", "User"];

    [Theory]
    [InlineData("values.yaml")]
    [InlineData("values-development.yaml")]
    [InlineData("values-small-ics.yaml")]
    public void WithoutTheOperators_NothingOfThemIsRendered_AndTheConnectionStringsAreTheSecrets(string valuesFile)
    {
        var documents = HelmTool.Render(valuesFile);

        Assert.DoesNotContain(documents, d => OperatorKinds.Contains(d.At("kind")?.ToString()));
        foreach (var (service, env) in ServiceEnv(documents))
        {
            Assert.All(env.Where(e => e.At("name")?.ToString()?.StartsWith("ConnectionStrings__", StringComparison.Ordinal) == true),
                e => Assert.Equal($"ics-complaints-{service}", e.At("valueFrom", "secretKeyRef", "name")));
        }
    }

    [Fact]
    public void Production_RunsPostgresAsACloudNativePgCluster_WithEveryServicesDatabaseAndRoles_AndPointInTimeRecovery()
    {
        var documents = HelmTool.Render("values-production.yaml");

        var cluster = Assert.Single(documents, d => d.At("kind")?.ToString() == "Cluster");
        Assert.Equal("postgresql.cnpg.io/v1", cluster.At("apiVersion"));
        Assert.Equal("ics-complaints-postgres", cluster.At("metadata", "name"));
        Assert.Equal("3", cluster.At("spec", "instances"));
        Assert.NotNull(cluster.At("spec", "storage", "size"));
        Assert.NotNull(cluster.At("spec", "resources", "limits", "memory"));
        // Backups and WAL to the bucket, by the pods' cloud identity or a Secret, never keys in the values.
        var store = cluster.At("spec", "backup", "barmanObjectStore");
        Assert.StartsWith("s3://", store.At("destinationPath")?.ToString(), StringComparison.Ordinal);
        Assert.NotNull(store.At("wal"));
        Assert.Equal("30d", cluster.At("spec", "backup", "retentionPolicy"));
        var scheduled = Assert.Single(documents, d => d.At("kind")?.ToString() == "ScheduledBackup");
        Assert.Equal("ics-complaints-postgres", scheduled.At("spec", "cluster", "name"));
        Assert.Equal("barmanObjectStore", scheduled.At("spec", "method"));

        var roles = cluster.At("spec", "managed", "roles").List()
            .ToDictionary(r => r.At("name")!.ToString()!, r => r.At("passwordSecret", "name")?.ToString());
        var databases = documents.Where(d => d.At("kind")?.ToString() == "Database")
            .ToDictionary(d => d.At("spec", "name")!.ToString()!, d => d.At("spec", "owner")?.ToString());
        var withDatabases = ServiceTable.Repository.Lines.Where(l => l.Database is not null).ToList();
        Assert.Equal(withDatabases.Select(l => l.Database!).Order(StringComparer.Ordinal), databases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(withDatabases.Count * 2, roles.Count);
        foreach (var line in withDatabases)
        {
            Assert.Equal($"ics_{line.DatabaseKey}_owner", databases[line.Database!]);
            Assert.Equal($"ics-complaints-{line.Key}-postgres-owner", roles[$"ics_{line.DatabaseKey}_owner"]);
            Assert.Equal($"ics-complaints-{line.Key}-postgres", roles[$"ics_{line.DatabaseKey}"]);
        }
    }

    [Fact]
    public void Production_RunsRabbitMqAsAThreeNodeCluster_WithQuorumQueues_AndAUserPerService()
    {
        var documents = HelmTool.Render("values-production.yaml");

        var cluster = Assert.Single(documents, d => d.At("kind")?.ToString() == "RabbitmqCluster");
        Assert.Equal("rabbitmq.com/v1beta1", cluster.At("apiVersion"));
        Assert.Equal("3", cluster.At("spec", "replicas"));
        Assert.NotNull(cluster.At("spec", "resources", "requests", "memory"));
        var config = cluster.At("spec", "rabbitmq", "additionalConfig")!.ToString()!;
        Assert.Contains("default_queue_type = quorum", config, StringComparison.Ordinal);
        Assert.Contains("default_vhost = ics", config, StringComparison.Ordinal);
        // Its pods are the operator's, outside the release's default deny, which selects by app.kubernetes.io/instance.
        Assert.Null(cluster.At("metadata", "labels", "app.kubernetes.io/instance"));

        var users = documents.Where(d => d.At("kind")?.ToString() == "User").ToList();
        var permissions = documents.Where(d => d.At("kind")?.ToString() == "Permission").ToList();
        Assert.Equal(permissions.Count, users.Count);
        Assert.All(users, u => Assert.Equal("ics-complaints-rabbitmq", u.At("spec", "rabbitmqClusterReference", "name")));
        Assert.All(permissions, p => Assert.Equal("ics-complaints-rabbitmq", p.At("spec", "rabbitmqClusterReference", "name")));
    }

    [Fact]
    public void Production_PointsEveryServiceAtTheOperatorsClusters_WithThePasswordsOfItsOwnSecrets()
    {
        var documents = HelmTool.Render("values-production.yaml");

        foreach (var (service, env) in ServiceEnv(documents))
        {
            var line = ServiceTable.Repository.WithKey(service)!;
            var values = env.Where(e => e.At("value") is not null).ToDictionary(e => e.At("name")!.ToString()!, e => e.At("value")!.ToString()!);
            var secrets = env.Where(e => e.At("valueFrom") is not null).ToDictionary(e => e.At("name")!.ToString()!, e => e.At("valueFrom", "secretKeyRef", "name")!.ToString()!);
            if (line.Database is { } database)
            {
                Assert.Equal($"Host=ics-complaints-postgres-rw;Port=5432;Database={database};SSL Mode=Require;Username=ics_{line.DatabaseKey};Password=$(ICS_DATABASE_PASSWORD)",
                    values[$"ConnectionStrings__{database}"]);
                Assert.Equal($"ics-complaints-{service}-postgres", secrets["ICS_DATABASE_PASSWORD"]);
                // Kubernetes substitutes only a variable defined before the one that names it.
                Assert.True(NameIndex(env, "ICS_DATABASE_PASSWORD") < NameIndex(env, $"ConnectionStrings__{database}"));
            }
            if (values.TryGetValue("ConnectionStrings__rabbitmq", out var broker))
            {
                Assert.Matches(BrokerAddress(), broker);
                Assert.Equal($"ics-complaints-{service}-rabbitmq", secrets["ICS_BROKER_PASSWORD"]);
                Assert.True(NameIndex(env, "ICS_BROKER_PASSWORD") < NameIndex(env, "ConnectionStrings__rabbitmq"));
            }
        }
        // Only the migrate Jobs get the owner's password.
        var jobs = documents.Where(d => d.At("kind")?.ToString() == "Job").ToList();
        Assert.NotEmpty(jobs);
        Assert.All(jobs, job => Assert.Contains(Env(job), e => e.At("name")?.ToString() == "ICS_DATABASE_OWNER_PASSWORD"));
        Assert.DoesNotContain(ServiceEnv(documents).SelectMany(s => s.Env), e => e.At("name")?.ToString() == "ICS_DATABASE_OWNER_PASSWORD");
    }

    [Fact]
    public void Production_LetsTheServicesReachTheOperatorsPods_AndNothingElseOnTheirPorts()
    {
        var documents = HelmTool.Render("values-production.yaml");
        var intake = Assert.Single(documents, d => d.At("kind")?.ToString() == "NetworkPolicy" && d.At("metadata", "name")?.ToString() == "rel-ics-complaints-intake");

        var egress = intake.At("spec", "egress").List();
        var postgres = Assert.Single(egress, r => r.At("ports").List().Any(p => p.At("port")?.ToString() == "5432"));
        var rabbitmq = Assert.Single(egress, r => r.At("ports").List().Any(p => p.At("port")?.ToString() == "5672"));

        Assert.Equal("ics-complaints-postgres", Assert.Single(postgres.At("to").List()).At("podSelector", "matchLabels", "cnpg.io/cluster"));
        Assert.Equal("ics-complaints-rabbitmq", Assert.Single(rabbitmq.At("to").List()).At("podSelector", "matchLabels", "app.kubernetes.io/name"));
    }

    [Theory]
    [InlineData("  instances: 3", "  instnaces: 3", "/spec must NOT have additional properties: instnaces")]
    [InlineData("        login: true", "        logon: true", "must NOT have additional properties: logon")]
    [InlineData("  backupOwnerReference: self", "  backupOwnerReference: always", "/spec/backupOwnerReference must be equal to one of the allowed values")]
    [InlineData("        compression: gzip", "        compression: zip", "/compression must be equal to one of the allowed values")]
    [InlineData("  owner: ics_intake_owner", "  owners: ics_intake_owner", "must have required property 'owner'")]
    [InlineData("  replicas: 3\n  resources:", "  replica: 3\n  resources:", "RabbitmqCluster/ics-complaints-rabbitmq: /spec must NOT have additional properties: replica")]
    [InlineData("  importCredentialsSecret:", "  importCredentialSecret:", "must NOT have additional properties: importCredentialSecret")]
    public void TheOperatorSchemas_RejectAMisspeltOrWrongField(string field, string wrong, string message)
    {
        var (_, manifests) = HelmTool.Template("values-production.yaml");
        Assert.Contains(field, manifests, StringComparison.Ordinal);

        var (code, output) = Validators.Kubernetes(manifests.Replace(field, wrong, StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    // Each service Deployment's name without the release's prefix, and its container's environment.
    private static IEnumerable<(string Service, List<object> Env)> ServiceEnv(List<Dictionary<object, object>> documents) =>
        documents.Where(d => d.At("kind")?.ToString() == "Deployment" && d.At("metadata", "labels", "app.kubernetes.io/part-of")?.ToString() == "ics-complaints")
            .Select(d => (d.At("metadata", "name")!.ToString()!["rel-ics-complaints-".Length..], Env(d)))
            .Where(s => ServiceTable.Repository.WithKey(s.Item1) is not null);

    private static List<object> Env(Dictionary<object, object> workload) =>
        [.. workload.At("spec", "template", "spec", "containers").List().SelectMany(c => c.At("env").List())];

    private static int NameIndex(List<object> env, string name) => env.FindIndex(e => e.At("name")?.ToString() == name);

    [System.Text.RegularExpressions.GeneratedRegex(@"^amqp://[a-z-]+:\$\(ICS_BROKER_PASSWORD\)@ics-complaints-rabbitmq:5672/ics$")]
    private static partial System.Text.RegularExpressions.Regex BrokerAddress();
}
