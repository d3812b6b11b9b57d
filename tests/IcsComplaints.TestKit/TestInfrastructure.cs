using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace IcsComplaints.TestKit;

/// <summary>
/// Real PostgreSQL and RabbitMQ for a test assembly: Testcontainers when a Docker engine answers, otherwise the
/// servers <c>./ics</c> starts, passed in by environment. Each user of it gets its own database and its own
/// RabbitMQ virtual host, so test assemblies running side by side never see each other's data or messages.
/// </summary>
/// <remarks>
/// <c>ICS_TEST_INFRA</c>: <c>auto</c> (default: Docker if it answers, else environment), <c>docker</c> or <c>env</c>.
/// With <c>env</c>: <c>ICS_TEST_POSTGRES</c> (a connection string for a role with CREATEDB and CREATEROLE),
/// <c>ICS_TEST_RABBITMQ</c> (<c>amqp://user:password@host:port/</c>) and <c>ICS_TEST_RABBITMQ_MANAGEMENT</c>
/// (<c>http://user:password@host:port</c>, used to create and delete virtual hosts). <c>./ics env</c> prints them.
/// </remarks>
public sealed class TestInfrastructure : IAsyncLifetime
{
    private PostgreSqlContainer? _postgres;
    private RabbitMqContainer? _rabbit;

    /// <summary>Connection string for a role that may create databases.</summary>
    public string PostgresAdmin { get; private set; } = "";

    /// <summary>AMQP URI of the broker, without a virtual host.</summary>
    public Uri RabbitMq { get; private set; } = null!;

    /// <summary>Base address of the RabbitMQ management API, with credentials.</summary>
    public Uri RabbitManagement { get; private set; } = null!;

