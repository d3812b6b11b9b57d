using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// One JSON object a line, for a cluster's log collector: time, level, category, event, the message, the trace and
/// span of the request or message being handled, and its correlation and message ids. Nothing else is written: no scope
/// but those two ids (ASP.NET Core's request scope carries the path, and a survey link's path is its code, ADR 34) and
/// of an exception its type and stack, never its message, which can quote what it failed on.
/// </summary>
public sealed class JsonLogFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name (<c>Logging:Console:FormatterName</c>).</summary>
    public const string FormatterName = "ics-json";

    // Scope values that identify a piece of work and nothing about a person.
    private static readonly string[] KeptScopes = ["CorrelationId", "MessageId"];

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        using var buffer = new MemoryStream();
        // Relaxed escaping: a console line is never embedded in HTML, and a message stays readable as written.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow);
            json.WriteString("Level", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            if (logEntry.EventId.Name is { } eventName)
            {
                json.WriteString("EventName", eventName);
            }
            json.WriteString("Message", logEntry.Formatter(logEntry.State, logEntry.Exception));
            if (Activity.Current is { } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }
            var kept = new Dictionary<string, string>(StringComparer.Ordinal);
            scopeProvider?.ForEachScope((scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        if (KeptScopes.Contains(key, StringComparer.Ordinal) && value is not null)
                        {
                            values[key] = value.ToString() ?? "";
                        }
                    }
                }
            }, kept);
            foreach (var (key, value) in kept)
            {
                json.WriteString(key, value);
            }
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("ExceptionType", exception.GetType().FullName);
                json.WriteString("StackTrace", exception.StackTrace);
            }
            json.WriteEndObject();
        }
        textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
