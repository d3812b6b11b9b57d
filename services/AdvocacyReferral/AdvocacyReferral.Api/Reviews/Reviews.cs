using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Referrals;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Reviews;

/// <summary>Where an advocate's review of a draft stands.</summary>
public enum ReviewStatus
{
    /// <summary>Shared; the advocate may read and comment.</summary>
    Open = 1,

    /// <summary>The advocate finished.</summary>
    Completed = 2,

    /// <summary>The advocate or the complainant waived it.</summary>
    Waived = 3,

    /// <summary>Ended without the advocate: a newer draft replaced it, the window passed, or consent ended.</summary>
    Ended = 4,
}

/// <summary>A draft of a final response shared with an advocacy service for review before it is final.</summary>
public sealed class ReviewTask
{
    private readonly List<ReviewComment> _comments = [];

    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The draft version.</summary>
    public int Version { get; init; }

    /// <summary>The advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>When shared.</summary>
    public DateOnly SharedOn { get; init; }

    /// <summary>The last day of the review window.</summary>
    public DateOnly WindowEndsOn { get; init; }

    /// <summary>Where it stands.</summary>
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Who closed it.</summary>
    public string? ClosedBy { get; set; }

    /// <summary>The advocate's comments.</summary>
    public IReadOnlyList<ReviewComment> Comments => _comments;

    /// <summary>Adds a comment.</summary>
    public ReviewComment Comment(string section, string text, string author, string? authorName, DateTimeOffset at)
    {
        var comment = new ReviewComment { ReviewId = Id, Section = section, Text = text, AuthorSubjectId = author, AuthorName = authorName, At = at };
        _comments.Add(comment);
        return comment;
    }
}

/// <summary>An advocate's comment on a draft: free text, kept in this service and shown only to the case's team, the advocacy service and the complainant.</summary>
public sealed class ReviewComment
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The review.</summary>
    public long ReviewId { get; init; }

    /// <summary>Which part of the draft (complaintSummary, findings[1], apology, … or general).</summary>
    public required string Section { get; init; }

    /// <summary>The comment.</summary>
    public required string Text { get; init; }

    /// <summary>Who wrote it.</summary>
    public required string AuthorSubjectId { get; init; }

    /// <summary>Their name.</summary>
    public string? AuthorName { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// Opens a review for each advocacy service with consent in force to review drafts. A redelivered or repeated
/// <see cref="DraftShared"/> opens nothing new (one review per case, version and service), and a newer version
/// ends the open review of an older one.
/// </summary>
public sealed class DraftSharedConsumer(InboxServices<AdvocacyDbContext> inbox) : IdempotentConsumer<DraftShared, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<DraftShared> context)
    {
        var shared = context.Message;
        // Two announcements of the same draft may be handled at the same moment: the second waits for the first's
        // review, and finds it, rather than failing on the unique index and waiting for redelivery.
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({shared.CaseId.ToString()}, 0))", context.CancellationToken);
        foreach (var service in shared.AdvocacyServiceCodes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var consented = await Db.Grants.AnyAsync(g => g.CaseId == shared.CaseId && g.AdvocacyServiceCode == service && g.ReviewDrafts && g.EndedOn == null, context.CancellationToken);
            var reviews = await Db.Reviews.Where(r => r.CaseId == shared.CaseId && r.AdvocacyServiceCode == service).ToListAsync(context.CancellationToken);
            if (!consented || reviews.Any(r => r.Version == shared.Version))
            {
                continue;
            }
            foreach (var older in reviews.Where(r => r.Status == ReviewStatus.Open && r.Version < shared.Version))
            {
                older.Status = ReviewStatus.Ended;
                older.ClosedOn = shared.SharedOn;
                older.ClosedBy = "superseded";
            }
            Db.Reviews.Add(new ReviewTask
            {
                CaseId = shared.CaseId, Version = shared.Version, AdvocacyServiceCode = service, SharedOn = shared.SharedOn, WindowEndsOn = shared.WindowEndsOn,
            });
        }
    }
}

