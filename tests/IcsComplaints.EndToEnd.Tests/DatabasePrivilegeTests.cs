using IcsComplaints.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Least privilege in PostgreSQL (ADR 17), on the very databases the running system uses: each service's runtime role
/// reads and writes its own tables, but cannot change the schema, cannot touch the audit trail except to add to it,
/// and neither it nor the owner role can connect to another service's database. Every statement that should fail is
/// refused for want of a privilege (42501), not stopped by a trigger a table owner could disable.
/// </summary>
public sealed class DatabasePrivilegeTests(IcsSystem system)
{
    public static TheoryData<string> Services => [.. new[] { "identity", "intake", "case", "advocacy", "learning", "reporting" }];

    public static TheoryData<string> AuditedServices => [.. new[] { "intake", "case", "advocacy", "learning", "reporting" }];

    public static TheoryData<string> SchemaChanges =>
    [
        "ALTER TABLE intake.complaints ADD COLUMN smuggled text",
        "ALTER TABLE intake.complaints DROP COLUMN description",
        "DROP TABLE intake.idempotency_records",
        "CREATE TABLE intake.smuggled (id int)",
        "CREATE INDEX smuggled ON intake.complaints (reference)",
        "CREATE SCHEMA smuggled",
        "CREATE TABLE public.smuggled (id int)",
        "CREATE TEMPORARY TABLE smuggled (id int)",
        "ALTER TABLE intake.audit_entries DISABLE TRIGGER audit_entries_append_only",
        "ALTER TABLE intake.audit_entries DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_entries_no_truncate ON intake.audit_entries",
        "CREATE OR REPLACE FUNCTION intake.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "ALTER TABLE intake.audit_entries OWNER TO CURRENT_USER",
        "DELETE FROM intake.__ef_migrations_history",
    ];

    [Fact]
    public async Task TheRuntimeRole_ReadsAndWritesItsTables_UsesTheirSequences_AndAddsToTheAuditTrail()
    {
        await using var connection = await OpenAsync(system.Databases["intake"].ConnectionString);
        await using var transaction = await connection.BeginTransactionAsync();

        var messageId = Guid.NewGuid();
        await ExecuteAsync(connection, $"INSERT INTO intake.inbox_messages (message_id, consumer, received_at) VALUES ('{messageId}', 'privilege-test', now())");
        await ExecuteAsync(connection, $"UPDATE intake.inbox_messages SET consumer = 'privilege-test-2' WHERE message_id = '{messageId}'");
        Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM intake.inbox_messages WHERE consumer = 'privilege-test-2' AND message_id = '{messageId}'"));
        await ExecuteAsync(connection, $"DELETE FROM intake.inbox_messages WHERE message_id = '{messageId}'");
        // An identity column draws on its sequence.
        Assert.True((long)(await ScalarAsync(connection,
            "INSERT INTO intake.outbox_messages (message_id, message_type, payload, headers, attempts) " +
            $"VALUES ('{Guid.NewGuid()}', 'privilege-test', '{{}}', '{{}}', 0) RETURNING sequence"))! > 0);
        var audited = (long)(await ScalarAsync(connection,
            "INSERT INTO intake.audit_entries (at, actor_id, actor_roles, action, resource_type, resource_id, route) " +
            "VALUES (now(), 'privilege-test', '', 'Read', 'complaint', 'privilege-test', 'test') RETURNING id"))!;
        Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM intake.audit_entries WHERE id = {audited}"));

        await transaction.RollbackAsync();
    }

    [Theory]
    [MemberData(nameof(SchemaChanges))]
    public async Task TheRuntimeRole_CannotChangeTheSchema_NorDisableTheAuditTriggers(string statement)
    {
        var refusal = await RefusalAsync(system.Databases["intake"].ConnectionString, statement);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal);
    }

    [Theory]
    [MemberData(nameof(AuditedServices))]
    public async Task TheRuntimeRole_CannotUpdateDeleteOrTruncateTheAuditTrail(string service)
    {
        var runtime = system.Databases[service].ConnectionString;
        var schema = SchemaOf(service);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, $"UPDATE {schema}.audit_entries SET route = 'rewritten'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, $"DELETE FROM {schema}.audit_entries"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, $"TRUNCATE {schema}.audit_entries"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, $"ALTER TABLE {schema}.audit_entries DISABLE TRIGGER ALL"));
    }

    [Fact]
    public async Task TheRuntimeRole_CannotRewriteReportingsEventLog()
    {
        var runtime = system.Databases["reporting"].ConnectionString;

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, "UPDATE reporting.event_log SET type = 'rewritten'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, "DELETE FROM reporting.event_log"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(runtime, "TRUNCATE reporting.event_log"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task NeitherRoleOfAService_CanConnectToAnotherServicesDatabase_AndTheRuntimeRoleOwnsNothing(string service)
    {
        var own = system.Databases[service];
        await using (var connection = await OpenAsync(own.ConnectionString))
        {
            Assert.Equal(0L, await ScalarAsync(connection,
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relowner = current_user::regrole"));
        }

        foreach (var other in system.Databases.Where(d => d.Key != service).Select(d => d.Value.Name))
        {
            foreach (var role in new[] { own.ConnectionString, own.OwnerConnectionString })
            {
                var elsewhere = new NpgsqlConnectionStringBuilder(role) { Database = other, Pooling = false }.ConnectionString;
                var refused = await Assert.ThrowsAsync<PostgresException>(async () => await (await OpenAsync(elsewhere)).DisposeAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
    }

    [Fact]
    public async Task ATableALaterMigrationCreates_IsTheRuntimeRolesToUse_WithoutAnotherGrant()
    {
        var intake = system.Databases["intake"];
        var table = $"intake.later_{Guid.NewGuid():N}";
        await using var owner = await OpenAsync(intake.OwnerConnectionString);
        await ExecuteAsync(owner, $"CREATE TABLE {table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)");
        try
        {
            await using var runtime = await OpenAsync(intake.ConnectionString);
            await ExecuteAsync(runtime, $"INSERT INTO {table} (note) VALUES ('written by the service')");
            Assert.Equal(1L, await ScalarAsync(runtime, $"SELECT count(*) FROM {table}"));
        }
        finally
        {
            await ExecuteAsync(owner, $"DROP TABLE {table}");
        }
    }

    [Fact]
    public void Migrate_ConnectsAsTheOwner_OrAsTheRuntimeRoleWhenTheDatabaseHasOnlyOne()
    {
        var split = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = "Username=runtime",
            ["ConnectionStrings:intakedbOwner"] = "Username=owner",
        }).Build();
        var single = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = "Username=runtime",
        }).Build();

        Assert.Equal("Username=owner", DatabaseExtensions.OwnerConnectionString(split, "intakedb"));
        Assert.Equal("Username=runtime", DatabaseExtensions.OwnerConnectionString(single, "intakedb"));
    }

    private static string SchemaOf(string service) => service == "case" ? "\"case\"" : service;

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Runs the statement in a transaction that is always rolled back, so a statement that wrongly succeeds changes nothing.
    private static async Task<string?> RefusalAsync(string connectionString, string statement)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await ExecuteAsync(connection, statement);
            return null;
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }
}
