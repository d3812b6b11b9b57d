using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace IcsComplaints.TestKit;

/// <summary>An e-mail as the mail catcher received it.</summary>
/// <param name="Id">The catcher's id of it.</param>
/// <param name="To">Recipients.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="AttachmentCount">Attachments.</param>
public sealed record CaughtMail(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("attachmentCount")] int AttachmentCount);

/// <summary>
/// A real SMTP server for a test assembly: smtp4dev (the dotnet tool <c>./ics</c> installs, at
/// <c>ICS_TEST_SMTP4DEV</c> or in the checkout's <c>.ics/tools</c>) on loopback ports of its own, mail in memory, read
/// back through its REST API. Started and stopped by the fixture that owns it.
/// </summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _api;
    private readonly string _data;

    private MailCatcher(Process process, HttpClient api, string data, int smtpPort)
    {
        _process = process;
        _api = api;
        _data = data;
        SmtpPort = smtpPort;
    }

    /// <summary>The SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; }

    /// <summary>Starts one and waits until its API answers.</summary>
    public static async Task<MailCatcher> StartAsync()
    {
        var tool = Environment.GetEnvironmentVariable("ICS_TEST_SMTP4DEV") is { Length: > 0 } given && File.Exists(given)
            ? given
            : Repository.PathOf(".ics", "tools", "smtp4dev", "smtp4dev");
        if (!File.Exists(tool))
        {
            throw new InvalidOperationException($"smtp4dev is not installed at {tool}: run the tests with ./ics test, which installs it.");
        }
        var (web, smtp) = (FreePort.Next(), FreePort.Next());
        var data = Directory.CreateTempSubdirectory("ics-smtp4dev-").FullName;
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}", "--imapport=", "--pop3port=", "--db=", "--tlsmode=None",
            "--nousersettings", $"--baseappdatapath={data}", "--allowremoteconnections-",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start.");
        // Its output is drained so that a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var catcher = new MailCatcher(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}") }, data, smtp);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await catcher._api.GetAsync(new Uri("/api/messages", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "smtp4dev answers");
        return catcher;
    }

    /// <summary>Every e-mail caught so far, newest first.</summary>
    public async Task<IReadOnlyList<CaughtMail>> MessagesAsync()
    {
        var page = await _api.GetFromJsonAsync<MessagePage>(new Uri("/api/messages?pageSize=500", UriKind.Relative));
        return page?.Results ?? [];
    }

    /// <summary>The plain-text body of one.</summary>
    public Task<string> PlainTextAsync(Guid id) => _api.GetStringAsync(new Uri($"/api/messages/{id}/plaintext", UriKind.Relative));

    /// <summary>The whole message as sent (headers and MIME parts).</summary>
    public Task<string> RawAsync(Guid id) => _api.GetStringAsync(new Uri($"/api/messages/{id}/raw", UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _api.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] IReadOnlyList<CaughtMail> Results);
}
