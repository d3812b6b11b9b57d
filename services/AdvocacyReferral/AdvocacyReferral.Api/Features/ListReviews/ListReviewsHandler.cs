using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.AdvocacyReferral.Api.Features.ListReviews;

/// <summary>A review as shown to the advocate, the case's team and the complainant.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Version">The draft version (read it at <c>GET /api/v1/cases/{caseId}/drafts/{version}</c>).</param>
/// <param name="AdvocacyServiceCode">The service.</param>
/// <param name="SharedOn">When shared.</param>
/// <param name="WindowEndsOn">The last day to comment.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ClosedOn">When closed.</param>
/// <param name="Comments">The comments.</param>
/// <param name="Verdict">How the advocate completed it: Approved or ChangesAsked; <c>null</c> while open, and when waived or ended.</param>
public sealed record ReviewView(
    long Id, Guid CaseId, int Version, string AdvocacyServiceCode, DateOnly SharedOn, DateOnly WindowEndsOn, ReviewStatus Status, DateOnly? ClosedOn,
    IReadOnlyList<CommentView> Comments, ReviewVerdict? Verdict);

/// <summary>A comment as shown.</summary>
/// <param name="Section">Which part of the draft.</param>
/// <param name="Text">The comment.</param>
/// <param name="AuthorName">Who.</param>
/// <param name="At">When.</param>
public sealed record CommentView(string Section, string Text, string? AuthorName, DateTimeOffset At);

/// <summary>Lists reviews: the advocacy service's (while consent is in force), the case team's, the complainant's.</summary>
public sealed class ListReviewsHandler(ReviewQueries queries, IAuditTrail audit)
{
    private const int Limit = 200;

    /// <summary>Reviews the caller may see, newest first, optionally of one case.</summary>
    public async Task<IReadOnlyList<ReviewView>> HandleAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        var readership = AdvocacyAccess.ReadershipOf(caller, "Reviews are seen by the complaints team, the complainant and the advocacy service.");
        var rows = await queries.ListAsync(readership, caseId, Limit, ct);
        if (rows.Count > 0)
        {
            await audit.RecordReadAsync(AdvocacyResources.Review, caseId?.ToString() ?? $"list:{rows.Count}", caller.OrganisationCode, ct);
        }
        return [.. rows.Select(r => new ReviewView(
            r.Id, r.CaseId, r.Version, r.AdvocacyServiceCode, r.SharedOn, r.WindowEndsOn, r.Status, r.ClosedOn,
            [.. r.Comments.OrderBy(m => m.At).Select(m => new CommentView(m.Section, m.Text, m.AuthorName, m.At))], r.Verdict))];
    }
}
