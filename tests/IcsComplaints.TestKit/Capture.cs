using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IcsComplaints.TestKit;

/// <summary>
/// Everything the running system writes out of its databases: every log line at Debug and above (message,
/// scopes, exceptions) of every service, each kept with the service that wrote it; every trace span (names, tags,
/// events), every message body RabbitMQ delivered and every message published (including those no service consumes
/// yet). The privacy tests search it for personal data.
/// </summary>
public sealed class Capture : IReceiveObserver, IPublishObserver
{
    private readonly ConcurrentQueue<(string Service, string Line)> _logs = new();
    private readonly ConcurrentQueue<string> _messages = new();

    public List<Activity> Spans { get; } = [];

    /// <summary>Every statement that changed a database, by trace: what a refused request must never have done.</summary>
    public DatabaseWriteLog DatabaseWrites { get; } = new();

    /// <summary>Every log line of every service.</summary>
    public IEnumerable<string> Logs => _logs.Select(l => l.Line);

    /// <summary>The log lines of one service (its application name, such as <c>IcsComplaints.Identity.Api</c>).</summary>
    public IEnumerable<string> LogsOf(string service) => _logs.Where(l => l.Service == service).Select(l => l.Line);

    public IEnumerable<string> Messages => _messages;

    public IEnumerable<string> SpanTexts
    {
        get
        {
            lock (Spans)
            {
                return Spans.Select(a => string.Join(" | ",
                    new[] { a.DisplayName, a.OperationName, a.StatusDescription ?? "" }
                        .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                        .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Append(e.Name)))
                        .Concat(a.Baggage.Select(b => $"{b.Key}={b.Value}")))).ToList();
            }
        }
    }

    /// <summary>A logger provider for one service, so that its lines can be told from the others'.</summary>
    public ILoggerProvider For(string service) => new ServiceLogs(this, service);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        _messages.Enqueue(context.Body.GetString() + " " + string.Join(",", context.TransportHeaders.GetAll().Select(h => $"{h.Key}={h.Value}")));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        _messages.Enqueue(System.Text.Json.JsonSerializer.Serialize(context.Message, context.Message.GetType()));
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        _messages.Enqueue(context.Body.GetString());
        return Task.CompletedTask;
    }

    private sealed class ServiceLogs(Capture capture, string service) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(capture, service, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(Capture capture, string service, string category) : ILogger
    {
        // Scopes form an immutable chain per asynchronous flow, so concurrent requests never share a list.
        private static readonly AsyncLocal<ScopeNode?> Current = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var parent = Current.Value;
            Current.Value = new ScopeNode(state, parent);
            return new Pop(() => Current.Value = parent);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            for (var node = Current.Value; node is not null; node = node.Parent)
            {
                scopes.Add(ScopeText(node.State));
            }
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            capture._logs.Enqueue((service, $"{category} {formatter(state, exception)} {values} {string.Join(" ", scopes)} {exception}"));
        }

        private static string ScopeText(object? scope) => scope switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")),
            _ => scope?.ToString() ?? "",
        };

        private sealed record ScopeNode(object? State, ScopeNode? Parent);

        private sealed class Pop(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
