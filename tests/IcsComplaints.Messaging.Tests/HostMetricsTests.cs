using IcsComplaints.ServiceDefaults;
using IcsComplaints.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace IcsComplaints.Messaging.Tests;

/// <summary>
/// Two services in one process, as the test suite runs them: each one's /metrics serves its own requests only, and
/// they are still counted after the other has stopped.
/// </summary>
public sealed class HostMetricsTests
{
    // The exporter answers a scrape from a copy kept this long; a later scrape must not be served that copy.
    private static readonly TimeSpan ScrapeCache = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task AServicesRequestDurations_AreItsOwn_AndStillCounted_AfterAnotherServiceInTheProcessHasStopped()
    {
        await using var first = await StartAsync("/first");
        using var firstHttp = new HttpClient { BaseAddress = first.Address };
        await using (var second = await StartAsync("/second"))
        {
            using var secondHttp = new HttpClient { BaseAddress = second.Address };
            (await firstHttp.GetAsync(new Uri("/first", UriKind.Relative))).EnsureSuccessStatusCode();
            (await secondHttp.GetAsync(new Uri("/second", UriKind.Relative))).EnsureSuccessStatusCode();
            Assert.Equal(1, Requests(await Scrape.MetricsAsync(firstHttp), "/first"));
            Assert.DoesNotContain(await Scrape.MetricsAsync(firstHttp), s => s.Label("http_route") == "/second");
        }

        for (var i = 0; i < 2; i++)
        {
            (await firstHttp.GetAsync(new Uri("/first", UriKind.Relative))).EnsureSuccessStatusCode();
        }
        await Task.Delay(ScrapeCache);
        Assert.Equal(3, Requests(await Scrape.MetricsAsync(firstHttp), "/first"));
    }

    private static double Requests(IEnumerable<Series> scrape, string route) =>
        scrape.Where(s => s.Name == "http_server_request_duration_seconds_count" && s.Label("http_route") == route).Sum(s => s.Value);

    private static async Task<RunningService> StartAsync(string route)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "None" });
        builder.AddTelemetry();
        var app = builder.Build();
        app.MapGet(route, () => Results.Ok());
        app.MapMetrics();
        await app.StartAsync();
        return new RunningService(app, new Uri($"http://127.0.0.1:{port}"));
    }

    private sealed record RunningService(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
