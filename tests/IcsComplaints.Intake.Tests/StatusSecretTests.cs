using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.ComplaintHandling.Tests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// The secret that lets someone who complained online follow their complaint is never stored in clear: the complaint
/// keeps its hash, and the copy kept for a day to answer a retry is encrypted with the service's own keys.
/// </summary>
public sealed class StatusSecretTests(ComplaintHandlingSystem system)
{
    [Fact]
    public async Task TheStatusSecret_IsNowhereInTheDatabaseInClear_YetARetryWithTheSameKeyGetsTheSameAnswer()
    {
        using var anonymous = system.Intake.Http();
        var key = Guid.NewGuid().ToString();
        var body = new { organisationCode = "RJ1", complainant = new { name = "Grace Hopper" }, description = "Rude reception staff." };
        async Task<(HttpResponseMessage Response, JsonElement Json)> SubmitAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await anonymous.SendAsync(request);
            return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (first, firstJson) = await SubmitAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var secret = firstJson.GetProperty("statusSecret").GetString()!;

        var connectionString = await system.InIntakeDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Empty(await TextColumnsContainingAsync(connectionString, secret));
        Assert.True(await system.InIntakeDb(db => db.DataProtectionKeys.AnyAsync()), "the key that protects it is kept in the service's database");

        var (retry, retryJson) = await SubmitAsync();
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstJson.GetProperty("reference").GetString(), retryJson.GetProperty("reference").GetString());
        Assert.Equal(secret, retryJson.GetProperty("statusSecret").GetString());
        first.Dispose();
        retry.Dispose();
    }

    // Every text column of every table holding the value anywhere within it.
    private static async Task<IReadOnlyList<string>> TextColumnsContainingAsync(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var queries = new List<(string Where, string Sql)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name, format('SELECT count(*) FROM %I.%I WHERE %I::text LIKE @v', table_schema, table_name, column_name) " +
            "FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND data_type IN ('text', 'character varying', 'jsonb')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                queries.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var found = new List<string>();
        foreach (var (where, sql) in queries)
        {
            await using var query = new NpgsqlCommand(sql, connection);
            query.Parameters.AddWithValue("v", "%" + value + "%");
            if ((long)(await query.ExecuteScalarAsync())! > 0)
            {
                found.Add(where);
            }
        }
        return found;
    }
}
