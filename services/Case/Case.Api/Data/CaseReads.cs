using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Data;

/// <summary>Reads cases for views, untracked: nothing read here is changed and saved.</summary>
public sealed class CaseReads(CaseDbContext db)
{
    /// <summary>Most cases a work queue loads before it is filtered by deadline and cut to a page.</summary>
    public const int MaxLoaded = 2_000;

    /// <summary>The case with all its records; <c>null</c> when there is none.</summary>
    public Task<ComplaintCase?> FindAsync(Guid caseId, CancellationToken ct) => db.Cases.AsNoTracking()
        .Include(x => x.Agreements).Include(x => x.Pauses).Include(x => x.Contacts).Include(x => x.Staff).Include(x => x.Contributions).Include(x => x.Surveys)
        .Include(x => x.Reviews)
        .AsSplitQuery()
        .FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>The case without its records, for deciding who may reach what hangs from it; <c>null</c> when there is none.</summary>
    public Task<ComplaintCase?> FindHeaderAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>The case of a complaint opened last (after a transfer, the one at the organisation now handling it), without its records.</summary>
    public Task<ComplaintCase?> FindLatestForComplaintAsync(Guid complaintId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(x => x.ComplaintId == complaintId).OrderByDescending(x => x.OpenedAt).FirstOrDefaultAsync(ct);

    /// <summary>The case with what an advocate sees of it: its clock and reviews.</summary>
    public Task<ComplaintCase?> FindForAdvocateAsync(Guid caseId, CancellationToken ct) => db.Cases.AsNoTracking()
        .Include(x => x.Agreements).Include(x => x.Pauses).Include(x => x.Reviews).AsSplitQuery()
        .FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>The case with its reviews only.</summary>
    public Task<ComplaintCase?> FindWithReviewsAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Include(x => x.Reviews).FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>A draft as it was shared for review.</summary>
    public Task<DraftSnapshot?> SnapshotAsync(Guid caseId, int version, CancellationToken ct) =>
        db.DraftSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.CaseId == caseId && s.Version == version, ct);

    /// <summary>
    /// A work queue: the cases of <paramref name="organisationCode"/>, or else those of the complainant
    /// <paramref name="complainantSubjectId"/>, or else none; latest received first, with their clocks.
    /// </summary>
    public async Task<List<ComplaintCase>> ListAsync(
        string? organisationCode, string? complainantSubjectId, string? reference, CaseStage? stage, bool includeClosed, CancellationToken ct)
    {
        IQueryable<ComplaintCase> cases = organisationCode is not null ? db.Cases.Where(c => c.OrganisationCode == organisationCode)
            : complainantSubjectId is not null ? db.Cases.Where(c => c.ComplainantSubjectId == complainantSubjectId)
            : db.Cases.Where(_ => false);
        if (reference is not null)
        {
            cases = cases.Where(c => c.Reference == reference);
        }
        if (stage is { } only)
        {
            cases = cases.Where(c => c.Stage == only);
        }
        else if (!includeClosed)
        {
            cases = cases.Where(c => c.Stage != CaseStage.Closed);
        }
        return await cases.Include(c => c.Agreements).Include(c => c.Pauses).Include(c => c.Contacts).AsSplitQuery().AsNoTracking()
            .OrderByDescending(c => c.ReceivedOn).Take(MaxLoaded).ToListAsync(ct);
    }
}
