using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetProgress;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ListMyComplaints;

/// <summary>One of a signed-in complainant's complaints, with its progress in the words of the progress page.</summary>
/// <param name="Id">Identifier, to read the complaint in full.</param>
/// <param name="Reference">Reference to quote.</param>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="OrganisationName">Its name.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="Status">Progress.</param>
/// <param name="Progress">The progress in plain words.</param>
/// <param name="AcknowledgedOn">When acknowledged.</param>
/// <param name="ResponseDueBy">The response date agreed.</param>
/// <param name="ResponseSentOn">When the final response was sent.</param>
/// <param name="ClosedOn">When closed.</param>
/// <param name="Ombudsman">Once the response is sent: how to go to the Ombudsman.</param>
public sealed record MyComplaint(
    Guid Id, string Reference, string OrganisationCode, string OrganisationName, DateOnly ReceivedOn, ComplaintStatus Status, string Progress,
    DateOnly? AcknowledgedOn, DateOnly? ResponseDueBy, DateOnly? ResponseSentOn, DateOnly? ClosedOn, OmbudsmanSignpost? Ombudsman);

/// <summary>
/// The complaints a signed-in complainant submitted, newest first, so they need not keep references. Only a caller
/// with the complainant role may ask; each complaint listed is audited as a read, as reading it by id is.
/// </summary>
public sealed class ListMyComplaintsHandler(ComplaintQueries queries, OrganisationDirectory directory, IAuditTrail audit)
{
    /// <summary>Most complaints one list returns.</summary>
    public const int PageSize = 200;

    /// <summary>The caller's complaints.</summary>
    public async Task<IReadOnlyList<MyComplaint>> ListAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAuthenticated || !caller.Has(Roles.Complainant))
        {
            throw new RequestForbiddenException("Only a signed-in complainant lists their own complaints.");
        }
        var complaints = await queries.SubmittedByAsync(caller.SubjectId, PageSize, ct);
        if (complaints.Count == 0)
        {
            return [];
        }
        var snapshot = await directory.GetAsync(ct);
        // One entry per complaint, as a read by id makes; the last entry's save commits them all in one round trip.
        foreach (var complaint in complaints.SkipLast(1))
        {
            audit.Record(AuditAction.Read, AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode);
        }
        var last = complaints[^1];
        await audit.RecordReadAsync(AuditResources.Complaint, last.Id.ToString(), last.HandlingOrganisationCode, ct);
        return [.. complaints.Select(c =>
        {
            var progress = GetProgressHandler.ProgressOf(c);
            return new MyComplaint(
                c.Id, c.Reference, c.OrganisationCode, snapshot.Find(c.OrganisationCode)?.Name ?? c.OrganisationCode, c.ReceivedOn, progress.Status,
                progress.Progress, progress.AcknowledgedOn, progress.ResponseDueBy, progress.ResponseSentOn, progress.ClosedOn, progress.Ombudsman);
        })];
    }
}