    /// <summary>Where the servers came from, for failure messages.</summary>
    public string Source { get; private set; } = "";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var mode = Environment.GetEnvironmentVariable("ICS_TEST_INFRA") ?? "auto";
        var docker = mode == "env" ? (false, "not asked") : await DockerProbe.PingAsync();
        if (mode == "docker" || (mode == "auto" && docker.Item1))
        {
            await StartContainersAsync();
            return;
        }
        var postgres = Environment.GetEnvironmentVariable("ICS_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("ICS_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("ICS_TEST_RABBITMQ_MANAGEMENT");
        if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(management))
        {
            throw new InvalidOperationException(
                $"No test infrastructure: no Docker engine ({docker.Item2}) and ICS_TEST_POSTGRES, ICS_TEST_RABBITMQ and " +
                "ICS_TEST_RABBITMQ_MANAGEMENT are not all set. Run the tests with ./ics test, or export the output of ./ics env.");
        }
        PostgresAdmin = postgres;
        RabbitMq = new Uri(rabbit);
        RabbitManagement = new Uri(management);
        Source = "environment (./ics)";
    }

    private async Task StartContainersAsync()
    {
        var password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        _postgres = new PostgreSqlBuilder("postgres:15-alpine").WithPassword(password).Build();
        _rabbit = new RabbitMqBuilder("rabbitmq:3.13-management-alpine")
            .WithUsername("ics").WithPassword(password).WithPortBinding(15672, true).Build();
        await Task.WhenAll(_postgres.StartAsync(), _rabbit.StartAsync());
        PostgresAdmin = _postgres.GetConnectionString();
        RabbitMq = new Uri($"amqp://ics:{password}@{_rabbit.Hostname}:{_rabbit.GetMappedPublicPort(5672)}/");
        RabbitManagement = new Uri($"http://ics:{password}@{_rabbit.Hostname}:{_rabbit.GetMappedPublicPort(15672)}/");
        Source = "Testcontainers";
    }

    /// <summary>A new, empty database, dropped when disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true }.ConnectionString;
        return new TestDatabase(this, name, connectionString);
    }

    /// <summary>
    /// A new, empty database for one service with its two roles, as a deployment has them (ADR 17): an owner that
    /// <c>migrate</c> connects as, and a runtime role that owns nothing. Dropped, with both roles, when disposed.
    /// </summary>
    public async Task<TestServiceDatabase> CreateServiceDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(50, prefix.Length + 33)].ToLowerInvariant();
        var owner = name + "_owner";
        var runtime = name + "_runtime";
        var ownerPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var runtimePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            try
            {
                await ExecuteAsync(connection, $"CREATE ROLE \"{owner}\" LOGIN PASSWORD '{ownerPassword}'");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    "The PostgreSQL role of ICS_TEST_POSTGRES may not create roles: it needs CREATEROLE as well as CREATEDB " +
                    "(./ics test grants both to its role).", ex);
            }
            await ExecuteAsync(connection, $"CREATE ROLE \"{runtime}\" LOGIN PASSWORD '{runtimePassword}'");
            // Only a member of the owner role may give it a database (and, later, drop that database).
            await ExecuteAsync(connection, $"GRANT \"{owner}\" TO CURRENT_USER");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" OWNER \"{owner}\"");
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true };
        var ownerConnection = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = owner, Password = ownerPassword }.ConnectionString;
        var runtimeConnection = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Username = runtime, Password = runtimePassword }.ConnectionString;
        return new TestServiceDatabase(this, name, ownerConnection, runtimeConnection);
    }

    internal async Task DropServiceDatabaseAsync(string name)
    {
        await DropDatabaseAsync(name);
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP ROLE IF EXISTS \"{name}_runtime\"");
        await ExecuteAsync(connection, $"DROP ROLE IF EXISTS \"{name}_owner\"");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
            {
                // An autovacuum worker (the server's own) is busy in the database after a large load; FORCE cannot end
                // it without superuser rights, and it finishes on its own shortly.
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    /// <summary>A new RabbitMQ virtual host the configured user may use, deleted when disposed.</summary>
    public async Task<TestVirtualHost> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var client = ManagementClient();
        (await client.PutAsync(new Uri($"api/vhosts/{name}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(RabbitManagement.UserInfo.Split(':')[0]);
        (await client.PutAsJsonAsync(new Uri($"api/permissions/{name}/{Uri.EscapeDataString(user)}", UriKind.Relative),
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new TestVirtualHost(this, name, new Uri(RabbitMq, name));
    }

    /// <summary>
    /// A RabbitMQ user of <paramref name="vhost"/> with the permissions a deployment gives <paramref name="service"/>
    /// (<see cref="BrokerPermissions"/>) and no tags, deleted when disposed.
    /// </summary>
    public Task<TestBrokerUser> CreateBrokerUserAsync(TestVirtualHost vhost, string service) =>
        CreateBrokerUserAsync(vhost, service, BrokerPermissions.Of(service));

    /// <summary>A RabbitMQ user of <paramref name="vhost"/> with the given permissions and no tags, deleted when disposed.</summary>
    public async Task<TestBrokerUser> CreateBrokerUserAsync(TestVirtualHost vhost, string service, BrokerPermission permission)
    {
        var name = $"{vhost.Name}-{service}";
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var client = ManagementClient();
        (await client.PutAsJsonAsync(new Uri($"api/users/{Uri.EscapeDataString(name)}", UriKind.Relative), new { password, tags = "" }))
            .EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync(new Uri($"api/permissions/{Uri.EscapeDataString(vhost.Name)}/{Uri.EscapeDataString(name)}", UriKind.Relative),
            new { configure = permission.Configure, write = permission.Write, read = permission.Read })).EnsureSuccessStatusCode();
        return new TestBrokerUser(this, name, password, new UriBuilder(vhost.AmqpUri) { UserName = Uri.EscapeDataString(name), Password = password }.Uri);
    }

    internal async Task DeleteBrokerUserAsync(string name)
    {
        using var client = ManagementClient();
        await client.DeleteAsync(new Uri($"api/users/{Uri.EscapeDataString(name)}", UriKind.Relative));
    }

    internal async Task DeleteVirtualHostAsync(string name)
    {
        using var client = ManagementClient();
        await client.DeleteAsync(new Uri($"api/vhosts/{name}", UriKind.Relative));
    }

    /// <summary>A client for the RabbitMQ management API (queues, vhosts).</summary>
    public HttpClient ManagementClient()
    {
        var client = new HttpClient { BaseAddress = new UriBuilder(RabbitManagement) { UserName = "", Password = "" }.Uri };
        var credentials = Uri.UnescapeDataString(RabbitManagement.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_rabbit is not null)
        {
            await _rabbit.DisposeAsync();
        }
    }
}

/// <summary>A database of a test run.</summary>
public sealed class TestDatabase(TestInfrastructure infrastructure, string name, string connectionString) : IAsyncDisposable
{
    /// <summary>Database name.</summary>
    public string Name { get; } = name;

    /// <summary>Connection string.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(infrastructure.DropDatabaseAsync(Name));
}

/// <summary>A RabbitMQ virtual host of a test run.</summary>
public sealed class TestVirtualHost(TestInfrastructure infrastructure, string name, Uri amqpUri) : IAsyncDisposable
{
    /// <summary>Virtual host name.</summary>
    public string Name { get; } = name;

    /// <summary>AMQP URI including the virtual host.</summary>
    public Uri AmqpUri { get; } = amqpUri;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(infrastructure.DeleteVirtualHostAsync(Name));
}

/// <summary>A service's database of a test run, with its owner and runtime roles.</summary>
public sealed class TestServiceDatabase(TestInfrastructure infrastructure, string name, string ownerConnectionString, string connectionString)
    : IAsyncDisposable
{
    /// <summary>Database name.</summary>
    public string Name { get; } = name;

    /// <summary>Connection string of the owner role, for migrations.</summary>
    public string OwnerConnectionString { get; } = ownerConnectionString;

    /// <summary>Connection string of the runtime role, which the service runs with.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(infrastructure.DropServiceDatabaseAsync(Name));
}

/// <summary>A service's RabbitMQ user of a test run.</summary>
public sealed class TestBrokerUser(TestInfrastructure infrastructure, string name, string password, Uri amqpUri) : IAsyncDisposable
{
    /// <summary>User name.</summary>
    public string Name { get; } = name;

    /// <summary>Password.</summary>
    public string Password { get; } = password;

    /// <summary>AMQP URI of the virtual host, with this user's credentials.</summary>
    public Uri AmqpUri { get; } = amqpUri;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(infrastructure.DeleteBrokerUserAsync(Name));
}
