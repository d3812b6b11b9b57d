using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// What the runtime role of a service's database may do, granted by the owner after every migration (ADR 17): connect
/// to this database only; read, write and empty the tables of the service's schema and use their sequences; on an
/// append-only table (one guarded by a trigger that refuses TRUNCATE, as the audit trail is) only read and add rows.
/// It owns nothing, so it cannot alter, drop or create tables, nor disable a trigger. Default privileges give it the
/// same on tables a later migration creates, even one applied by other means than <c>migrate</c>.
/// </summary>
public static class RuntimeRole
{
    // TRIGGER_TYPE_TRUNCATE in PostgreSQL's pg_trigger.tgtype bit mask.
    private const int TruncateTriggerBit = 1 << 5;

    /// <summary>
    /// Grants the role of <paramref name="runtimeConnectionString"/> its privileges on <paramref name="schema"/>, through
    /// <paramref name="ownerContext"/>, which must be connected as the owner. Does nothing when both are the same role
    /// (a single-role database). Returns the role granted to, or <c>null</c>.
    /// </summary>
    public static async Task<string?> GrantAsync(DbContext ownerContext, string schema, string runtimeConnectionString, CancellationToken cancellationToken)
    {
        var runtime = new NpgsqlConnectionStringBuilder(runtimeConnectionString).Username;
        var owner = await ownerContext.Database.SqlQuery<string>($"SELECT current_user AS \"Value\"").SingleAsync(cancellationToken);
        if (string.IsNullOrEmpty(runtime) || runtime == owner)
        {
            return null;
        }
        var database = await ownerContext.Database.SqlQuery<string>($"SELECT current_database() AS \"Value\"").SingleAsync(cancellationToken);
        var appendOnly = await ownerContext.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = {schema} AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND (t.tgtype & {TruncateTriggerBit}) <> 0)
            ORDER BY 1
            """).ToListAsync(cancellationToken);

        var role = Quote(runtime);
        var s = Quote(schema);
        var statements = new List<string>
        {
            // PUBLIC may connect to any database by default: only this service's roles may connect to its own.
            $"REVOKE ALL ON DATABASE {Quote(database)} FROM PUBLIC",
            $"GRANT CONNECT ON DATABASE {Quote(database)} TO {role}",
            $"GRANT USAGE ON SCHEMA {s} TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {s} TO {role}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {role}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO {role}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {role}",
            // Only migrate writes the history of migrations.
            $"REVOKE ALL ON {s}.{Quote(DatabaseExtensions.MigrationsHistoryTable)} FROM {role}",
        };
        statements.AddRange(appendOnly.Select(table => $"REVOKE UPDATE, DELETE, TRUNCATE ON {s}.{Quote(table)} FROM {role}"));
        // Run as given: EF's raw SQL would read braces in a quoted identifier as parameter placeholders.
        var connection = ownerContext.Database.GetDbConnection();
        await ownerContext.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = string.Join(";\n", statements);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ownerContext.Database.CloseConnectionAsync();
        }
        return runtime;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
