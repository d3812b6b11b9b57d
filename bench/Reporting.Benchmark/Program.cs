// Reporting at national scale on real PostgreSQL (./ics bench reporting).
//
// Ten financial years (2016/17 to 2025/26) of about 230,000 complaints a year — the national volume of written
// complaints (domain.md §3.4) — are generated with a fixed seed across 42 ICBs of 24 providers each (1,008
// organisations, sizes skewed as trusts and practices are) and loaded into the reporting read model with COPY, as a
// rebuild would leave it. Then the queries behind the dashboards are timed as the API runs them (same classes, in
// process, no HTTP): an ICB's oversight of its providers for a quarter, its funnel plot, its 12-month trend, and one
// provider's measures for a year; and a year's KO41a return for one organisation. Each is run for random ICBs,
// organisations and periods; the 95th percentile is reported. Nothing is asserted on absolute times.
using System.Diagnostics;
using System.Globalization;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Features.GetTrend;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NpgsqlTypes;

var years = Argument(args, "--years", 10);
var perYear = Argument(args, "--per-year", 230_000);
var runs = Argument(args, "--runs", 200);
const int Icbs = 42;
const int ProvidersPerIcb = 24;
var infrastructure = new TestInfrastructure();
await infrastructure.InitializeAsync();
Console.WriteLine($"# Reporting benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, infrastructure: {infrastructure.Source})");
Console.WriteLine();

await using var database = await infrastructure.CreateDatabaseAsync("reporting-bench");
await DatabaseExtensions.MigrateAsync<ReportingDbContext>(database.ConnectionString, ReportingDbContext.Schema);
var icbs = Enumerable.Range(1, Icbs).Select(i => $"BQ{i:00}").ToList();
var providers = icbs.ToDictionary(icb => icb, icb => Enumerable.Range(1, ProvidersPerIcb).Select(p => $"{icb}P{p:00}").ToList());
var organisations = providers.Values.SelectMany(p => p).ToList();

