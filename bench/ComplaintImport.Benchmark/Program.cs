// Bulk import speed on real PostgreSQL (./ics bench import).
//
// A CSV of N historical complaints (default 100,000) is generated with a fixed seed: realistic names, addresses,
// valid NHS numbers, dates over three years, a third closed with an outcome, some made to the ICB about a
// provider, and about 1% bad rows of several kinds. A fresh database is migrated and seeded with the directory,
// exactly as `migrate` does, and the production importer (the `import` command without its progress bar) loads
// the file: validation, routing, batches of 1,000 with their ComplaintSubmitted events in the outbox. The same
// file is then imported again, which must import nothing. The relay is not running, as in the command itself.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using IcsComplaints.Bench.Common;
using IcsComplaints.Intake.Api;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.ImportComplaints;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var rows = Argument(args, "--rows", 100_000);
var infrastructure = new TestInfrastructure();
await infrastructure.InitializeAsync();
Console.WriteLine($"# Complaint import benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, infrastructure: {infrastructure.Source})");
Console.WriteLine();

var file = Path.Combine(Path.GetTempPath(), $"ics-import-bench-{rows}.csv");
var generation = Stopwatch.StartNew();
var expectedBad = ImportFile.Write(file, rows, seed: 20261128);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Generated {rows:N0} rows ({new FileInfo(file).Length / 1024.0 / 1024.0:N1} MiB, {expectedBad:N0} bad on purpose) in {generation.Elapsed.TotalSeconds:0.0} s."));
Console.WriteLine();

await using (var database = await infrastructure.CreateDatabaseAsync("import"))
await using (var vhost = await infrastructure.CreateVirtualHostAsync("import"))
{
    var builder = WebApplication.CreateBuilder(["--environment", "Production"]);
    builder.Configuration["ConnectionStrings:intakedb"] = database.ConnectionString;
    builder.Configuration["ConnectionStrings:rabbitmq"] = vhost.AmqpUri.ToString();
    builder.Configuration["Authentication:Authority"] = "http://127.0.0.1:9/";
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.AddServiceDefaults();
    builder.AddIntakeServices();
    await using var app = builder.Build();
    await ServiceCommands.MigrateAsync(app.Services);
    var importer = ActivatorUtilities.CreateInstance<ComplaintImporter>(app.Services);

    var first = await importer.ImportAsync(file, "bench", "bench", progress: null, CancellationToken.None);
    var second = await importer.ImportAsync(file, "bench", "bench", progress: null, CancellationToken.None);

    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
    var stored = await db.Complaints.CountAsync();
    var events = await db.Set<OutboxMessage>().CountAsync();
    var rejectedRows = first.Rejected.Select(r => r.Line).Distinct().Count();

    Console.WriteLine("| run | rows read | imported | already imported | rejected rows | time | rows/s |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, result) in new[] { ("first", first), ("again", second) })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {result.Read:N0} | {result.Imported:N0} | {result.AlreadyImported:N0} | {result.Rejected.Select(r => r.Line).Distinct().Count():N0} | {result.Elapsed.TotalSeconds:0.0} s | {result.Read / result.Elapsed.TotalSeconds:N0} |"));
    }
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Stored {stored:N0} complaints and {events:N0} outbox events; {rejectedRows:N0} rows rejected ({expectedBad:N0} generated bad)."));
    Console.WriteLine();
    var targets = new TargetTable();
    targets.Add(IssueTargets.RowsPerSecond, first.Read / first.Elapsed.TotalSeconds, of: string.Create(CultureInfo.InvariantCulture, $"{first.Read:N0} rows, first run"));
    targets.Write(Console.Out);
    if (stored != first.Imported || events != first.Imported || rejectedRows != expectedBad || second.Imported != 0)
    {
        Console.WriteLine("MISMATCH: the figures above do not add up.");
        return 1;
    }
}
File.Delete(file);
return 0;

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The target of issue 21 for this benchmark, printed beside the figure at its end.</summary>
internal static class IssueTargets
{
    public static readonly Target RowsPerSecond = Target.AtLeast("rows imported a second", 5_000, "", "N0");
}

/// <summary>Writes a file of historical complaints in the import format.</summary>
internal static class ImportFile
{
    private static readonly string[] Providers = ["RJ1", "RJZ", "RJ2", "RPG", "Y99901", "Z99902", "RJ1ZZ"];
    private static readonly string[] Channels = ["Letter", "Email", "Phone", "InPerson", "Pals", "Online"];
    private static readonly string[] Outcomes = ["Upheld", "PartiallyUpheld", "NotUpheld"];
    private static readonly string[] Descriptions =
    [
        "My appointment was cancelled three times without explanation.",
        "Staff on the ward did not answer my questions about my mother's care.",
        "I waited nine hours in the emergency department.",
        "My discharge letter never reached my GP, so my medicines were not renewed.",
        "The receptionist was rude to me on the telephone.",
    ];

    /// <summary>Writes <paramref name="rows"/> rows; returns how many were made bad on purpose.</summary>
    public static int Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var bad = 0;
        // Received between 2023 and late 2025, closed within four months: every date is in the past.
        var start = new DateOnly(2023, 1, 1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(",", ComplaintImporter.Columns));
        for (var i = 1; i <= rows; i++)
        {
            var received = start.AddDays(random.Next(0, 1_000));
            var toIcb = random.Next(10) == 0;
            var provider = Providers[random.Next(Providers.Length)];
            var person = People.Draw(random, i);
            var closed = random.Next(3) == 0 ? received.AddDays(random.Next(5, 120)) : (DateOnly?)null;
            var cells = new Dictionary<string, string>
            {
                ["external_id"] = $"LEG-{i:D7}",
                ["organisation_code"] = toIcb ? "QKK" : provider,
                ["about_organisation_codes"] = toIcb ? provider : "",
                ["received_on"] = Date(received),
                ["channel"] = Channels[random.Next(Channels.Length)],
                ["complainant_type"] = "Patient",
                ["complainant_name"] = person.Name,
                ["complainant_email"] = random.Next(2) == 0 ? person.Email : "",
                ["complainant_phone"] = random.Next(2) == 0 ? person.Phone : "",
                ["address_line1"] = person.Street,
                ["town"] = person.Town,
                ["postcode"] = person.Postcode,
                ["patient_name"] = person.Name,
                ["patient_nhs_number"] = person.NhsNumber,
                ["patient_date_of_birth"] = Date(person.DateOfBirth),
                ["event_date"] = Date(received.AddDays(-random.Next(0, 200))),
                ["description"] = Descriptions[random.Next(Descriptions.Length)],
                ["closed_on"] = closed is { } c ? Date(c) : "",
                ["outcome"] = closed is null ? "" : Outcomes[random.Next(Outcomes.Length)],
            };
            if (random.Next(100) == 0)
            {
                bad++;
                switch (random.Next(4))
                {
                    case 0: cells["patient_nhs_number"] = NhsNumbers.Invalid(random); break;
                    case 1: cells["organisation_code"] = "XYZ99"; break;
                    case 2: cells["received_on"] = "2023-02-30"; break;
                    default: cells["complainant_email"] = "not-an-email"; break;
                }
            }
            writer.WriteLine(string.Join(",", ComplaintImporter.Columns.Select(column => Csv(cells.GetValueOrDefault(column, "")))));
        }
        return bad;
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
