using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using IcsComplaints.TestKit;
using Npgsql;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>
/// What a fuzz run acts on: a token for every kind of user, records made for the run (a complaint and case at RJ1,
/// a complaint made to the ICB, a referral, a learning action), every identifier stored anywhere, and the plausible
/// values requests are built from.
/// </summary>
/// <param name="Inputs">Generators of request values.</param>
/// <param name="Tokens">An access token for every user of <see cref="Users"/>.</param>
/// <param name="Ids">Every identifier stored anywhere.</param>
/// <param name="IdsByTable">The primary keys of each table, so that /cases/{caseId} names a case.</param>
/// <param name="Records">The records made for the run, by placeholder name (case, complaint, icbComplaint, referral, action).</param>
public sealed record FuzzWorld(
    FuzzInputs Inputs, IReadOnlyDictionary<string, string> Tokens, IReadOnlyList<Guid> Ids, IReadOnlyDictionary<string, List<Guid>> IdsByTable,
    IReadOnlyDictionary<string, string> Records)
{
    // Every kind of user, and nobody.
    public static readonly string?[] Users =
        [null, "handler.rj1", "investigator.rj1", "responsible.rj1", "quality.rj1", "handler.qkk", "commissioner.qkk", "quality.qkk", "advocate.adv01", "complainant", "admin", "pals-rj1"];

    // Tokens for every user, and the records requests can name: a case of RJ1's, of the ICB's, and whatever exists.
    public static async Task<FuzzWorld> CreateAsync(IcsSystem system)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in Users.OfType<string>())
        {
            tokens[user] = user.StartsWith("pals-", StringComparison.Ordinal) ? await system.ClientTokenAsync(user) : await system.TokenAsync(user);
        }
        // Records for the requests to act on: a complaint and case at RJ1, one made to the ICB, a referral and a learning action.
        using var handler = system.GatewayHttp(tokens["handler.rj1"]);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        var complaint = await ApiCalls.PostAsync(handler, "/api/v1/complaints", new
        {
            organisationCode = "RJ1",
            channel = "Letter",
            complainant = new { name = "Fuzz Target", address = new { line1 = "1 Demo Street", town = "London", postcode = "SE1 7EH" } },
            description = "A complaint for the fuzz run to act on.",
        }, HttpStatusCode.Created);
        records["complaint"] = complaint.GetProperty("id").GetString()!;
        var reference = complaint.GetProperty("reference").GetString();
        await Eventually.TrueAsync(
            async () => (await handler.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/cases?reference={reference}", UriKind.Relative))).GetProperty("items").GetArrayLength() == 1,
            TimeSpan.FromSeconds(30), "the fuzz run's case opens");
        records["case"] = (await ApiCalls.GetAsync(handler, $"/api/v1/cases?reference={reference}")).GetProperty("items")[0].GetProperty("caseId").GetString()!;
        using (var icb = system.GatewayHttp(tokens["handler.qkk"]))
        {
            records["icbComplaint"] = (await ApiCalls.PostAsync(icb, "/api/v1/complaints", new
            {
                organisationCode = "QKK",
                aboutOrganisationCodes = new[] { "RJ1" },
                channel = "Letter",
                complainant = new { name = "Fuzz Target", email = "fuzz@example.org" },
                description = "A complaint to the ICB for the fuzz run.",
            }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }
        // Accounts of the run's own, for the identity administration routes to act on: the demo users other tests sign
        // in as must never be disabled or lose their roles to a fuzzed request.
        using (var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), tokens["admin"]))
        {
            for (var i = 0; i < 2; i++)
            {
                records["identityUser" + i] = (await ApiCalls.PostAsync(admin, "/api/v1/identity/users", new
                {
                    userName = $"fuzz.{Guid.NewGuid():N}"[..20], displayName = "Fuzz account", password = Guid.NewGuid().ToString("N"), roles = Array.Empty<string>(),
                }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            }
        }
        records["referral"] = (await ApiCalls.PostAsync(handler, "/api/v1/advocacy/referrals", new
        {
            caseId = records["case"],
            postcode = "SE1 7EH",
            consent = new { viewCase = true, reviewDrafts = true, evidence = "Written" },
        }, HttpStatusCode.Created)).GetProperty("items")[0].GetProperty("id").GetString()!;
        using (var quality = system.GatewayHttp(tokens["quality.rj1"]))
        {
            records["action"] = (await ApiCalls.PostAsync(quality, "/api/v1/learning/actions", new
            {
                organisationCode = "RJ1",
                caseId = records["case"],
                whatWillChange = "Hourly checks of patients waiting.",
                owner = "Ward manager",
                dueOn = "2027-03-31",
            }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }

        var byTable = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var connectionString in system.DatabaseConnectionStrings())
        {
            foreach (var (table, found) in await IdsInAsync(connectionString))
            {
                (byTable.TryGetValue(table, out var list) ? list : byTable[table] = []).AddRange(found);
            }
        }
        var ids = byTable.Values.SelectMany(v => v).Distinct().ToList();
        var plausible = new List<string>
        {
            "RJ1", "RJZ", "QKK", "QOP", "R0A", "Y99901", "ADV01", "ADV02", "E09000028", "me", "Ada Lovelace", "Hana Handler",
            "Chief Executive", "SE1 7EH", "M1 1AA", "943 476 5919", "9434765919", "ada@example.org", "020 7946 0000", "07700 900123",
            "My follow-up appointment was cancelled twice.", "We are sorry.", "The nine-hour wait", "A&E", "2026",
            DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        plausible.AddRange(ids.Take(20).Select(i => i.ToString()));
        plausible.AddRange(EnumNames());
        ids = ids.Count > 0 ? ids : [Guid.NewGuid()];
        return new FuzzWorld(new FuzzInputs(plausible.Distinct(StringComparer.Ordinal).ToList(), ids), tokens, ids, byTable, records);
    }

    // Every enumeration name the services define: the values their text fields most often expect.
    private static IEnumerable<string> EnumNames() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("IcsComplaints.", StringComparison.Ordinal) == true)
            .SelectMany(a =>
            {
                try
                {
                    return a.GetTypes();
                }
                catch (ReflectionTypeLoadException ex)
                {
                    return ex.Types.OfType<Type>().ToArray();
                }
            })
            .Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(Enum.GetNames)
            .Distinct(StringComparer.Ordinal);

    // Identifiers by table: a table's own "id" column under its name, any other identifier under "".
    private static async Task<IReadOnlyList<(string Table, List<Guid> Ids)>> IdsInAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Sql)>();
        await using (var list = new NpgsqlCommand(
            "SELECT CASE WHEN column_name = 'id' THEN table_name ELSE '' END, " +
            "format('SELECT %I FROM %I.%I WHERE %I IS NOT NULL ORDER BY random() LIMIT 20', column_name, table_schema, table_name, column_name) " +
            "FROM information_schema.columns WHERE data_type = 'uuid' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var ids = new List<(string, List<Guid>)>();
        foreach (var (table, sql) in columns)
        {
            var found = new List<Guid>();
            await using var query = new NpgsqlCommand(sql, connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetGuid(0));
            }
            ids.Add((table, found));
        }
        return ids;
    }
}
