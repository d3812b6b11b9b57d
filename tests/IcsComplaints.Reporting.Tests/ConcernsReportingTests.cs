extern alias reporting;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MeasureQueries = reporting::IcsComplaints.Reporting.Api.Data.MeasureQueries;
using ReadModels = reporting::IcsComplaints.Reporting.Api.Features.Rebuild.ReadModels;
using ReportingPeriods = IcsComplaints.Reporting.Domain.Rules.ReportingPeriods;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// A concern that became a complaint is counted once, as the complaint: never also among the organisation's everyday
/// concerns, whichever of intake's two reports of it arrives first, and the same after a rebuild. RJZ's March 2019 is
/// used by no other test.
/// </summary>
public sealed class ConcernsReportingTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DateOnly March = new(2019, 3, 1);

    [Fact]
    public async Task AConcernThatBecameAComplaint_IsNoLongerCountedAsAConcern_EvenWhenItsBecomingIsReportedFirst()
    {
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        var started = DateTimeOffset.UtcNow;
        var stillAConcern = Guid.NewGuid();
        var becameOne = Guid.NewGuid();
        var becameOneReportedFirst = Guid.NewGuid();
        await Send(bus, Recorded(stillAConcern, March.AddDays(3), resolvedOn: null));
        await Send(bus, Recorded(becameOne, March.AddDays(4), resolvedOn: null));
        await Send(bus, Became(becameOne, March.AddDays(4)));
        await Send(bus, Became(becameOneReportedFirst, March.AddDays(5)));
        await Send(bus, Recorded(becameOneReportedFirst, March.AddDays(5), resolvedOn: null));

        var ids = new[] { stillAConcern, becameOne, becameOneReportedFirst };
        // The tests of this project run one at a time: every report of a concern logged since the start is this test's.
        string[] types = [typeof(InformalConcernRecorded).FullName!, typeof(ConcernBecameComplaint).FullName!];
        await Eventually.TrueAsync(async () => await system.InReportingDb(db => db.EventLog.CountAsync(e => types.Contains(e.Type) && e.ConsumedAt >= started)) == 5,
            Patience, "reporting has consumed the five reports");

        var facts = await system.InReportingDb(db => db.Concerns.Where(c => c.ConcernId != null && ids.Contains(c.ConcernId.Value)).ToListAsync());
        Assert.Equal([(stillAConcern, false), (becameOne, true), (becameOneReportedFirst, true)],
            facts.OrderBy(f => f.ReceivedOn).Select(f => (f.ConcernId!.Value, f.BecameComplaint)));

        await using var scope = system.Reporting.Services.CreateAsyncScope();
        var inputs = await scope.ServiceProvider.GetRequiredService<MeasureQueries>()
            .InputsAsync(["RJZ"], ReportingPeriods.Month(March), together: null, CancellationToken.None);
        Assert.Single(inputs.Concerns);

        // A rebuild replays both reports of a concern in one unit of work, and makes the same facts.
        await system.InReportingDb(db => ReadModels.RebuildAsync(db, CancellationToken.None, batch: 10_000));
        var rebuilt = await system.InReportingDb(db => db.Concerns.Where(c => c.ConcernId != null && ids.Contains(c.ConcernId.Value)).ToListAsync());
        Assert.Equal(facts.OrderBy(f => f.ReceivedOn).Select(f => (f.ConcernId, f.BecameComplaint, f.ReceivedOn)),
            rebuilt.OrderBy(f => f.ReceivedOn).Select(f => (f.ConcernId, f.BecameComplaint, f.ReceivedOn)));
    }

    private static InformalConcernRecorded Recorded(Guid id, DateOnly receivedOn, DateOnly? resolvedOn) => new()
    {
        ConcernId = id, OrganisationCode = "RJZ", Kind = InformalConcernKind.EverydayConversation, Channel = ComplaintChannel.Phone,
        ReceivedOn = receivedOn, ResolvedOn = resolvedOn,
    };

    private static ConcernBecameComplaint Became(Guid id, DateOnly receivedOn) => new()
    {
        ConcernId = id, ComplaintId = Guid.NewGuid(), OrganisationCode = "RJZ", ReceivedOn = receivedOn, Channel = ComplaintChannel.Phone,
    };

    private static Task Send<T>(IBus bus, T message)
        where T : class => OwnQueues.SendAsync(bus, "reporting", message);
}
