using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// A complaint made through the gateway reaches reporting's read models by the events of intake and case alone; the
/// reporting service's own tests (IcsComplaints.Reporting.Tests) hand it those events directly.
/// </summary>
public sealed class ComplaintToReportingTests(IcsSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AComplaintMadeThroughTheGateway_ReachesTheReadModels_OnlyThroughEvents()
    {
        using var handler = system.GatewayHttp(await system.TokenAsync("handler.rj1"));
        using var submitted = await handler.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new
        {
            organisationCode = "RJ1", channel = "Phone", complainant = new { name = "Reporting Person" }, description = "Reporting flow complaint.",
        });
        var complaintId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            caseId = await system.InReportingDb(db => db.Cases.Where(c => c.ComplaintId == complaintId && c.ReceivedOn != null).Select(c => c.CaseId).FirstOrDefaultAsync());
            return caseId != default;
        }, Patience, "the case reaches reporting");
        using (var ack = await handler.PostAsJsonAsync(new Uri($"/api/v1/cases/{caseId}/acknowledgement", UriKind.Relative), new { channel = "Letter", discussionOffered = true }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }
        // ComplaintSubmitted comes on its own queue and may arrive after the case's events.
        await Eventually.TrueAsync(
            async () => await system.InReportingDb(async db => await db.Cases.AnyAsync(c => c.CaseId == caseId && c.AcknowledgedInTime == true)
                && await db.Complaints.AnyAsync(c => c.ComplaintId == complaintId)),
            Patience, "the acknowledgement and the complaint reach reporting");
        var logged = (await system.InReportingDb(db => db.EventLog.AsNoTracking().Select(e => new { e.Type, e.Body }).ToListAsync()))
            .Where(e => e.Body.Contains(caseId.ToString(), StringComparison.Ordinal) || e.Body.Contains(complaintId.ToString(), StringComparison.Ordinal)).Select(e => e.Type).ToList();
        Assert.Contains(typeof(CaseOpened).FullName, logged);
        Assert.Contains(typeof(CaseAcknowledged).FullName, logged);
        Assert.Contains(typeof(ComplaintSubmitted).FullName, logged);
        Assert.Equal("Phone", await system.InReportingDb(db => db.Complaints.Where(c => c.ComplaintId == complaintId).Select(c => c.Channel).SingleAsync()));
    }
}
