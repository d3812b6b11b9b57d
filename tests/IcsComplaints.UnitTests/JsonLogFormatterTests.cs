using System.Diagnostics;
using System.Text.Json;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace IcsComplaints.UnitTests;

/// <summary>Production logs: one JSON object a line with the trace and span ids, and nothing about a person.</summary>
public sealed class JsonLogFormatterTests
{
    [Fact]
    public void ALine_CarriesTheTraceSpanAndCorrelationIds_ButNoOtherScopeNorAnExceptionsMessage()
    {
        using var source = new ActivitySource("JsonLogFormatterTests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("request")!;
        var scopes = new LoggerExternalScopeProvider();
        using var request = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/survey/link/Secret-Code-123", ["RequestId"] = "0HN1" });
        using var work = scopes.Push(new Dictionary<string, object?> { ["CorrelationId"] = "corr-42", ["ComplainantName"] = "Walter Mbeki" });
        var exception = Thrown(new InvalidOperationException("Walter Mbeki at 9 Demo Street"));
        using var output = new StringWriter();

        new JsonLogFormatter().Write(
            new LogEntry<string>(LogLevel.Error, "IcsComplaints.Test", new EventId(7, "Failed"), "state", exception, (_, _) => "Publishing failed (InvalidOperationException)"),
            scopes, output);

        var line = output.ToString();
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(activity.TraceId.ToHexString(), root.GetProperty("TraceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), root.GetProperty("SpanId").GetString());
        Assert.Equal("corr-42", root.GetProperty("CorrelationId").GetString());
        Assert.Equal(("Error", "IcsComplaints.Test", 7, "Publishing failed (InvalidOperationException)"),
            (root.GetProperty("Level").GetString(), root.GetProperty("Category").GetString(), root.GetProperty("EventId").GetInt32(), root.GetProperty("Message").GetString()));
        Assert.Equal(typeof(InvalidOperationException).FullName, root.GetProperty("ExceptionType").GetString());
        Assert.DoesNotContain("Walter", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Code-123", line, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestPath", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", JsonLogFormatter.FormatterName)]
    [InlineData("Development", ConsoleFormatterNames.Simple)]
    public void TheConsole_WritesJsonOutsideDevelopment(string environment, string formatter)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.AddTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(formatter, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple);
        Assert.Contains(services.GetServices<ConsoleFormatter>(), f => f.Name == formatter);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
