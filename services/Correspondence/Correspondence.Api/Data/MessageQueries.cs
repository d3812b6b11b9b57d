using IcsComplaints.Correspondence.Domain.Cases;
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
    /// <summary>
    /// Every message about a case and, before it, about the complaint it handles that its own organisation sent (the
    /// written record of an oral complaint, for instance), oldest first: the case's whole correspondence as its staff
    /// know it, and nothing another organisation sent, such as an ICB's letters before it transferred the complaint (ADR 37).
    /// </summary>
    public Task<List<SentMessage>> ForCaseWithItsComplaintAsync(KnownCase known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(known);
        return db.Messages.AsNoTracking()
            .Where(m => m.CaseId == known.CaseId
                || (m.CaseId == null && m.ComplaintId == known.ComplaintId && m.OrganisationCode == known.OrganisationCode))
            .OrderBy(m => m.QueuedAt).ThenBy(m => m.Id)
            .ToListAsync(ct);
    }
}
