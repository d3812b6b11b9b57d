extern alias advocacy;
extern alias cases;
extern alias correspondence;
extern alias intake;
extern alias learning;
extern alias reporting;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Least privilege in RabbitMQ (ADR 17): each service's user, with the permissions of <c>deploy/rabbitmq/permissions.tsv</c>
/// that every deployment uses, consumes only its own queues, publishes only its own events and binds only to the events
/// it consumes; the table grants exactly what the code consumes and publishes; no service user may use the management
/// API. The whole end-to-end suite runs each service with its own user, which proves the table grants enough.
/// </summary>
public sealed class BrokerPermissionTests(IcsSystem system) : IAsyncLifetime
{
    private const ushort AccessRefused = 403;

    // Each service with messaging: its assembly, and the namespace of the events it owns (reporting and correspondence own none).
    private static readonly (string Name, Assembly Assembly, string? Publishes)[] Services =
    [
        ("intake", typeof(intake::Program).Assembly, "IcsComplaints.Intake.Contracts.Events"),
        ("case", typeof(cases::Program).Assembly, "IcsComplaints.Case.Contracts.Events"),
        ("advocacy-referral", typeof(advocacy::Program).Assembly, "IcsComplaints.AdvocacyReferral.Contracts.Events"),
        ("learning", typeof(learning::Program).Assembly, "IcsComplaints.Learning.Contracts.Events"),
        ("reporting", typeof(reporting::Program).Assembly, null),
        ("correspondence", typeof(correspondence::Program).Assembly, null),
    ];

