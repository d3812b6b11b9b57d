using System.Text.RegularExpressions;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The Helm chart lints, renders every workload as deploy/services.tsv describes it (ChartAgreement), runs it
/// non-root on a read-only root filesystem, deploys the clamd that scans documents unless given one, and its schema
/// refuses misspelt values. Helm comes from
/// <c>ICS_HELM</c> (set by <c>./ics test</c>) or the PATH; the values are checked against the table without it.
/// </summary>
public sealed partial class HelmChartTests
{
    private static readonly string Chart = HelmTool.Chart;

    private static readonly string ValuesText = File.ReadAllText(Path.Combine(Chart, "values.yaml"));

    [Fact]
    public void Chart_LintsStrictly()
    {
        var (code, output) = Helm("lint", "--strict", Chart);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Chart_RendersADeploymentAndServicesPerService_AndAMigrateJobPerDatabase()
    {
        var (code, output) = Helm("template", "rel", Chart, "--namespace", "ics");

        Assert.True(code == 0, output);
        var kinds = KindLine().Matches(output).Select(m => m.Groups[1].Value).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        // Every service's, and the chart's clamd (Deployment and Service).
        Assert.Equal(9 + 1, kinds["Deployment"]);
        Assert.Equal(18 + 1, kinds["Service"]);
        Assert.Equal(7, kinds["Job"]);
        Assert.Contains("helm.sh/hook: pre-install,pre-upgrade", output, StringComparison.Ordinal);
        Assert.Contains("args: [\"migrate\"]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("password", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Chart_PointsTheGatewayAtEveryServiceOverHttpAndGrpc()
    {
        var (_, output) = Helm("template", "rel", Chart);

        Assert.Contains("ReverseProxy__Clusters__intake-grpc__Destinations__intake__Address", output, StringComparison.Ordinal);
        Assert.Contains("value: http://rel-ics-complaints-case:8081", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__advocacy-http__Destinations__advocacy__Address\n              value: http://rel-ics-complaints-advocacy:8080", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__advocacy-grpc__Destinations__advocacy__Address\n              value: http://rel-ics-complaints-advocacy:8081", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__learning-http__Destinations__learning__Address\n              value: http://rel-ics-complaints-learning:8080", output, StringComparison.Ordinal);
        Assert.Contains("name: ReverseProxy__Clusters__learning-grpc__Destinations__learning__Address\n              value: http://rel-ics-complaints-learning:8081", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learning")]
    [InlineData("reporting")]
    public void Chart_DeploysTheLearningAndReportingServices_WithTheirDatabasesAndMigrateJobs(string service)
    {
        var (code, output) = Helm("template", "rel", Chart);

        Assert.True(code == 0, output);
        Assert.Contains($"image: ghcr.io/ics-complaints/{service}:", output, StringComparison.Ordinal);
        Assert.Contains($"name: rel-ics-complaints-{service}-migrate", output, StringComparison.Ordinal);
        Assert.Contains($"name: ConnectionStrings__{service}db\n              valueFrom: {{ secretKeyRef: {{ name: ics-complaints-{service}, key: {service}db }} }}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_DeploysTheAdvocacyReferralService_WithItsDatabase_AndTellsTheOtherServicesWhereItIs()
    {
        var (code, output) = Helm("template", "rel", Chart);

        Assert.True(code == 0, output);
        Assert.Contains("image: ghcr.io/ics-complaints/advocacy-referral:", output, StringComparison.Ordinal);
        Assert.Contains("name: rel-ics-complaints-advocacy-migrate", output, StringComparison.Ordinal);
        Assert.Contains("name: ConnectionStrings__advocacydb\n              valueFrom: { secretKeyRef: { name: ics-complaints-advocacy, key: advocacydb } }", output, StringComparison.Ordinal);
        // The case and intake services call it (deploy/services.tsv): their pods and migrate Jobs are told where.
        Assert.Equal(4, Regex.Count(output, "name: Services__Advocacy__Grpc\n              value: http://rel-ics-complaints-advocacy:8081"));
    }

    [Fact]
    public void Values_HoldEachServiceOfTheTable_AsItsLineSays()
    {
        Assert.Empty(ChartAgreement.CheckValues(ServiceTable.Repository, ValuesText));
    }

    [Fact]
    public void Chart_RendersTheTablesAddresses_OnTheContainerPortsOfTheDockerfile()
    {
        Assert.Empty(ChartAgreement.CheckRendered(ServiceTable.Repository, Render(), "rel", AppSettingsAgreement.GatewayClusters()));
    }

    [Theory]
    [InlineData("a call the values lack", "services.reporting.calls is intake, deploy/services.tsv says intake,case")]
    [InlineData("another image", "services.learning.image is learning, deploy/services.tsv says learning-service")]
    [InlineData("a service the values lack", "values has no services.notifier for notifier")]
    [InlineData("values the table does not list", "values has services.reporting, which deploy/services.tsv does not list")]
    public void TheValuesCheck_FailsOnADeliberateMismatch(string mismatch, string problem)
    {
        var table = mismatch switch
        {
            "a call the values lack" => ServiceTable.Repository.With("reporting", l => l with { Calls = ["intake", "case"] }),
            "another image" => ServiceTable.Repository.With("learning", l => l with { Name = "learning-service" }),
            "a service the values lack" => ServiceTable.Repository.Plus(new ServiceLine("notifier", "notifier/Notifier", "IcsComplaints.Notifier", 7001, null, null, "notifier", [])),
            _ => ServiceTable.Repository.Without("reporting"),
        };

        Assert.Contains(problem, ChartAgreement.CheckValues(table, ValuesText));
    }

    [Fact]
    public void TheRenderedCheck_FailsOnADeliberateMismatch()
    {
        var table = ServiceTable.Repository.With("learning", l => l with { Calls = [] }).With("case", l => l with { Key = "cases" });

        var problems = ChartAgreement.CheckRendered(table, Render(), "rel", AppSettingsAgreement.GatewayClusters());

        Assert.Contains("learning is given Services__Intake__Grpc, which deploy/services.tsv does not say it calls", problems);
        Assert.Contains("the chart deploys case, which deploy/services.tsv does not list", problems);
    }

    [Fact]
    public void EveryPodAndJob_RunsAsNonRoot_OnAReadOnlyRootFilesystem_WithAWritableTmp()
    {
        var pods = Render().Where(d => d.At("kind")?.ToString() is "Deployment" or "Job").Select(d => d.At("spec", "template", "spec")).ToList();

        Assert.Equal(ServiceTable.Repository.Lines.Count + ServiceTable.Repository.Lines.Count(l => l.Database is not null) + ChartAgreement.Infrastructure.Length, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Equal("true", pod.At("securityContext", "runAsNonRoot"));
            var container = pod.At("containers").List().Single();
            Assert.Contains(container.At("volumeMounts").List(), m => m.At("mountPath")?.ToString() == "/tmp");
            foreach (var each in pod.At("initContainers").List().Append(container))
            {
                Assert.Equal("true", each.At("securityContext", "readOnlyRootFilesystem"));
                Assert.Equal("false", each.At("securityContext", "allowPrivilegeEscalation"));
                Assert.Equal(["ALL"], each.At("securityContext", "capabilities", "drop").List().Select(c => c.ToString()));
            }
        }
    }

    [Fact]
    public void Chart_GivesTheIdentityServiceItsKeysFromTheSecret_AndEveryServiceThePublicIssuer()
    {
        var (_, output) = Helm("template", "rel", Chart, "--set", "publicUrl=https://complaints.example.org/");

        Assert.Contains("key: identity-signing-key", output, StringComparison.Ordinal);
        Assert.Contains("name: Identity__Issuer\n              value: \"https://complaints.example.org/\"", output, StringComparison.Ordinal);
        Assert.Equal(9 + 7, Regex.Count(output, "name: Authentication__Authority"));
    }

    [Fact]
    public void Chart_GivesTheIdentityServiceEachExternalProvider_ItsCredentialFromIdentitysOwnSecret_AndNoOtherServiceAny()
    {
        const string providers = """
            {"Cis2":{"displayName":"Sign in with NHS Care Identity Service 2","authority":"https://cis2.example.nhs.uk/realms/Healthcare",
             "clientId":"ics","audience":"Staff","scopes":["email"],"privateKey":true,"privateKeyId":"key-1","secretKey":"cis2-private-key"},
             "NhsLogin":{"displayName":"Sign in with NHS login","authority":"https://login.example.nhs.uk/","clientId":"ics-public",
             "audience":"Public","secretKey":"nhs-login-client-secret"}}
            """;

        var workloads = Workloads(Render("--set-json", "externalProviders=" + providers.ReplaceLineEndings("")));
        var (_, plainOutput) = Helm("template", "rel", Chart);

        foreach (var (kind, service, env) in workloads)
        {
            var settings = env.Where(e => e.At("name")!.ToString()!.StartsWith("Identity__ExternalProviders__", StringComparison.Ordinal))
                .ToDictionary(e => e.At("name")!.ToString()!, e => e.At("value")?.ToString() ?? e.At("valueFrom", "secretKeyRef", "key")!.ToString()!);
            if (service != "identity")
            {
                Assert.True(settings.Count == 0, $"{kind} of {service} is given the external providers");
                continue;
            }
            Assert.Equal("https://cis2.example.nhs.uk/realms/Healthcare", settings["Identity__ExternalProviders__Cis2__Authority"]);
            Assert.Equal("Staff", settings["Identity__ExternalProviders__Cis2__Audience"]);
            Assert.Equal("email", settings["Identity__ExternalProviders__Cis2__Scopes__0"]);
            Assert.Equal("cis2-private-key", settings["Identity__ExternalProviders__Cis2__PrivateKey"]);
            Assert.False(settings.ContainsKey("Identity__ExternalProviders__Cis2__ClientSecret"));
            Assert.Equal("nhs-login-client-secret", settings["Identity__ExternalProviders__NhsLogin__ClientSecret"]);
            Assert.Equal("Public", settings["Identity__ExternalProviders__NhsLogin__Audience"]);
        }
        Assert.DoesNotContain("ExternalProviders", plainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_RefusesAnExternalProviderWithoutItsSecretKeyOrOverPlainHttp()
    {
        var (withoutKey, missing) = Helm("template", "rel", Chart, "--set-json",
            """externalProviders={"Cis2":{"displayName":"CIS2","authority":"https://cis2.example.nhs.uk/","clientId":"ics","audience":"Staff"}}""");
        var (overHttp, insecure) = Helm("template", "rel", Chart, "--set-json",
            """externalProviders={"Cis2":{"displayName":"CIS2","authority":"http://cis2.example.nhs.uk/","clientId":"ics","audience":"Staff","secretKey":"k"}}""");

        Assert.NotEqual(0, withoutKey);
        Assert.Contains("secretKey", missing, StringComparison.Ordinal);
        Assert.NotEqual(0, overHttp);
        Assert.Contains("authority", insecure, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_GivesEveryPodAndJobTheSecretOfItsOwnServiceOnly()
    {
        var workloads = Workloads(Render());

        Assert.Equal(16, workloads.Count);
        foreach (var (kind, service, env) in workloads)
        {
            var secrets = env.Select(e => e.At("valueFrom", "secretKeyRef", "name")?.ToString()).OfType<string>().Distinct().ToList();
            Assert.True(service is "gateway" or "portal" ? secrets.Count == 0 : secrets.SequenceEqual([$"ics-complaints-{service}"]),
                $"{kind} of {service} reads the secrets {string.Join(", ", secrets)}");
        }
    }

    [Theory]
    [InlineData("correspondence-client-secret", "Identity__CorrespondenceClientSecret", "correspondence", "Correspondence__ServiceIdentity__ClientSecret")]
    [InlineData("learning-client-secret", "Identity__LearningClientSecret", "learning", "Learning__ServiceIdentity__ClientSecret")]
    public void Chart_GivesAServicesClientSecret_ToIdentityAndThatService_EachFromItsOwnSecret_AndToNoOtherService(
        string key, string identitySetting, string owner, string ownerSetting)
    {
        foreach (var (kind, service, env) in Workloads(Render()))
        {
            var keyed = env.Where(e => e.At("valueFrom", "secretKeyRef", "key")?.ToString() == key)
                .Select(e => (Name: e.At("name")!.ToString()!, Secret: e.At("valueFrom", "secretKeyRef", "name")!.ToString()!)).ToList();
            var expected = service == "identity" ? [(identitySetting, "ics-complaints-identity")]
                : service == owner ? new[] { (ownerSetting, $"ics-complaints-{owner}") }
                : [];
            Assert.True(expected.SequenceEqual(keyed), $"{kind} of {service} is given {string.Join(", ", keyed)}");
        }
    }

    [Fact]
    public void Chart_GivesTheDatabaseOwnersConnectionStringToTheMigrateJobOnly()
    {
        foreach (var (kind, service, env) in Workloads(Render()))
        {
            var owner = env.Where(e => e.At("name")?.ToString()?.EndsWith("Owner", StringComparison.Ordinal) == true).ToList();
            if (kind == "Job")
            {
                var entry = Assert.Single(owner);
                var database = service == "advocacy" ? "advocacydb" : $"{service}db";
                Assert.Equal($"ConnectionStrings__{database}Owner", entry.At("name"));
                Assert.Equal($"{database}-owner", entry.At("valueFrom", "secretKeyRef", "key"));
            }
            else
            {
                Assert.True(owner.Count == 0, $"the {service} pods get the owner's connection string");
            }
        }
    }

    [Fact]
    public void Chart_GivesRabbitMqOnlyToTheServicesWithABrokerUser()
    {
        var withBroker = Workloads(Render())
            .Where(w => w.Env.Any(e => e.At("name")?.ToString() == "ConnectionStrings__rabbitmq"))
            .Select(w => w.Service).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["advocacy", "case", "correspondence", "intake", "learning", "reporting"], withBroker);
    }

    [Fact]
    public void Chart_WithTheTopologyOperator_DeclaresEachServicesRabbitMqPermissions_AsThePermissionTableHasThem()
    {
        var permissions = Render("--set", "rabbitmq.topologyOperator.enabled=true", "--set", "rabbitmq.topologyOperator.clusterName=broker")
            .Where(d => d.At("kind")?.ToString() == "Permission").ToList();

        Assert.Equal(BrokerPermissions.All.Count, permissions.Count);
        foreach (var permission in permissions)
        {
            var user = permission.At("spec", "user")!.ToString()!;
            Assert.Equal(BrokerPermissions.Of(user), new BrokerPermission(
                permission.At("spec", "permissions", "configure")!.ToString()!,
                permission.At("spec", "permissions", "write")!.ToString()!,
                permission.At("spec", "permissions", "read")!.ToString()!));
            Assert.Equal("ics", permission.At("spec", "vhost"));
            Assert.Equal("broker", permission.At("spec", "rabbitmqClusterReference", "name"));
        }
        Assert.DoesNotContain(Render(), d => d.At("kind")?.ToString() == "Permission");
    }

    [Fact]
    public void Chart_DeploysClamd_AsTheImagesUnprivilegedUser_ProbedOnItsPort_AndPointsTheServicesKeepingDocumentsAtIt()
    {
        var documents = Render();
        var clamd = documents.Single(d => d.At("kind")?.ToString() == "Deployment" && !ChartAgreement.OfAService(d));
        var pod = clamd.At("spec", "template", "spec");
        var container = pod.At("containers").List().Single();

        Assert.Equal("clamav/clamav:1.4", container.At("image"));
        Assert.Equal(["/init-unprivileged"], container.At("command").List().Select(c => c.ToString()));
        Assert.Equal("100", pod.At("securityContext", "runAsUser"));
        Assert.Equal("3310", container.At("ports").List().Single().At("containerPort"));
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            Assert.Equal("clamd", container.At(probe, "tcpSocket", "port"));
        }
        Assert.NotNull(container.At("resources", "requests", "memory"));
        Assert.NotNull(container.At("resources", "limits", "memory"));
        // The signatures the image carries are copied into the writable volume clamd and freshclam use.
        Assert.Contains(container.At("volumeMounts").List(), m => m.At("mountPath")?.ToString() == "/var/lib/clamav");
        var service = documents.Single(d => d.At("kind")?.ToString() == "Service" && !ChartAgreement.OfAService(d));
        Assert.Equal("rel-ics-complaints-clamav", service.At("metadata", "name"));
        Assert.Equal("3310", service.At("spec", "ports").List().Single().At("port"));

        foreach (var (_, name, env) in Workloads(documents))
        {
            string[] expected = name is "case" or "correspondence" ? ["Documents__Scanner__Host=rel-ics-complaints-clamav", "Documents__Scanner__Port=3310", "Documents__Storage__Kind=Postgres"] : [];
            Assert.Equal(expected, Settings(env, "Documents__"));
        }
    }

    [Fact]
    public void Chart_WithAClamdOfYourOwn_DeploysNone_AndRefusesToGoWithoutAny()
    {
        var documents = Render("--set", "documents.scanner.deploy=false", "--set", "documents.scanner.host=clamd.antivirus.svc", "--set", "documents.scanner.port=3311");
        var (code, output) = Helm("template", "rel", Chart, "--set", "documents.scanner.deploy=false");

        Assert.All(documents, d => Assert.True(ChartAgreement.OfAService(d)));
        var @case = Workloads(documents).Single(w => w is { Kind: "Deployment", Service: "case" });
        Assert.Equal(["Documents__Scanner__Host=clamd.antivirus.svc", "Documents__Scanner__Port=3311"], Settings(@case.Env, "Documents__Scanner__"));
        Assert.NotEqual(0, code);
        Assert.Contains("documents.scanner.host", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_KeepsDocumentsInS3_WithItsCredentialsFromTheNamedSecret_GivenOnlyToThePodsKeepingDocuments()
    {
        var documents = Render("--set", "documents.storage.kind=S3", "--set", "documents.storage.s3.bucket=ics-documents",
            "--set", "documents.storage.s3.serviceUrl=https://objects.example.org", "--set", "documents.storage.s3.region=eu-west-2",
            "--set", "documents.storage.s3.forcePathStyle=true", "--set", "documents.storage.s3.existingSecret=ics-complaints-case-s3");
        var (code, output) = Helm("template", "rel", Chart, "--set", "documents.storage.kind=S3");

        // Case keeps the files on cases, correspondence the copies of the letters it sends.
        foreach (var (kind, _, env) in Workloads(documents).Where(w => w.Service is "case" or "correspondence"))
        {
            Assert.Equal(
                [
                    "Documents__Storage__Kind=S3", "Documents__Storage__S3__Bucket=ics-documents", "Documents__Storage__S3__ForcePathStyle=true",
                    "Documents__Storage__S3__Region=eu-west-2", "Documents__Storage__S3__ServiceUrl=https://objects.example.org",
                ],
                Settings(env, "Documents__Storage__"));
            var credentials = env.Where(e => e.At("name")?.ToString()?.StartsWith("AWS_", StringComparison.Ordinal) == true)
                .Select(e => $"{e.At("name")}={e.At("valueFrom", "secretKeyRef", "name")}/{e.At("valueFrom", "secretKeyRef", "key")}").ToList();
            // The migrate Job has no use for them.
            string[] expected = kind == "Job" ? [] : ["AWS_ACCESS_KEY_ID=ics-complaints-case-s3/AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY=ics-complaints-case-s3/AWS_SECRET_ACCESS_KEY"];
            Assert.Equal(expected, credentials);
            Assert.DoesNotContain(env, e => e.At("name")?.ToString()?.StartsWith("AWS_", StringComparison.Ordinal) == true && e.At("value") is not null);
        }
        Assert.DoesNotContain(Workloads(documents).Where(w => w.Service is not ("case" or "correspondence")).SelectMany(w => w.Env), e => e.At("name")?.ToString()?.StartsWith("AWS_", StringComparison.Ordinal) == true);
        Assert.NotEqual(0, code);
        Assert.Contains("documents.storage.s3.bucket", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_RefusesAMisspeltValue()
    {
        var (code, output) = Helm("template", "rel", Chart, "--set", "default.replcas=3");

        Assert.NotEqual(0, code);
        Assert.Contains("replcas", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_WithIngress_ExposesOnlyTheGateway()
    {
        var (code, output) = Helm("template", "rel", Chart, "--set", "ingress.enabled=true", "--set", "ingress.host=complaints.example.org");

        Assert.True(code == 0, output);
        Assert.Single(KindLine().Matches(output), m => m.Groups[1].Value == "Ingress");
        Assert.Contains("name: rel-ics-complaints-gateway\n                port:", output, StringComparison.Ordinal);
    }

    private static List<Dictionary<object, object>> Render(params string[] settings)
    {
        var (code, output) = Helm(["template", "rel", Chart, .. settings]);
        Assert.True(code == 0, output);
        return Yaml.Documents(output);
    }

    // Every Deployment and migrate Job of a service, with the service it belongs to and its container's environment.
    private static List<(string Kind, string Service, List<object> Env)> Workloads(List<Dictionary<object, object>> documents) =>
    [
        .. documents.Where(d => d.At("kind")?.ToString() is "Deployment" or "Job" && ChartAgreement.OfAService(d)).Select(d => (
            d.At("kind")!.ToString()!,
            d.At("metadata", "labels").Map()["app.kubernetes.io/name"]!.ToString()!,
            d.At("spec", "template", "spec", "containers").List().Single().At("env").List())),
    ];

    // A container's plain settings whose names start with a prefix, as NAME=value in order of name.
    private static List<string> Settings(List<object> env, string prefix) =>
    [
        .. env.Where(e => e.At("name")?.ToString()?.StartsWith(prefix, StringComparison.Ordinal) == true && e.At("value") is not null)
            .Select(e => $"{e.At("name")}={e.At("value")}").Order(StringComparer.Ordinal),
    ];

    private static (int Code, string Output) Helm(params string[] args) => HelmTool.Run(args);

    [GeneratedRegex("^kind: (\\w+)$", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
