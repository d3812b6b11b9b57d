using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Messaging.Tests;

/// <summary>
/// Runs alone: the statements it records are every statement sent in the process, so other tests' hosts, alive at the
/// same time, would add theirs, to databases dropped by the time their plans are asked.
/// </summary>
[CollectionDefinition(nameof(OutboxMetricsTests), DisableParallelization = true)]
public sealed class OutboxMetricsAlone;

/// <summary>The outbox's backlog and the age of its oldest row, as Prometheus reads them at /metrics, over real PostgreSQL.</summary>
[Collection(nameof(OutboxMetricsTests))]
public sealed class OutboxMetricsTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    // The maintenance loop counts every 15 s; two counts and a scrape fit well inside this.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await infrastructure.CreateDatabaseAsync("msgmetrics");
        await MessagingTestHost.CreateSchemaAsync(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WhileTheBrokerIsAway_TheBacklogAndTheAgeOfItsOldestRow_AreServed_AndTheAgeGrows_CountedFromIndexes()
    {
        using var sent = SentSql.Record();
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = _database.ConnectionString,
            // Nothing listens here: every publish fails as a broker outage does, so the rows stay.
            ["ConnectionStrings:rabbitmq"] = $"amqp://nobody:nothing@127.0.0.1:{FreePort.Next()}/",
            ["Messaging:Relay:PollInterval"] = "00:00:00.200",
            ["Messaging:Relay:PublishTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "None",
        });
        builder.AddTelemetry();
        builder.AddServiceDatabase<MessagingTestDbContext, WebApplicationBuilder>("testdb", MessagingTestDbContext.Schema);
        builder.AddServiceMessaging<MessagingTestDbContext, WebApplicationBuilder>("msgmetrics");
        await using var app = builder.Build();
        app.MapMetrics();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 0; i < 3; i++)
            {
                outbox.Publish(new WidgetCreated(Guid.NewGuid()));
            }
            await db.SaveChangesAsync();
        }

        double first = 0;
        await Eventually.TrueAsync(async () =>
        {
            var scrape = await Scrape.MetricsAsync(http);
            first = Value(scrape, "ics_outbox_oldest_age_seconds");
            return Value(scrape, "ics_outbox_pending") == 3 && first > 0;
        }, Patience, "the three waiting rows are counted and the oldest one's age is above 0");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var later = Value(await Scrape.MetricsAsync(http), "ics_outbox_oldest_age_seconds");
        Assert.True(later >= first + 1.5, $"the age grows between scrapes: {first} then {later}");
        Assert.Equal(0, Value(await Scrape.MetricsAsync(http), "ics_outbox_parked"));
        await app.StopAsync();
        // The counts run every 15 s in every service, and the outbox grows without bound while the broker is away.
        var counts = sent.Of<MessagingTestDbContext>().Where(s => s.Sql.Contains("count(*)", StringComparison.Ordinal)).ToList();
        Assert.Contains(counts, s => s.Sql.Contains("parked_at IS NOT NULL", StringComparison.Ordinal));
        await QueryPlans.AssertNoneReadInFullAsync(counts);
    }

    // NaN until the gauge is first observed, which no comparison above passes.
    private static double Value(IEnumerable<Series> scrape, string name) =>
        scrape.Where(s => s.Name == name).Select(s => s.Value).DefaultIfEmpty(double.NaN).Single();
}
