extern alias correspondence;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IcsComplaints.Correspondence.Domain.Cases;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using CorrespondenceDbContext = correspondence::IcsComplaints.Correspondence.Api.Data.CorrespondenceDbContext;
using CorrespondenceProgram = correspondence::Program;
using MessageFacts = correspondence::IcsComplaints.Correspondence.Api.Features.QueueMessages.MessageFacts;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// A correspondence service killed while it is sending (ADR 35, 39): the attempt it began is on record, so after its
/// lease a fresh host sends the message, once; nothing is lost and nothing is sent twice. The first host's mail server
/// takes the connection and never answers, so the kill lands inside the SMTP conversation, before the message was
/// accepted. (Killed after the server accepted and before <c>Sent</c> was recorded, a second copy is unavoidable over
/// SMTP; ADR 39 says so and how it shows.)
/// </summary>
public sealed class CrashMidSendTests(CorrespondenceSystem system) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    private readonly List<IAsyncDisposable> _owned = [];

    [Fact]
    public async Task AServiceKilledMidSend_LosesNothing_AndAfterARestartTheMessageIsSentExactlyOnce()
    {
        var database = await Own(system.SpareDatabaseAsync());
        var silentServer = Own(new SilentMailServer());
        var reference = "T" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

        var first = Own(system.HostOver(database, silentServer.Port, Lease)).Start();
        var id = await QueueWarningAsync(first, reference);
        await Eventually.TrueAsync(
            async () => await StoredAsync(first, id) is { Status: MessageStatus.Sending, Attempts: 1 } && silentServer.Connections > 0,
            Patience, "the first host is in the middle of sending");

        // The kill: the host goes while its mail server has not answered; nothing after the claim is written.
        await first.DisposeAsync();
        var orphaned = await InDb(database, db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((MessageStatus.Sending, 1), (orphaned.Status, orphaned.Attempts));
        Assert.Empty(await MailAboutAsync(reference));

        // The restart, sending to the real mail server: it takes the message up once the first attempt's lease ends.
        var second = Own(system.HostOver(database, system.Mail.SmtpPort, Lease)).Start();
        await Eventually.TrueAsync(async () => (await MailAboutAsync(reference)).Count >= 1, Patience, "the message is sent after the restart");
        await Eventually.TrueAsync(async () => await StoredAsync(second, id) is { Status: MessageStatus.Sent }, Patience, "the send is recorded");

        // Well past another lease: no second dispatcher pass finds it owed.
        var settled = DateTimeOffset.UtcNow + Lease + Lease;
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > settled), Patience, "another lease has passed");
        var mail = Assert.Single(await MailAboutAsync(reference));
        Assert.Contains($"{id:N}@", await system.Mail.RawAsync(mail.Id), StringComparison.Ordinal);
        var stored = await StoredAsync(second, id);
        Assert.Equal((MessageStatus.Sent, 2, (string?)null), (stored.Status, stored.Attempts, stored.Reason));
    }

    private static async Task<Guid> QueueWarningAsync(ServiceHost<CorrespondenceProgram> host, string reference) =>
        await host.QueryAsync<CorrespondenceDbContext, Guid>(async db =>
        {
            var caseId = Guid.NewGuid();
            var complaintId = Guid.NewGuid();
            db.Cases.Add(KnownCase.Opened(caseId, complaintId, reference, "RJ1", new DateOnly(2026, 11, 2)));
            var message = SentMessage.Queue(
                Guid.NewGuid(), MessageTemplates.DeadlineApproaching, RecipientRole.ComplaintsTeam, caseId, complaintId, "RJ1",
                new Dictionary<string, string>
                {
                    [MessageFacts.Deadline] = "Response", [MessageFacts.DueOn] = "2026-12-18", [MessageFacts.WorkingDaysLeft] = "3",
                }, DateTimeOffset.UtcNow);
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    private static Task<SentMessage> StoredAsync(ServiceHost<CorrespondenceProgram> host, Guid id) =>
        host.QueryAsync<CorrespondenceDbContext, SentMessage>(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == id));

    // Read without any host: the one that wrote it is gone.
    private static async Task<T> InDb<T>(TestServiceDatabase database, Func<CorrespondenceDbContext, Task<T>> query)
    {
        await using var db = new CorrespondenceDbContext(
            IcsComplaints.ServiceDefaults.DatabaseExtensions.OptionsFor<CorrespondenceDbContext>(database.ConnectionString, CorrespondenceDbContext.Schema));
        return await query(db);
    }

    private async Task<List<CaughtMail>> MailAboutAsync(string reference) =>
        [.. (await system.Mail.MessagesAsync()).Where(m => m.Subject.Contains(reference, StringComparison.Ordinal))];

    private T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    private async Task<T> Own<T>(Task<T> resource)
        where T : IAsyncDisposable => Own(await resource);

    public async ValueTask DisposeAsync()
    {
        // Hosts first, then the server and the database they used.
        foreach (var resource in Enumerable.Reverse(_owned))
        {
            await resource.DisposeAsync();
        }
    }

    /// <summary>A mail server that takes connections and never says a word, so a send to it hangs until it is abandoned.</summary>
    private sealed class SilentMailServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _held = [];
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public SilentMailServer()
        {
            _listener.Start();
            _ = HoldAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        private async Task HoldAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(client);
                    }
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(c => c.Dispose());
            }
            _stop.Dispose();
        }
    }
}