var load = Stopwatch.StartNew();
var loaded = await LoadAsync(database.ConnectionString, organisations, years, perYear);
await using (var connection = new NpgsqlConnection(database.ConnectionString))
{
    await connection.OpenAsync();
    await using var analyse = new NpgsqlCommand("ANALYZE reporting.case_facts; ANALYZE reporting.complaint_facts;", connection);
    await analyse.ExecuteNonQueryAsync();
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Loaded {loaded:N0} complaints ({years} years × {perYear:N0}) for {organisations.Count:N0} organisations in {Icbs} ICBs in {load.Elapsed.TotalSeconds:0} s (COPY, then ANALYZE)."));
Console.WriteLine();

// The read model as of the last day of the data, so "overdue" and "due" mean what they would have meant then.
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
var options = DatabaseExtensions.OptionsFor<ReportingDbContext>(database.ConnectionString, ReportingDbContext.Schema);
var random = new Random(7);
var lastYear = 2016 + years - 1;
string RandomQuarter() => $"{random.Next(2017, lastYear + 1)}-Q{random.Next(1, 5)}";

var results = new List<(string Name, List<double> Times)>
{
    await TimeAsync("ICB oversight: measures of 24 providers and the ICB, one quarter", async db =>
    {
        var icb = icbs[random.Next(icbs.Count)];
        await new MeasureQueries(db, clock).ComputeAsync(providers[icb], ReportingPeriods.Parse(RandomQuarter()), icb, CancellationToken.None);
    }),
    await TimeAsync("ICB funnel plot (acknowledged in time), one quarter", async db =>
    {
        var icb = icbs[random.Next(icbs.Count)];
        var period = ReportingPeriods.Parse(RandomQuarter());
        var sets = await new MeasureQueries(db, clock).ComputeAsync(providers[icb], period, icb, CancellationToken.None);
        FunnelLimits.Plot("acknowledgedInTime", period.Label, [.. sets.Where(s => s.OrganisationCode != icb)], sets.Single(s => s.OrganisationCode == icb), publication: false);
    }),
    await TimeAsync("ICB 12-month trend (upheld or partly), all providers", async db =>
    {
        var icb = icbs[random.Next(icbs.Count)];
        var last = new DateOnly(random.Next(2017, lastYear + 1), random.Next(1, 13), 1);
        var first = last.AddMonths(-11);
        var rows = await new OversightQueries(db).TrendRowsAsync(providers[icb], "upheldOrPartly", first, last, IcsComplaints.Calendar.LondonTime.Today(clock), CancellationToken.None);
        GetTrendHandler.Monthly(rows, "upheldOrPartly", first, last);
    }),
    await TimeAsync("Provider measures, one financial year", async db =>
    {
        var organisation = organisations[random.Next(organisations.Count)];
        await new MeasureQueries(db, clock).ComputeAsync([organisation], ReportingPeriods.FinancialYear(random.Next(2016, lastYear + 1)), null, CancellationToken.None);
    }),
    await TimeAsync("KO41a return for one organisation, one financial year", async db =>
    {
        var organisation = organisations[random.Next(organisations.Count)];
        var year = ReportingPeriods.FinancialYear(random.Next(2016, lastYear + 1));
        Ko41Counting.Count(organisation, "KO41a", year, await new ReturnQueries(db).Ko41CasesAsync(organisation, year, CancellationToken.None));
    }),
};

Console.WriteLine($"| query ({runs} runs each, after 10 warm-up) | p50 ms | p95 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, times) in results)
{
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} |"));
}

async Task<(string, List<double>)> TimeAsync(string name, Func<ReportingDbContext, Task> query)
{
    var times = new List<double>();
    for (var i = 0; i < runs + 10; i++)
    {
        // A fresh context per request, as the API has.
        await using var db = new ReportingDbContext(options);
        var watch = Stopwatch.StartNew();
        await query(db);
        if (i >= 10)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    return (name, times);
}

static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

static async Task<long> LoadAsync(string connectionString, List<string> organisations, int years, int perYear)
{
    string[] subjects = ["Communications", "Clinical treatment", "Patient care", "Appointments", "Waiting times", "Values and behaviours", "Admissions, discharges and transfers", "Other"];
    string[] channels = ["Online", "Letter", "Email", "Phone", "InPerson", "Pals"];
    string[] ages = ["0-15", "16-25", "26-55", "56-75", "75+", "Unknown"];
    string[] outcomes = ["Upheld", "PartiallyUpheld", "NotUpheld"];
    // Skewed sizes: a few large trusts, many small practices (weights 1..24 squared).
    var weights = organisations.Select((_, i) => Math.Pow((i % ProvidersPerIcb) + 1, 2)).ToArray();
    var cumulative = new double[weights.Length];
    for (var i = 0; i < weights.Length; i++)
    {
        cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + weights[i];
    }
    var random = new Random(20261128);
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    long count = 0;
    var complaints = new List<(Guid Id, string Channel)>(perYear * years);
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY reporting.case_facts (case_id, complaint_id, organisation_code, received_on, received_month, acknowledgement_due_by, acknowledged_on, " +
        "acknowledged_in_time, response_sent_on, resolved_early, working_days_taken, by_agreed_date, renegotiations, within_backstop, backstop_missed, " +
        "outcome, closed_on, closure, reopened, ombudsman_on, advocacy, draft_reviews, subjects, service_area, professions, clinical_sub_categories, " +
        "site_ods_code, age_band, complainant_status, channel) FROM STDIN (FORMAT BINARY)"))
    {
        var start = new DateOnly(2016, 4, 1);
        var days = (new DateOnly(2016 + years, 4, 1).DayNumber - start.DayNumber);
        for (long n = 0; n < (long)perYear * years; n++)
        {
            var pick = random.NextDouble() * cumulative[^1];
            var at = Array.BinarySearch(cumulative, pick);
            var org = organisations[Math.Min(organisations.Count - 1, at < 0 ? ~at : at)];
            var received = start.AddDays(random.Next(days));
            var caseId = Guid.CreateVersion7();
            var complaintId = Guid.CreateVersion7();
            var channel = channels[random.Next(channels.Length)];
            complaints.Add((complaintId, channel));
            var early = random.NextDouble() < 0.35;
            var responded = random.NextDouble() < 0.93;
            var taken = early ? random.Next(1, 10) : random.Next(15, 130);
            var sent = received.AddDays((int)(taken * 1.4));
            var subjectCount = random.Next(1, 4);
            var chosen = Enumerable.Range(0, subjectCount).Select(_ => subjects[random.Next(subjects.Length)]).Distinct().ToArray();
            await writer.StartRowAsync();
            await writer.WriteAsync(caseId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(complaintId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(org, NpgsqlDbType.Varchar);
            await writer.WriteAsync(received, NpgsqlDbType.Date);
            await writer.WriteAsync(new DateOnly(received.Year, received.Month, 1), NpgsqlDbType.Date);
            await writer.WriteAsync(received.AddDays(4), NpgsqlDbType.Date);
            var ackInTime = random.NextDouble() < 0.9;
            await writer.WriteAsync(received.AddDays(ackInTime ? 2 : 7), NpgsqlDbType.Date);
            await writer.WriteAsync(ackInTime, NpgsqlDbType.Boolean);
            if (responded)
            {
                await writer.WriteAsync(sent, NpgsqlDbType.Date);
                await writer.WriteAsync(early, NpgsqlDbType.Boolean);
                await writer.WriteAsync(taken, NpgsqlDbType.Integer);
                if (early)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(random.NextDouble() < 0.7, NpgsqlDbType.Boolean);
                }
            }
            else
            {
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
            await writer.WriteAsync(early ? 0 : random.Next(0, 3), NpgsqlDbType.Integer);
            await writer.WriteAsync(taken < 125, NpgsqlDbType.Boolean);
            await writer.WriteAsync(!responded && random.NextDouble() < 0.2, NpgsqlDbType.Boolean);
            if (responded)
            {
                await writer.WriteAsync(outcomes[random.Next(outcomes.Length)], NpgsqlDbType.Varchar);
                await writer.WriteAsync(sent.AddDays(10), NpgsqlDbType.Date);
                await writer.WriteAsync("Resolved", NpgsqlDbType.Varchar);
            }
            else
            {
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
            }
            await writer.WriteAsync(random.NextDouble() < 0.05 ? 1 : 0, NpgsqlDbType.Integer);
            if (responded && random.NextDouble() < 0.03)
            {
                await writer.WriteAsync(sent.AddDays(60), NpgsqlDbType.Date);
            }
            else
            {
                await writer.WriteNullAsync();
            }
            await writer.WriteAsync(random.NextDouble() < 0.04, NpgsqlDbType.Boolean);
            await writer.WriteAsync(random.NextDouble() < 0.02 ? 1 : 0, NpgsqlDbType.Integer);
            await writer.WriteAsync(chosen, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync("Medical", NpgsqlDbType.Varchar);
            await writer.WriteAsync(new[] { random.NextDouble() < 0.5 ? "Medical" : "Nursing, midwifery and health visiting" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync(chosen.Contains("Clinical treatment") ? Diagnosis : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteNullAsync();
            await writer.WriteAsync(ages[random.Next(ages.Length)], NpgsqlDbType.Varchar);
            await writer.WriteAsync(random.NextDouble() < 0.6 ? "Patient" : "On behalf of the patient", NpgsqlDbType.Varchar);
            await writer.WriteAsync(channel, NpgsqlDbType.Varchar);
            count++;
        }
        await writer.CompleteAsync();
    }
    await using (var writer = await connection.BeginBinaryImportAsync("COPY reporting.complaint_facts (complaint_id, channel, imported) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var (id, channel) in complaints)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(channel, NpgsqlDbType.Varchar);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
        }
        await writer.CompleteAsync();
    }
    return count;
}

static int Argument(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Constants of the generator.</summary>
internal static partial class Program
{
    private static readonly string[] Diagnosis = ["Diagnosis"];
}
