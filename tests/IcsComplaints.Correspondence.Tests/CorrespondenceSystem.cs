extern alias correspondence;
extern alias identity;
using IcsComplaints.TestKit;
using CorrespondenceDbContext = correspondence::IcsComplaints.Correspondence.Api.Data.CorrespondenceDbContext;
using CorrespondenceProgram = correspondence::Program;
using IdentityProgram = identity::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Correspondence.Tests.CorrespondenceSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The correspondence service on its own database and broker user, sending to a real SMTP mail catcher, with tokens
/// from the identity service. Tests hand it the case events it consumes on its own queues.
/// </summary>
public sealed class CorrespondenceSystem : IAsyncLifetime
{
    /// <summary>An organisation that has set no complaints team mailbox.</summary>
    public const string WithoutMailbox = "RJZ";

    private readonly TestPlatform _platform = new("correspondence");

    public ServiceHost<CorrespondenceProgram> Service { get; private set; } = null!;

    public MailCatcher Mail { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        Mail = await MailCatcher.StartAsync();
        await _platform.StartIdentityAsync<IdentityProgram>();
        Service = (await _platform.CreateServiceAsync<CorrespondenceProgram, CorrespondenceDbContext>(
            "correspondence", "correspondence", CorrespondenceDbContext.Schema, new Dictionary<string, string?>
            {
                ["Correspondence:Smtp:Host"] = "127.0.0.1",
                ["Correspondence:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Correspondence:PollInterval"] = "00:00:00.100",
                ["Correspondence:FirstRetryWait"] = "00:00:00.200",
                [$"Correspondence:TeamMailboxes:{WithoutMailbox}"] = "",
            })).Start();
        await TestPlatform.ConnectedToBrokerAsync(Service);
    }

    /// <summary>An access token for a demo user (password grant).</summary>
    public Task<string> TokenAsync(string userName) => _platform.TokenAsync(userName);

    /// <summary>A client for the service's REST port, with a bearer token when given.</summary>
    public HttpClient Http(string? token = null) => Service.Http(token);

    /// <summary>Runs a query against the correspondence database.</summary>
    public Task<T> InDb<T>(Func<CorrespondenceDbContext, Task<T>> query) => Service.QueryAsync(query);

    public async ValueTask DisposeAsync()
    {
        await _platform.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
