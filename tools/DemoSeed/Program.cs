// Demo data through the platform's own API: records the complaints of a fixture (deploy/demo/complaints.json)
// through the gateway, each signed in as the demo user it names, with its Idempotency-Key, then makes the steps each
// complaint lists (DemoSeeder). ./ics up runs it once every service is ready; against docker compose with ICS_DEMO_DATA=true:
//   ICS_DEMO_PASSWORD=… dotnet run --project tools/DemoSeed -- --gateway http://localhost:8080/ --fixture deploy/demo/complaints.json
// The demo users' password comes from ICS_DEMO_PASSWORD, never the command line, where other users could read it.
// Exit code 0 when every complaint and step is recorded (now or by an earlier run), 1 when some are not, 2 on a usage error.
// --generate <fixture.json> [--seed N] rewrites the fixture's year of generated complaints (DemoYear) and exits.
using System.Globalization;
using IcsComplaints.DemoSeed;

const string Usage = "usage: ICS_DEMO_PASSWORD=… IcsComplaints.DemoSeed --gateway <url> --fixture <file.json>\n"
    + "       IcsComplaints.DemoSeed --generate <file.json> [--seed N]";

string? gateway = null;
string? fixturePath = null;
string? generatePath = null;
var seed = DemoYear.DefaultSeed;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--gateway": gateway = args[i + 1]; break;
        case "--fixture": fixturePath = args[i + 1]; break;
        case "--generate": generatePath = args[i + 1]; break;
        case "--seed" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var given): seed = given; break;
        default: await Console.Error.WriteLineAsync(Usage); return 2;
    }
}
if (args.Length % 2 != 0)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

if (generatePath is not null)
{
    try
    {
        await File.WriteAllTextAsync(generatePath, DemoYear.Rewrite(await File.ReadAllTextAsync(generatePath), seed));
        var written = DemoFixture.Load(generatePath);
        Console.WriteLine($"{generatePath}: {written.Complaints.Count} complaints, {written.Complaints.Sum(c => c.Steps.Count)} steps (seed {seed})");
        return 0;
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 2;
    }
}

var password = Environment.GetEnvironmentVariable("ICS_DEMO_PASSWORD");
if (gateway is null || fixturePath is null || string.IsNullOrEmpty(password)
    || !Uri.TryCreate(gateway.EndsWith('/') ? gateway : gateway + "/", UriKind.Absolute, out var gatewayUri))
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

DemoFixture fixture;
try
{
    fixture = DemoFixture.Load(fixturePath);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var http = new HttpClient { BaseAddress = gatewayUri, Timeout = TimeSpan.FromSeconds(30) };
var report = await new DemoSeeder(http, password, Console.Out).SeedAsync(fixture, DateOnly.FromDateTime(DateTime.Now), CancellationToken.None);
Console.WriteLine($"{report.Complaints.Count} demo complaints: {report.Complaints.Count(o => o == SeedOutcome.Recorded)} recorded now, "
    + $"{report.Complaints.Count(o => o == SeedOutcome.AlreadyRecorded)} already there, {report.Complaints.Count(o => o == SeedOutcome.Failed)} not recorded, "
    + $"{report.Complaints.Count(o => o == SeedOutcome.NotYet)} dated later this month; "
    + $"{report.Steps.Count} steps: {report.Steps.Count(o => o == SeedOutcome.Recorded)} made now, "
    + $"{report.Steps.Count(o => o == SeedOutcome.AlreadyRecorded)} already made, {report.Steps.Count(o => o == SeedOutcome.Failed)} not made, "
    + $"{report.Steps.Count(o => o == SeedOutcome.NotYet)} not due yet");
return report.Complaints.Contains(SeedOutcome.Failed) || report.Steps.Contains(SeedOutcome.Failed) ? 1 : 0;
