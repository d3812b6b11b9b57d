using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>A sent final response that may be drawn into a sample.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="SentOn">The day the letter was sent.</param>
public sealed record SentResponse(Guid CaseId, string Reference, DateOnly SentOn);

/// <summary>Loads and saves quality reviews of final responses over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class ResponseReviewStore(LearningDbContext db)
{
    /// <summary>The real letters the organisation sent in the period that no sample has drawn yet.</summary>
    public Task<List<SentResponse>> CandidatesAsync(string organisationCode, DateOnly from, DateOnly to, CancellationToken ct) => db.Cases.AsNoTracking()
        .Where(c => c.OrganisationCode == organisationCode && c.FinalResponseSentOn >= from && c.FinalResponseSentOn <= to && !c.Synthetic)
        .Where(c => !db.ResponseReviews.Any(r => r.CaseId == c.CaseId))
        .Select(c => new SentResponse(c.CaseId, c.Reference, c.FinalResponseSentOn!.Value))
        .ToListAsync(ct);

    /// <summary>A review of the organisation's, with its ratings, to change; <c>null</c> when it has none by that identifier.</summary>
    public Task<ResponseReview?> FindAsync(string organisationCode, Guid id, CancellationToken ct) =>
        db.ResponseReviews.Include(r => r.Ratings).FirstOrDefaultAsync(r => r.Id == id && r.OrganisationCode == organisationCode, ct);

    /// <summary>Adds reviews, saved with the rest.</summary>
    public void Add(IEnumerable<ResponseReview> reviews) => db.ResponseReviews.AddRange(reviews);

    /// <summary>Saves every change, with the audit records written alongside.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two samples drawn at once chose the same letter; the second is refused whole rather than half taken.
            throw new RequestStateException("Another sample was being drawn at the same moment. Draw again.");
        }
    }
}

/// <summary>Quality reviews of final responses, read only.</summary>
public sealed class ResponseReviewQueries(LearningDbContext db)
{
    /// <summary>The reviews of the organisations' letters sent in the period, with their ratings, the latest sent first.</summary>
    public Task<List<ResponseReview>> OfAsync(IReadOnlyCollection<string> organisationCodes, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.ResponseReviews.AsNoTracking().Include(r => r.Ratings)
            .Where(r => organisationCodes.Contains(r.OrganisationCode) && r.SentOn >= from && r.SentOn <= to)
            .OrderByDescending(r => r.SentOn).ThenBy(r => r.Reference).ToListAsync(ct);

    /// <summary>One review of the organisation's, with its ratings; <c>null</c> when it has none by that identifier.</summary>
    public Task<ResponseReview?> ReadAsync(string organisationCode, Guid id, CancellationToken ct) =>
        db.ResponseReviews.AsNoTracking().Include(r => r.Ratings).FirstOrDefaultAsync(r => r.Id == id && r.OrganisationCode == organisationCode, ct);
}
