extern alias reporting;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportingDbContext = reporting::IcsComplaints.Reporting.Api.Data.ReportingDbContext;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// What reporting's consumers ask its database for every event costs the same with ten complaints or ten million: each
/// statement they really send while a complaint's events are logged and projected (submitted, opened, acknowledged,
/// answered, coded, a deadline missed, closed) is planned with its own values, and no table that grows with
/// complaints is read in full. The reports themselves read whole periods by design and are not planned here.
/// </summary>
public sealed class ReportingQueryPlanTests(ReportingSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LoggingAndProjectingAComplaintsEvents_NeverReadsAGrowingTableInFull()
    {
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        using var sent = SentSql.Record();

        // An organisation and a year no other test reports on.
        var received = new DateOnly(2018, 3, 5);
        var (caseId, complaintId) = await ReportingTests.CaseAsync(bus, "Z9PLAN", received, ComplaintChannel.Letter, ackInTime: false,
            response: (false, 25, true, "PartiallyUpheld"), coding: (["Communications"], null));
        await OwnQueues.SendAsync(bus, "reporting", new CaseDeadlineMissed
        {
            CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "Z9PLAN", Deadline = "Acknowledgement", DueOn = received.AddDays(3), DetectedOn = received.AddDays(4),
        });
        await OwnQueues.SendAsync(bus, "reporting", new CaseClosed { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = "Z9PLAN", ClosedOn = received.AddDays(40), Closure = "Resolved" });
        await Eventually.TrueAsync(
            async () => await system.InReportingDb(async db =>
                await db.Cases.AnyAsync(c => c.CaseId == caseId && c.ResponseSentOn != null && c.AgeBand != null && c.Closure != null)
                && await db.MissedDeadlines.AnyAsync(m => m.CaseId == caseId)),
            Patience, "reporting has projected every event of the case");

        var statements = sent.Of<ReportingDbContext>();
        Assert.Contains(statements, s => s.Sql.Contains("case_facts", StringComparison.Ordinal) && s.FindsRows);
        await QueryPlans.AssertNoneReadInFullAsync(statements);
    }
}
