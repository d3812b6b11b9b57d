using Npgsql;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>
/// Searches a whole database for stored values the platform's rules forbid: control characters other than tab and
/// line breaks, text made only of invisible characters, and dates outside 1900–2100 (PostgreSQL's <c>infinity</c>
/// included). Whatever a request managed to store, it must pass this scan.
/// </summary>
public static class StoredValueScan
{
    // Tables whose rows are written by the platform itself, not from request input: event payloads and delivery state.
    private static readonly string[] Skipped = ["outbox_messages", "inbox_messages", "__EFMigrationsHistory", "event_log"];

    private const string Controls = @"[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]";

    // Anything that is not white space or an invisible format character.
    private const string Visible = @"[^\s\u00A0\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFEFF\uFFA0]";

    /// <summary>One line per offending column and value.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('text', 'character varying', 'character', 'ARRAY', 'jsonb', 'json', 'date',
                                  'timestamp with time zone', 'timestamp without time zone')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns.Where(c => !Skipped.Contains(c.Table, StringComparer.Ordinal)))
        {
            var c = $"\"{column}\"";
            var text = type switch
            {
                "ARRAY" => $"array_to_string({c}::text[], ' ')",
                "jsonb" or "json" => $"{c}::text",
                _ => c,
            };
            var condition = type switch
            {
                "date" or "timestamp with time zone" or "timestamp without time zone" =>
                    $"NOT isfinite({c}) OR {c} < '1900-01-01' OR {c} > '2100-12-31'",
                // JSON text shows a control character below U+0020 as an escape.
                "jsonb" or "json" => $@"{text} ~ '\\u00(0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])' OR {text} ~ '[\x80-\x9F]'",
                _ => $"{text} ~ '{Controls}' OR ({text} <> '' AND {text} !~ '{Visible}')",
            };
            await using var query = new NpgsqlCommand(
                $"SELECT left({c}::text, 80) FROM \"{schema}\".\"{table}\" WHERE {c} IS NOT NULL AND ({condition}) LIMIT 3", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add($"{schema}.{table}.{column}: {Escape(reader.GetString(0))}");
            }
        }
        return found;
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(ch => char.IsControl(ch) || ch is >= '\u200B' and <= '\u200F' or '\uFEFF' ? $"\\u{(int)ch:X4}" : ch.ToString()));
}
