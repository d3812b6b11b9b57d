extern alias cases;
extern alias correspondence;
extern alias identity;
extern alias intake;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using CaseDbContext = cases::IcsComplaints.Case.Api.Data.CaseDbContext;
using CaseProgram = cases::Program;
using CorrespondenceDbContext = correspondence::IcsComplaints.Correspondence.Api.Data.CorrespondenceDbContext;
using CorrespondenceProgram = correspondence::Program;
using IdentityProgram = identity::Program;
using IntakeDbContext = intake::IcsComplaints.Intake.Api.Data.IntakeDbContext;
using IntakeProgram = intake::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Correspondence.Tests.CorrespondenceSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The correspondence service on its own database and broker user, sending to a real SMTP mail catcher, with tokens
/// from the identity service; intake holding the complaints whose complainants it writes to and case the final
/// responses and survey links (both read under the service's own client, ADR 36), with advocacy-referral beside them
/// as case needs it. Tests hand it case events on its own queues, or take a real case through its steps.
/// </summary>
public sealed class CorrespondenceSystem : IAsyncLifetime
{
    /// <summary>An organisation that has set no complaints team mailbox.</summary>
    public const string WithoutMailbox = "RJZ";

    private readonly TestPlatform _platform = new("correspondence");

    public ServiceHost<CorrespondenceProgram> Service { get; private set; } = null!;

    public MailCatcher Mail { get; private set; } = null!;

    /// <summary>Everything the hosts logged, traced and published.</summary>
    public Capture Capture => _platform.Capture;

    /// <summary>Intake, case and advocacy-referral, on this platform.</summary>
    public ComplaintHandlingSystem Handling { get; private set; } = null!;

    public ServiceHost<IntakeProgram> Intake => Handling.Intake;

    public ServiceHost<CaseProgram> Case => Handling.Case;

    /// <summary>The mailbox letters for the post go to, as PDFs to print.</summary>
    public const string PrintMailbox = "print-room@ics-complaints.example";

    /// <summary>An advocacy service whose mailbox does not follow the pattern.</summary>
    public const string AdvocacyServiceWithOwnMailbox = "ADV09";

    /// <summary>Its mailbox.</summary>
    public const string AdvocacyServiceMailbox = "referrals@advocacy-nine.example";

    /// <summary>The bearer token GOV.UK Notify is set to send with its delivery receipts (ADR 39).</summary>
    public const string NotifyCallbackToken = "receipts-token-0f3c6a2e9b1d4c7a8e5f2b6d";

    /// <summary>The portal's address that survey links and notices point at.</summary>
    public const string PortalAddress = "https://complaints.example/";

    public async ValueTask InitializeAsync()
    {
        await _platform.InitializeAsync();
        Mail = await MailCatcher.StartAsync();
        await _platform.StartIdentityAsync<IdentityProgram>();
        Handling = new ComplaintHandlingSystem(_platform, intakeServices: null, intakeBrokerLink: null);
        await Handling.StartAsync();
        Service = (await _platform.CreateServiceAsync<CorrespondenceProgram, CorrespondenceDbContext>(
            "correspondence", "correspondence", CorrespondenceDbContext.Schema, new Dictionary<string, string?>
            {
                ["Correspondence:Smtp:Host"] = "127.0.0.1",
                ["Correspondence:Smtp:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Correspondence:PollInterval"] = "00:00:00.100",
                ["Correspondence:FirstRetryWait"] = "00:00:00.200",
                [$"Correspondence:TeamMailboxes:{WithoutMailbox}"] = "",
                ["Correspondence:PrintMailbox"] = PrintMailbox,
                [$"Correspondence:AdvocacyMailboxes:{AdvocacyServiceWithOwnMailbox}"] = AdvocacyServiceMailbox,
                ["Correspondence:PortalAddress"] = PortalAddress,
                ["Correspondence:Notify:CallbackToken"] = NotifyCallbackToken,
                // Reminders on a review's last day go at midnight, so one for a window that closes today is due at once.
                ["Correspondence:ReviewReminderTime"] = "00:00:00",
                ["Correspondence:ServiceIdentity:ClientSecret"] = _platform.Identity.CorrespondenceClientSecret,
                ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
                ["Services:Case:Grpc"] = Case.GrpcAddress.ToString(),
            })).Start();
        await TestPlatform.ConnectedToBrokerAsync(Service);
    }

    /// <summary>
    /// A database of the correspondence service's own, apart from the one <see cref="Service"/> sends from, migrated:
    /// for tests that run hosts of their own over it, dropped when the test disposes it.
    /// </summary>
    public async Task<TestServiceDatabase> SpareDatabaseAsync()
    {
        var database = await _platform.Infrastructure.CreateServiceDatabaseAsync("correspondence");
        await IcsComplaints.ServiceDefaults.DatabaseExtensions.MigrateAsync<CorrespondenceDbContext>(
            database.OwnerConnectionString, CorrespondenceDbContext.Schema, database.ConnectionString);
        return database;
    }

    /// <summary>
    /// A correspondence service over <paramref name="database"/>, sending by SMTP to <paramref name="smtpPort"/> and
    /// counting an attempt lost after <paramref name="lease"/>; not started. It has no broker (its address answers
    /// nothing), so it takes no event meant for <see cref="Service"/> and only sends what is already queued.
    /// </summary>
    public ServiceHost<CorrespondenceProgram> HostOver(TestServiceDatabase database, int smtpPort, TimeSpan lease) =>
        _platform.CreateHost<CorrespondenceProgram>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:correspondencedb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = $"amqp://nobody:nothing@127.0.0.1:{FreePort.Next()}/",
            ["Correspondence:Smtp:Host"] = "127.0.0.1",
            ["Correspondence:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Correspondence:PollInterval"] = "00:00:00.100",
            ["Correspondence:AttemptLease"] = lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Correspondence:ServiceIdentity:ClientSecret"] = _platform.Identity.CorrespondenceClientSecret,
            ["Services:Intake:Grpc"] = Intake.GrpcAddress.ToString(),
            ["Services:Case:Grpc"] = Case.GrpcAddress.ToString(),
        });

    /// <summary>An access token for a demo user (password grant).</summary>
    public Task<string> TokenAsync(string userName) => _platform.TokenAsync(userName);

    /// <summary>An access token of the correspondence service's own client, as the service itself gets it.</summary>
    public Task<string> CorrespondenceTokenAsync() => _platform.Identity.CorrespondenceTokenAsync();

    /// <summary>A client that sends each request to the service of its path (intake, case, advocacy-referral).</summary>
    public HttpClient HandlingHttp(string? token = null) => Handling.Http(token);

    /// <summary>Runs a query against the case database.</summary>
    public Task<T> InCaseDb<T>(Func<CaseDbContext, Task<T>> query) => Case.QueryAsync(query);

    /// <summary>Runs a query against intake's database.</summary>
    public Task<T> InIntakeDb<T>(Func<IntakeDbContext, Task<T>> query) => Intake.QueryAsync(query);

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
