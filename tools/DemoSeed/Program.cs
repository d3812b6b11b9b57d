// Demo data through the platform's own API: records the complaints of a fixture (deploy/demo/complaints.json)
// through the gateway, each signed in as the demo user it names, with its Idempotency-Key (DemoSeeder). ./ics up
// runs it once every service is ready; against docker compose with ICS_DEMO_DATA=true:
//   ICS_DEMO_PASSWORD=… dotnet run --project tools/DemoSeed -- --gateway http://localhost:8080/ --fixture deploy/demo/complaints.json
// The demo users' password comes from ICS_DEMO_PASSWORD, never the command line, where other users could read it.
// Exit code 0 when every complaint is recorded (now or by an earlier run), 1 when some are not, 2 on a usage error.
using IcsComplaints.DemoSeed;

const string Usage = "usage: ICS_DEMO_PASSWORD=… IcsComplaints.DemoSeed --gateway <url> --fixture <file.json>";

string? gateway = null;
string? fixturePath = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--gateway": gateway = args[i + 1]; break;
        case "--fixture": fixturePath = args[i + 1]; break;
        default: await Console.Error.WriteLineAsync(Usage); return 2;
    }
}
var password = Environment.GetEnvironmentVariable("ICS_DEMO_PASSWORD");
if (gateway is null || fixturePath is null || args.Length % 2 != 0 || string.IsNullOrEmpty(password)
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
var outcomes = await new DemoSeeder(http, password, Console.Out).SeedAsync(fixture, DateOnly.FromDateTime(DateTime.Now), CancellationToken.None);
Console.WriteLine($"{outcomes.Count} demo complaints: {outcomes.Count(o => o == SeedOutcome.Recorded)} recorded now, "
    + $"{outcomes.Count(o => o == SeedOutcome.AlreadyRecorded)} already there, {outcomes.Count(o => o == SeedOutcome.Failed)} not recorded");
return outcomes.Contains(SeedOutcome.Failed) ? 1 : 0;
