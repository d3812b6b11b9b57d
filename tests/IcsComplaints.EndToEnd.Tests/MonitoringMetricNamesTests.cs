extern alias cases;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using CaseDeadlineMonitor = cases::IcsComplaints.Case.Api.Features.WatchDeadlines.CaseDeadlineMonitor;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Every metric the chart's alert rules and Grafana dashboard read is one the services serve at /metrics, scraped from
/// them after a complaint has gone from the gateway to its case; a misspelt name in a rule would never fire.
/// </summary>
public sealed partial class MonitoringMetricNamesTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Series the services cannot serve, each with whose they are.
    private static readonly Dictionary<string, string> External = new(StringComparer.Ordinal)
    {
        ["certmanager_certificate_expiration_timestamp_seconds"] = "cert-manager's, of the ingress certificate (ADR 53)",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "group_left", "group_right", "inf", "nan",
    };

    [Fact]
    public async Task EveryMetricTheAlertsAndTheDashboardRead_IsServedByTheServices()
    {
        using var staff = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        var received = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await staff.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1", channel = "Letter", receivedOn = received,
            complainant = new { name = "Sam Series", email = "sam@example.org" },
            description = "The ward phone rang out every time we called about my father.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        await CaseApiSteps.CaseIdAsync(staff, reference);
        // A scan now counts the new case's acknowledgement as due soon, so the deadline gauge has a series.
        await system.Case.Services.GetRequiredService<CaseDeadlineMonitor>().ScanAsync(CancellationToken.None);

        var used = MetricNames().ToList();
        Assert.NotEmpty(used);
        var served = new HashSet<string>(StringComparer.Ordinal);
        var missing = used;
        // The consumer's figures appear once it has committed, a moment after the case is listed.
        for (var until = DateTime.UtcNow + Patience; missing.Count > 0 && DateTime.UtcNow < until; await Task.Delay(500))
        {
            foreach (var client in new Func<HttpClient>[] { system.Intake.CreateHttpClient, system.Case.CreateHttpClient, system.Reporting.CreateHttpClient })
            {
                using var http = client();
                served.UnionWith(Scrape.Names(await Scrape.MetricsAsync(http)));
            }
            missing = [.. used.Where(u => !served.Contains(u.Name) && !External.ContainsKey(u.Name))];
        }
        Assert.True(missing.Count == 0, "Read but not served: " + string.Join("; ", missing.Select(m => $"{m.Name} ({m.Source})")));
        Assert.Contains(used, u => u.Name == "ics_case_deadlines");
        Assert.Contains(used, u => u.Name == "ics_inbox_in_progress");
    }

    // The metric names of every expression in the chart's PrometheusRule template (Helm's actions, the thresholds,
    // taken out) and its dashboard, each with where it was read.
    private static IEnumerable<(string Name, string Source)> MetricNames()
    {
        var chart = Repository.PathOf("charts", "ics-complaints");
        var rules = File.ReadAllLines(Path.Combine(chart, "templates", "monitoring.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("expr:", StringComparison.Ordinal))
            .Select(l => HelmAction().Replace(l["expr:".Length..], "0"));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(chart, "dashboards", "ics-complaints.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!)).ToList();
        foreach (var (expression, source) in rules.Select(r => (r, "rule")).Concat(panels.Select(p => (p, "dashboard"))))
        {
            var bare = Grouping().Replace(Range().Replace(Matchers().Replace(Strings().Replace(expression, ""), ""), ""), "");
            foreach (Match name in Identifier().Matches(bare))
            {
                if (!Keywords.Contains(name.Value))
                {
                    yield return (name.Value, $"{source}: {expression}");
                }
            }
        }
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex HelmAction();

    [GeneratedRegex(@"""(\\.|[^""\\])*""")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // A name not followed by "(" (a function's) nor part of a number.
    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex Identifier();
}
