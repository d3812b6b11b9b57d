using System.Diagnostics;
using IcsComplaints.TestKit;
using Npgsql;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// What the same PostgreSQL does with nothing in front of it: durable single-row INSERTs of about 1 KB (a complaint's
/// size) at 8 connections into a table of a scratch database, each its own committed transaction (fsync on, so each
/// waits for the write-ahead log to reach the disk, as a complaint's transaction does). The ceiling any service
/// writing one transaction per complaint could approach on this machine.
/// </summary>
internal static class PostgresBaseline
{
    public static async Task<(long Transactions, double Seconds)> RunAsync(TestInfrastructure infrastructure, int connections, TimeSpan duration)
    {
        await using var database = await infrastructure.CreateDatabaseAsync("intake_bench_baseline");
        await using (var setup = new NpgsqlConnection(database.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE scratch (id uuid PRIMARY KEY, received_at timestamptz NOT NULL, body text NOT NULL)", setup);
            await create.ExecuteNonQueryAsync();
        }
        var random = new Random(11);
        var bodies = Enumerable.Range(0, 64)
            .Select(_ => new string([.. Enumerable.Range(0, 1000).Select(_ => (char)random.Next('a', 'z' + 1))]))
            .ToArray();
        var start = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO scratch (id, received_at, body) VALUES ($1, $2, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            insert.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
            insert.Parameters.Add(new NpgsqlParameter { Value = "" });
            await insert.PrepareAsync();
            long done = 0;
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                insert.Parameters[0].Value = Guid.CreateVersion7();
                insert.Parameters[1].Value = DateTimeOffset.UtcNow;
                insert.Parameters[2].Value = bodies[(int)((done + worker) % bodies.Length)];
                await insert.ExecuteNonQueryAsync();
                done++;
            }
            return done;
        })));
        return (counts.Sum(), Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
