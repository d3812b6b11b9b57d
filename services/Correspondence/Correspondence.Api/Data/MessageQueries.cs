using IcsComplaints.Correspondence.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>Read-only questions about what was sent.</summary>
public sealed class MessageQueries(CorrespondenceDbContext db)
{
    /// <summary>Every message about a case, oldest first.</summary>
    public Task<List<SentMessage>> ForCaseAsync(Guid caseId, CancellationToken ct) => db.Messages.AsNoTracking()
        .Where(m => m.CaseId == caseId)
        .OrderBy(m => m.QueuedAt).ThenBy(m => m.Id)
        .ToListAsync(ct);

    /// <summary>What was sent to the complainant of the complaint, oldest first.</summary>
    public Task<List<SentMessage>> SentToComplainantAsync(Guid complaintId, CancellationToken ct) => db.Messages.AsNoTracking()
        .Where(m => m.ComplaintId == complaintId && m.RecipientRole == RecipientRole.Complainant && m.Status == MessageStatus.Sent)
        .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
        .ToListAsync(ct);
}
