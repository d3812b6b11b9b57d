using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;

namespace IcsComplaints.Intake.Api.Features.ListComplaints;

/// <summary>
/// Audits lists and searches that show names: a read of each complaint shown, as when one is opened, and for a search
/// one more entry naming the fields searched by and how many were found, never the values searched for.
/// </summary>
public sealed class ComplaintListAudit(IAuditTrail audit)
{
    /// <summary>Kind of audit entry for a search; its resource id is <c>fields:count</c>, such as <c>name+dateOfBirth:3</c>.</summary>
    public const string SearchResource = "complaint-search";

    /// <summary>Records a read of each complaint listed; nothing when the list is empty, as no one's data was shown.</summary>
    public async Task RecordListAsync(IReadOnlyList<Complaint> shown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count == 0)
        {
            return;
        }
        foreach (var complaint in shown.Skip(1))
        {
            audit.Record(AuditAction.Read, AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode);
        }
        await audit.RecordReadAsync(AuditResources.Complaint, shown[0].Id.ToString(), shown[0].HandlingOrganisationCode, ct);
    }

    /// <summary>Records the search and a read of each complaint found, even when none was: asking is itself a use of personal data.</summary>
    public async Task RecordSearchAsync(IReadOnlyList<Complaint> found, string organisation, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(found);
        foreach (var complaint in found)
        {
            audit.Record(AuditAction.Read, AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode);
        }
        await audit.RecordReadAsync(SearchResource, $"{string.Join('+', fields)}:{found.Count}", organisation, ct);
    }
}
