using System.Diagnostics;
using IcsComplaints.TestKit;
using Npgsql;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// <c>deploy/postgres/service-database.sql</c>, which <c>./ics</c> and docker compose run for every service (ADR 17): run by
/// an administrator that need not be a superuser, it makes the database and its two roles, hands the owner role what a
/// single administrator role created before the split, and can run again. psql comes from the PATH.
/// </summary>
public sealed class ProvisioningScriptTests(IcsSystem system)
{
    private static readonly string Script = Repository.PathOf("deploy", "postgres", "service-database.sql");

    [Fact]
    public async Task TheScript_GivesAnOlderInstallationsDatabaseToItsOwnerRole_AndCanRunAgain()
    {
        var admin = system.Infrastructure.PostgresAdmin;
        var db = $"legacy_{Guid.NewGuid():N}";
        var (owner, runtime) = (db + "_owner", db + "_runtime");
        try
        {
            // What an installation from before the split holds: everything created by the administrator role.
            await ExecuteAsync(admin, $"CREATE DATABASE \"{db}\"");
            var legacy = new NpgsqlConnectionStringBuilder(admin) { Database = db, Pooling = false }.ConnectionString;
            await ExecuteAsync(legacy, """
                CREATE SCHEMA intake;
                CREATE TABLE intake.complaints (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, reference text);
                CREATE SEQUENCE intake.references_issued;
                CREATE VIEW intake.open_complaints AS SELECT id FROM intake.complaints;
                CREATE FUNCTION intake.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END $$;
                CREATE TRIGGER complaints_no_truncate BEFORE TRUNCATE ON intake.complaints FOR EACH STATEMENT EXECUTE FUNCTION intake.refuse_change();
                INSERT INTO intake.complaints (reference) VALUES ('KEPT-0001');
                """);

            await RunScriptAsync(admin, db, owner, "first-owner-password", runtime, "runtime-password");
            await RunScriptAsync(admin, db, owner, "second-owner-password", runtime, "runtime-password");

            var asOwner = new NpgsqlConnectionStringBuilder(admin) { Database = db, Username = owner, Password = "second-owner-password", Pooling = false }.ConnectionString;
            Assert.Equal(owner, await ScalarAsync(asOwner, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
            Assert.Equal(0L, await ScalarAsync(asOwner, """
                SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'intake' AND nspowner <> current_user::regrole)
                     + (SELECT count(*) FROM pg_class WHERE relnamespace = 'intake'::regnamespace AND relowner <> current_user::regrole)
                     + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'intake'::regnamespace AND proowner <> current_user::regrole)
                """));
            Assert.Equal("KEPT-0001", await ScalarAsync(asOwner, "SELECT reference FROM intake.complaints"));
            // The owner may now do what migrate does: change the schema.
            await ExecuteAsync(asOwner, "ALTER TABLE intake.complaints ADD COLUMN received_on date");
            var asRuntime = new NpgsqlConnectionStringBuilder(asOwner) { Username = runtime, Password = "runtime-password" }.ConnectionString;
            Assert.Equal(1, await ScalarAsync(asRuntime, "SELECT 1"));
            Assert.Equal(false, await ScalarAsync(admin, $"SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = '{runtime}'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{runtime}\"");
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{owner}\"");
        }
    }

    private static async Task RunScriptAsync(string admin, string db, string owner, string ownerPassword, string runtime, string runtimePassword)
    {
        var psql = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "psql")).FirstOrDefault(File.Exists);
        if (psql is null)
        {
            Assert.Skip("psql is not on the PATH (./ics installs it with PostgreSQL).");
        }
        var connection = new NpgsqlConnectionStringBuilder(admin);
        var start = new ProcessStartInfo(psql!, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-v", $"db={db}", "-v", $"owner={owner}", "-v", $"runtime={runtime}", "-f", Script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["ICS_OWNER_PASSWORD"] = ownerPassword;
        start.Environment["ICS_RUNTIME_PASSWORD"] = runtimePassword;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"psql exited with {process.ExitCode}: {await output}{await errors}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