/// <summary>Consent that ends ends the service's open reviews on the case with it.</summary>
public sealed class ConsentRevokedConsumer(InboxServices<AdvocacyDbContext> inbox) : IdempotentConsumer<ConsentRevoked, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<ConsentRevoked> context)
    {
        var revoked = context.Message;
        var open = await Db.Reviews.Where(r => r.CaseId == revoked.CaseId && r.AdvocacyServiceCode == revoked.AdvocacyServiceCode && r.Status == ReviewStatus.Open)
            .ToListAsync(context.CancellationToken);
        foreach (var review in open)
        {
            review.Status = ReviewStatus.Ended;
            review.ClosedOn = revoked.EndedOn;
            review.ClosedBy = "consent-ended";
        }
    }
}

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
public sealed record ReviewView(
    long Id, Guid CaseId, int Version, string AdvocacyServiceCode, DateOnly SharedOn, DateOnly WindowEndsOn, ReviewStatus Status, DateOnly? ClosedOn,
    IReadOnlyList<CommentView> Comments);

/// <summary>A comment as shown.</summary>
/// <param name="Section">Which part of the draft.</param>
/// <param name="Text">The comment.</param>
/// <param name="AuthorName">Who.</param>
/// <param name="At">When.</param>
public sealed record CommentView(string Section, string Text, string? AuthorName, DateTimeOffset At);

/// <summary>A comment to add.</summary>
/// <param name="Section">Which part of the draft: general, complaintSummary, outcomesSought, investigation, findings[N], apology, changes, remedy.</param>
/// <param name="Text">The comment.</param>
/// <param name="AuthorName">The advocate's name as shown to the complaints team.</param>
public sealed record CommentRequest(string? Section, string? Text, string? AuthorName);

/// <summary>The advocate's side of a review, and the complainant's waiver.</summary>
public sealed class ReviewActions(AdvocacyDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    private static readonly string[] Sections = ["general", "complaintSummary", "outcomesSought", "investigation", "apology", "changes", "remedy"];

    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Adds a comment while the review is open and consent is in force.</summary>
    public async Task CommentAsync(Caller caller, long reviewId, CommentRequest input, CancellationToken ct)
    {
        var review = await LoadForAdvocateAsync(caller, reviewId, ct);
        var errors = new ValidationErrors();
        var section = string.IsNullOrWhiteSpace(input.Section) ? "general" : input.Section.Trim();
        if (!Sections.Contains(section, StringComparer.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(section, @"^findings\[\d{1,2}\]$"))
        {
            errors.Add("section", "Say which part of the draft: general, complaintSummary, outcomesSought, investigation, findings[N], apology, changes or remedy.");
        }
        var text = TextRules.Read(input.Text, "text", errors, 10_000, "Write the comment.");
        var name = TextRules.Read(input.AuthorName, "authorName", errors, 200, singleLine: true);
        errors.ThrowIfAny();
        EnsureOpen(review);
        review.Comment(section, text!, caller.SubjectId, name, time.GetUtcNow());
        audit.Record(AuditAction.Update, AdvocacyResources.Review, review.Id.ToString(), review.AdvocacyServiceCode);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The advocate finishes the review: the case learns it is complete, with the number of comments.</summary>
    public Task CompleteAsync(Caller caller, long reviewId, CancellationToken ct) => CloseAsync(caller, reviewId, ReviewStatus.Completed, ct);

    /// <summary>The advocate, or the complainant, waives the review.</summary>
    public Task WaiveAsync(Caller caller, long reviewId, CancellationToken ct) => CloseAsync(caller, reviewId, ReviewStatus.Waived, ct);

    private async Task CloseAsync(Caller caller, long reviewId, ReviewStatus outcome, CancellationToken ct)
    {
        var review = await db.Reviews.Include(r => r.Comments).FirstOrDefaultAsync(r => r.Id == reviewId, ct) ?? throw new RequestNotFoundException();
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == review.CaseId, ct) ?? throw new RequestNotFoundException();
        var advocate = AdvocacyAccess.IsAdvocateOf(caller, review.AdvocacyServiceCode) && await ActiveAsync(review, ct);
        var complainant = AdvocacyAccess.IsComplainant(caller, c);
        if (!advocate && !complainant)
        {
            throw new RequestNotFoundException();
        }
        if (outcome == ReviewStatus.Completed && !advocate)
        {
            throw new RequestForbiddenException("The advocate completes the review; the complainant may waive it.");
        }
        EnsureOpen(review);
        review.Status = outcome;
        review.ClosedOn = Today;
        review.ClosedBy = caller.SubjectId;
        outbox.Publish(new DraftReviewCompleted
        {
            CaseId = review.CaseId, Version = review.Version, ReviewerCode = review.AdvocacyServiceCode, Outcome = outcome.ToString(),
            Comments = review.Comments.Count, CompletedOn = Today,
        });
        audit.Record(AuditAction.Update, AdvocacyResources.Review, review.Id.ToString(), review.AdvocacyServiceCode);
        await db.SaveChangesAsync(ct);
    }

    private async Task<ReviewTask> LoadForAdvocateAsync(Caller caller, long reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.Include(r => r.Comments).FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || !AdvocacyAccess.IsAdvocateOf(caller, review.AdvocacyServiceCode) || !await ActiveAsync(review, ct))
        {
            throw new RequestNotFoundException();
        }
        return review;
    }

    private Task<bool> ActiveAsync(ReviewTask review, CancellationToken ct) =>
        db.Grants.AnyAsync(g => g.CaseId == review.CaseId && g.AdvocacyServiceCode == review.AdvocacyServiceCode && g.ReviewDrafts && g.EndedOn == null, ct);

    private void EnsureOpen(ReviewTask review)
    {
        if (review.Status != ReviewStatus.Open)
        {
            throw new RequestStateException($"The review is {review.Status}.");
        }
        if (Today > review.WindowEndsOn)
        {
            throw new RequestStateException($"The review window ended on {review.WindowEndsOn:yyyy-MM-dd}.");
        }
    }
}

