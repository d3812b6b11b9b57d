using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Loads and saves reviews of drafts with their comments.</summary>
public sealed class ReviewStore(AdvocacyDbContext db)
{
    /// <summary>The review with its comments, or <c>null</c>.</summary>
    public Task<ReviewTask?> FindAsync(long reviewId, CancellationToken ct) => db.Reviews.Include(r => r.Comments).FirstOrDefaultAsync(r => r.Id == reviewId, ct);

    /// <summary>The service's reviews of the case, every version.</summary>
    public Task<List<ReviewTask>> OfServiceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.Reviews.Where(r => r.CaseId == caseId && r.AdvocacyServiceCode == advocacyServiceCode).ToListAsync(ct);

    /// <summary>The service's open reviews of the case.</summary>
    public Task<List<ReviewTask>> OpenOfServiceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.Reviews.Where(r => r.CaseId == caseId && r.AdvocacyServiceCode == advocacyServiceCode && r.Status == ReviewStatus.Open).ToListAsync(ct);

    /// <summary>
    /// Holds the case's reviews for the rest of the transaction: two announcements of the same draft handled at the
    /// same moment then run one after the other, and the second finds the first's review rather than failing on the
    /// unique index and waiting for redelivery.
    /// </summary>
    public Task LockCaseAsync(Guid caseId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({caseId.ToString()}, 0))", ct);

    /// <summary>Keeps a new review.</summary>
    public void Add(ReviewTask review) => db.Reviews.Add(review);

    /// <summary>Saves the changes, with the audit records and outbox messages of the same unit of work.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