    // Every event of every service's contracts, each with the exchange MassTransit publishes it to.
    private static readonly Type[] Events =
    [
        .. new[]
        {
            typeof(IcsComplaints.Intake.Contracts.Events.ComplaintSubmitted), typeof(IcsComplaints.Case.Contracts.Events.CaseOpened),
            typeof(IcsComplaints.AdvocacyReferral.Contracts.Events.ReferralAccepted), typeof(IcsComplaints.Learning.Contracts.Events.ThemeShared),
        }.SelectMany(t => t.Assembly.GetExportedTypes()).Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace!.EndsWith(".Contracts.Events", StringComparison.Ordinal)),
    ];

    private TestVirtualHost _vhost = null!;

    public static TheoryData<string> ServiceNames => [.. Services.Select(s => s.Name)];

    public async ValueTask InitializeAsync()
    {
        // A virtual host of its own, where the administrator lays out every exchange and a queue per service.
        _vhost = await system.Infrastructure.CreateVirtualHostAsync("brokerperm");
        await using var admin = await ConnectAsync(_vhost.AmqpUri);
        await using var channel = await admin.CreateChannelAsync();
        foreach (var exchange in Events.Select(ExchangeOf))
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        }
        foreach (var (name, _, _) in Services)
        {
            await channel.QueueDeclareAsync(ProbeQueue(name), durable: true, exclusive: false, autoDelete: false);
        }
    }

    public async ValueTask DisposeAsync() => await _vhost.DisposeAsync();

    [Fact]
    public void ThePermissionTable_GrantsEachServiceExactlyWhatItsCodeConsumesAndPublishes()
    {
        Assert.Equal(Services.Select(s => s.Name).Order(StringComparer.Ordinal), BrokerPermissions.All.Keys.Order(StringComparer.Ordinal));
        Assert.True(Events.Length > 30, $"only {Events.Length} events found in the contracts");
        foreach (var (name, assembly, publishes) in Services)
        {
            var permission = BrokerPermissions.Of(name);
            var consumed = ConsumedBy(assembly);
            Assert.NotEmpty(consumed);
            foreach (var message in Events)
            {
                var exchange = ExchangeOf(message);
                var owns = message.Namespace == publishes;
                Assert.True(Matches(permission.Read, exchange) == consumed.Contains(message), $"{name} read {exchange}: consumes it? {consumed.Contains(message)}");
                Assert.True(Matches(permission.Write, exchange) == owns, $"{name} write {exchange}: owns it? {owns}");
                Assert.True(Matches(permission.Configure, exchange) == (owns || consumed.Contains(message)), $"{name} configure {exchange}");
            }
            foreach (var (other, _, _) in Services)
            {
                var queue = $"{other}-case-opened";
                foreach (var (verb, pattern) in new[] { ("configure", permission.Configure), ("write", permission.Write), ("read", permission.Read) })
                {
                    Assert.True(Matches(pattern, queue) == (other == name), $"{name} {verb} {queue}");
                    Assert.True(Matches(pattern, queue + "_error") == (other == name), $"{name} {verb} {queue}_error");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task AServicesUser_ConsumesOnlyItsOwnQueues(string service)
    {
        await using var user = await system.Infrastructure.CreateBrokerUserAsync(_vhost, service);
        await using var connection = await ConnectAsync(user.AmqpUri);

        foreach (var (other, _, _) in Services)
        {
            var code = await ReplyCodeAsync(connection, channel => channel.BasicGetAsync(ProbeQueue(other), autoAck: false));
            Assert.True((code == 0) == (other == service), $"{service} reading {ProbeQueue(other)}: reply {code}");
            Assert.True(code is 0 or AccessRefused, $"reply {code}");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task AServicesUser_PublishesOnlyItsOwnEvents(string service)
    {
        var publishes = Services.Single(s => s.Name == service).Publishes;
        await using var user = await system.Infrastructure.CreateBrokerUserAsync(_vhost, service);
        await using var connection = await ConnectAsync(user.AmqpUri);

        foreach (var message in Events)
        {
            var code = await ReplyCodeAsync(connection, channel =>
                channel.BasicPublishAsync(ExchangeOf(message), "", mandatory: false, new BasicProperties(), Encoding.UTF8.GetBytes("{}")).AsTask());
            Assert.True((code == 0) == (message.Namespace == publishes), $"{service} publishing {ExchangeOf(message)}: reply {code}");
            Assert.True(code is 0 or AccessRefused, $"reply {code}");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task AServicesUser_BindsOnlyToWhatItConsumes_AndDeclaresOnlyItsOwnQueues(string service)
    {
        var consumed = ConsumedBy(Services.Single(s => s.Name == service).Assembly);
        await using var user = await system.Infrastructure.CreateBrokerUserAsync(_vhost, service);
        await using var connection = await ConnectAsync(user.AmqpUri);

        foreach (var message in Events)
        {
            var code = await ReplyCodeAsync(connection, channel => channel.QueueBindAsync(ProbeQueue(service), ExchangeOf(message), ""));
            Assert.True((code == 0) == consumed.Contains(message), $"{service} binding to {ExchangeOf(message)}: reply {code}");
        }
        foreach (var (other, _, _) in Services)
        {
            var code = await ReplyCodeAsync(connection, channel => channel.QueueDeclareAsync($"{other}-declared-by-{service}", durable: true, exclusive: false, autoDelete: false));
            Assert.True((code == 0) == (other == service), $"{service} declaring a queue of {other}: reply {code}");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task AServicesUser_CannotUseTheManagementApi(string service)
    {
        await using var user = await system.Infrastructure.CreateBrokerUserAsync(_vhost, service);
        using var client = system.Infrastructure.ManagementClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Name}:{user.Password}")));

        using var response = await client.GetAsync(new Uri($"api/queues/{Uri.EscapeDataString(_vhost.Name)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string ProbeQueue(string service) => $"{service}-probe";

    private static string ExchangeOf(Type message) => $"{message.Namespace}:{message.Name}";

    private static bool Matches(string pattern, string name) => Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    private static HashSet<Type> ConsumedBy(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]),
    ];

    private static async Task<IConnection> ConnectAsync(Uri amqp) => await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();

    // Runs one operation on a channel of its own with publisher confirms: 0 when the broker allowed it, otherwise the
    // code with which the broker closed the channel.
    private static async Task<ushort> ReplyCodeAsync(IConnection connection, Func<IChannel, Task> operation)
    {
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await operation(channel);
            return channel.CloseReason?.ReplyCode ?? 0;
        }
        catch (Exception ex) when (ex is OperationInterruptedException or RabbitMQ.Client.Exceptions.PublishException)
        {
            return channel.CloseReason?.ReplyCode ?? (ex as OperationInterruptedException)?.ShutdownReason?.ReplyCode ?? ushort.MaxValue;
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }
}