/// <summary>Reads reviews: the advocacy service's (while consent is in force), the case team's, the complainant's.</summary>
public sealed class ReviewQueries(AdvocacyDbContext db, IAuditTrail audit)
{
    /// <summary>Reviews the caller may see, optionally of one case.</summary>
    public async Task<IReadOnlyList<ReviewView>> ListAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        var query = from r in db.Reviews.AsNoTracking().Include(r => r.Comments)
                    join c in db.Cases.AsNoTracking() on r.CaseId equals c.CaseId
                    select new { r, c };
        if (caseId is { } id)
        {
            query = query.Where(x => x.r.CaseId == id);
        }
        if (caller.Has(Roles.Advocate))
        {
            var service = caller.OrganisationCode;
            query = query.Where(x => x.r.AdvocacyServiceCode == service &&
                db.Grants.Any(g => g.CaseId == x.r.CaseId && g.AdvocacyServiceCode == service && g.ReviewDrafts && g.EndedOn == null));
        }
        else if (caller.HasAny(AdvocacyAccess.Readers) && caller.OrganisationCode is { } organisation)
        {
            query = query.Where(x => x.c.OrganisationCode == organisation);
        }
        else if (caller.Has(Roles.Complainant))
        {
            var subject = caller.SubjectId;
            query = query.Where(x => x.c.ComplainantSubjectId == subject);
        }
        else
        {
            throw new RequestForbiddenException("Reviews are seen by the complaints team, the complainant and the advocacy service.");
        }
        var rows = await query.OrderByDescending(x => x.r.SharedOn).ThenByDescending(x => x.r.Version).Take(200).ToListAsync(ct);
        if (rows.Count > 0)
        {
            await audit.RecordReadAsync(AdvocacyResources.Review, caseId?.ToString() ?? $"list:{rows.Count}", caller.OrganisationCode, ct);
        }
        return [.. rows.Select(x => new ReviewView(
            x.r.Id, x.r.CaseId, x.r.Version, x.r.AdvocacyServiceCode, x.r.SharedOn, x.r.WindowEndsOn, x.r.Status, x.r.ClosedOn,
            [.. x.r.Comments.OrderBy(m => m.At).Select(m => new CommentView(m.Section, m.Text, m.AuthorName, m.At))]))];
    }
}
