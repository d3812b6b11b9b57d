using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;
using Npgsql;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// <c>./ics backup</c> and <c>./ics restore</c> (docs/deploy.md, "Backups and restore"): an installation of its own,
/// started as <c>./ics up</c> starts one, is given a hundred historical complaints through <c>./ics import</c>, which
/// its services turn into cases, reporting facts, advocacy, learning and correspondence records and audit entries;
/// with its services stopped it is backed up, and the backup restored into a PostgreSQL initialised for the purpose.
/// Every table of every service's database then holds the same rows (count and checksum of its rows in order), under
/// the same owner and grants, with the same sequences and indexes, and each service's runtime role reads its database
/// with the new installation's password. A backup whose archive was altered is refused.
/// It uses what the build made (ICS_BUILD=0) and runs in about two minutes.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ics-backup-test");
    private readonly Installation _source;
    private readonly Installation _target;

    public BackupRestoreTests()
    {
        // ./ics runs where PostgreSQL does, never on Windows.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("./ics runs on Linux.");
        }
        // PostgreSQL, run as user postgres when the tests run as root, must reach the data directories under it.
        File.SetUnixFileMode(_root.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var offsets = FreeOffsets().Take(2).ToList();
        Assert.True(offsets.Count == 2, "no two free ranges of ports for the installations of the backup test");
        _source = new Installation(Path.Combine(_root.FullName, "source"), offsets[0]);
        _target = new Installation(Path.Combine(_root.FullName, "target"), offsets[1]);
    }

    [Fact]
    public async Task ABackup_RestoredIntoAFreshPostgres_HoldsEveryRowOfEveryDatabase_AsItWas()
    {
        _source.Ics("up");
        var import = Path.Combine(_root.FullName, "historical.csv");
        WriteHistoricalComplaints(import);
        // Exit code 2: the rows the example means to be refused were refused.
        var (imports, report) = _source.TryIcs("import", import, "--source", "backup-test", "--report", Path.Combine(_root.FullName, "rejected.csv"));
        Assert.True(imports is 0 or 2, report);
        var imported = await _source.CountAsync("intakedb", "SELECT count(*) FROM intake.complaints");
        Assert.True(imported >= 50, report);
        // The import's events reach case, reporting and the rest through the broker: wait for the last of them.
        await _source.WaitForAsync("reportingdb", "SELECT count(*) FROM reporting.case_facts", imported);
        await _source.WaitForAsync("casedb", "SELECT count(*) FROM \"case\".cases", imported);
        _source.Ics("down", "services");
        var before = await _source.ContentsAsync();

        var backup = Path.Combine(_root.FullName, "backup");
        _source.Ics("backup", backup);
        _target.Ics("restore", backup);
        var after = await _target.ContentsAsync();

        AssertManifestDescribes(backup, ServiceTable.Repository.Lines.Select(l => l.Database).OfType<string>().ToList());
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (item, content) in before)
        {
            Assert.True(content == after[item], $"{item}: {content} before, {after[item]} restored");
        }
        // What was compared is the platform's work, not empty tables.
        Assert.StartsWith($"{imported} ", before["casedb table case.cases"], StringComparison.Ordinal);
        Assert.StartsWith($"{imported} ", before["reportingdb table reporting.complaint_facts"], StringComparison.Ordinal);
        Assert.DoesNotMatch("^0 ", before["intakedb table intake.audit_entries"]);
        // Each service's runtime role, with the new installation's password, reads every table it was granted.
        foreach (var line in ServiceTable.Repository.Lines.Where(l => l.Database is not null))
        {
            var (tables, rows) = await _target.ReadAsRuntimeRoleAsync(line.Database!, line.DatabaseKey!);
            // The tables (not sequences) whose grants give the runtime role SELECT (r in its privileges).
            var granted = before.Where(c => c.Key.StartsWith($"{line.Database} table ", StringComparison.Ordinal)
                && Regex.IsMatch(c.Value, $@"grants (.*,)?ics_{line.DatabaseKey}=[a-zA-Z*]*r[a-zA-Z*]*/")).ToList();
            Assert.True(tables > 0, $"ics_{line.DatabaseKey} may read no table of {line.Database}");
            Assert.Equal(granted.Count, tables);
            Assert.Equal(granted.Sum(c => long.Parse(c.Value.Split(' ')[0], CultureInfo.InvariantCulture)), rows);
        }

        // An archive altered after the backup is refused before any database is touched.
        var archive = Path.Combine(backup, "casedb.dump");
        var bytes = await File.ReadAllBytesAsync(archive);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(archive, bytes);
        var (code, output) = _target.TryIcs("restore", backup);
        Assert.NotEqual(0, code);
        Assert.Contains("casedb.dump does not match its checksum", output, StringComparison.Ordinal);
        Assert.Equal(after, await _target.ContentsAsync());
    }

    // One line per database: the roles ./ics gives it, the archive's size and SHA-256, when it was taken.
    private static void AssertManifestDescribes(string backup, List<string> databases)
    {
        var lines = File.ReadAllLines(Path.Combine(backup, "manifest.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.Equal(databases.Order(StringComparer.Ordinal), lines.Select(l => l[0]).Order(StringComparer.Ordinal));
        foreach (var line in lines)
        {
            var key = line[0][..^2];
            Assert.Equal([$"ics_{key}_owner", $"ics_{key}"], line[1..3]);
            var archive = Path.Combine(backup, $"{line[0]}.dump");
            Assert.Equal(new FileInfo(archive).Length.ToString(CultureInfo.InvariantCulture), line[3]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(archive))), line[4]);
            var taken = DateTimeOffset.Parse(line[5], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.InRange(taken, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        }
    }

    // The example file's complaints (docs/examples), twenty times over under new external ids: the rows it means to be
    // refused are refused each time, the others imported.
    private static void WriteHistoricalComplaints(string path)
    {
        var lines = File.ReadAllLines(Repository.PathOf("docs", "examples", "historical-complaints.csv"));
        using var writer = new StreamWriter(path);
        writer.WriteLine(lines[0]);
        for (var copy = 0; copy < 20; copy++)
        {
            foreach (var line in lines.Skip(1))
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                writer.WriteLine($"{line[..comma]}-{copy:00}{line[comma..]}");
            }
        }
    }

    // Port offsets at which every port ./ics would open is free (the services', PostgreSQL's, RabbitMQ's, epmd's, the
    // mail catcher's and clamd's), above those the checkouts and CI's fault suite use.
    private static IEnumerable<int> FreeOffsets()
    {
        int[] ports = [55432, 55669, 55672, 55673, 55674, 5170, 5171, 5172,
            .. ServiceTable.Repository.Lines.SelectMany(l => new[] { l.HttpPort, l.GrpcPort ?? l.HttpPort })];
        for (var offset = 6100; offset <= 9800; offset += 100)
        {
            if (ports.All(p => IsFree(p + offset)))
            {
                yield return offset;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _source.TryIcs("down");
        _target.TryIcs("down");
        _root.Delete(recursive: true);
    }

    /// <summary>An installation of <c>./ics</c>: its state directory and port offset.</summary>
    private sealed class Installation(string state, int offset)
    {
        private readonly Dictionary<string, string> _environment = new()
        {
            ["ICS_STATE_DIR"] = state,
            ["ICS_PORT_OFFSET"] = offset.ToString(CultureInfo.InvariantCulture),
            // The demo's complaints would double the start-up; the build is the one the tests run from.
            ["ICS_DEMO"] = "0",
            ["ICS_BUILD"] = "0",
            // No telemetry viewer: nothing here reads it, and it would be one more process on a busy machine.
            ["ICS_TELEMETRY"] = "0",
        };

        public void Ics(params string[] args)
        {
            var (code, output) = TryIcs(args);
            Assert.True(code == 0, $"./ics {string.Join(' ', args)} exited {code}:\n{output}");
        }

        public (int Code, string Output) TryIcs(params string[] args)
        {
            var (code, output, errors) = Shell.Run(_environment, "bash", [Repository.PathOf("ics"), .. args]);
            return (code, output + errors);
        }

        /// <summary>Every table's rows (count and checksum), owner and grants, every sequence and the indexes, by database.</summary>
        public async Task<Dictionary<string, string>> ContentsAsync()
        {
            var contents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var database in ServiceTable.Repository.Lines.Select(l => l.Database).OfType<string>())
            {
                await using var connection = await OpenAsync(database);
                var relations = new List<(string Name, string Quoted, char Kind, string Owner, string Grants)>();
                await using (var list = new NpgsqlCommand(
                    """
                    SELECT n.nspname || '.' || c.relname, format('%I.%I', n.nspname, c.relname), c.relkind,
                           pg_get_userbyid(c.relowner),
                           -- What each role may do, in order: no ACL means the owner's defaults, which a dump leaves out.
                           (SELECT coalesce(string_agg(a::text, ',' ORDER BY a::text), '')
                            FROM unnest(coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg\_%'
                    """, connection))
                await using (var reader = await list.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        relations.Add((reader.GetString(0), reader.GetString(1), reader.GetChar(2), reader.GetString(3), reader.GetString(4)));
                    }
                }
                foreach (var relation in relations)
                {
                    var rows = relation.Kind == 'S'
                        ? $"SELECT 1::bigint, last_value::text || ' ' || is_called::text FROM {relation.Quoted}"
                        : $"SELECT count(*), coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {relation.Quoted} t";
                    await using var command = new NpgsqlCommand(rows, connection);
                    await using var reader = await command.ExecuteReaderAsync();
                    await reader.ReadAsync();
                    contents[$"{database} {(relation.Kind == 'S' ? "sequence" : "table")} {relation.Name}"] =
                        $"{reader.GetInt64(0)} {reader.GetString(1)} owner {relation.Owner} grants {relation.Grants}";
                }
                // A partial index's condition is compared by its presence only: PostgreSQL prints a condition it parsed
                // again from the dump with its casts moved, ARRAY[('a'::varchar)::text] for (ARRAY['a'::varchar])::text[].
                await using (var indexes = new NpgsqlCommand(
                    "SELECT schemaname || '.' || indexname, regexp_replace(indexdef, ' WHERE .*$', ' WHERE (condition)') FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
                    connection))
                await using (var reader = await indexes.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        contents[$"{database} index {reader.GetString(0)}"] = reader.GetString(1);
                    }
                }
                await using var defaults = new NpgsqlCommand(
                    "SELECT coalesce(string_agg(item, '; ' ORDER BY item), '') FROM (SELECT concat_ws(' ', pg_get_userbyid(d.defaclrole), d.defaclnamespace::regnamespace, d.defaclobjtype, a) AS item FROM pg_default_acl d, unnest(d.defaclacl) a) defaults",
                    connection);
                contents[$"{database} default privileges"] = (string)(await defaults.ExecuteScalarAsync())!;
            }
            return contents;
        }

        public async Task<long> CountAsync(string database, string count)
        {
            await using var connection = await OpenAsync(database);
            await using var command = new NpgsqlCommand(count, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        /// <summary>
        /// The tables the database's runtime role may read and their rows, read over TCP as that role with the password
        /// ./ics generated for it.
        /// </summary>
        public async Task<(int Tables, long Rows)> ReadAsRuntimeRoleAsync(string database, string key)
        {
            var name = $"ICS_PG_{key.ToUpperInvariant().Replace('-', '_')}_PASSWORD=";
            var password = File.ReadAllLines(Path.Combine(state, "secrets.env")).Single(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..];
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = 55432 + offset,
                Username = $"ics_{key}",
                Password = password,
                Database = database,
                Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            var readable = new List<string>();
            await using (var list = new NpgsqlCommand(
                """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\_%' AND has_table_privilege(c.oid, 'SELECT')
                """, connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    readable.Add(reader.GetString(0));
                }
            }
            long rows = 0;
            foreach (var table in readable)
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
                rows += (long)(await command.ExecuteScalarAsync())!;
            }
            return (readable.Count, rows);
        }

        /// <summary>Waits up to a minute for a count to reach what is expected.</summary>
        public async Task WaitForAsync(string database, string count, long expected)
        {
            long seen = -1;
            for (var attempt = 0; attempt < 120 && seen < expected; attempt++)
            {
                seen = await CountAsync(database, count);
                if (seen < expected)
                {
                    await Task.Delay(500);
                }
            }
            Assert.True(seen >= expected, $"{database}: {count} reached {seen}, not {expected}");
        }

        // The superuser over the installation's socket, as ./ics backup connects: it reads every table whoever owns it.
        private async Task<NpgsqlConnection> OpenAsync(string database)
        {
            var socket = Path.Combine(new DirectoryInfo(Path.Combine(state, "pg")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.Combine(state, "pg"), "socket");
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = socket,
                Port = 55432 + offset,
                Username = "postgres",
                Database = database,
                Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            return connection;
        }
    }
}
