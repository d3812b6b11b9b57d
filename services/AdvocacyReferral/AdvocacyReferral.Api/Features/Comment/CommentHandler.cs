using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Reviews;
using IcsComplaints.Calendar;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.Comment;

/// <summary>A comment to add.</summary>
/// <param name="Section">Which part of the draft: general, complaintSummary, outcomesSought, investigation, findings[N], apology, changes, remedy.</param>
/// <param name="Text">The comment.</param>
/// <param name="AuthorName">The advocate's name as shown to the complaints team.</param>
public sealed record CommentRequest(string? Section, string? Text, string? AuthorName);

/// <summary>The advocate comments on a shared draft while the review is open and consent is in force.</summary>
public sealed class CommentHandler(ReviewerAccess access, ReviewStore reviews, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Adds the comment.</summary>
    public async Task HandleAsync(Caller caller, long reviewId, CommentRequest input, CancellationToken ct)
    {
        var review = await access.ForAdvocateAsync(caller, reviewId, ct);
        var reader = new FieldReader();
        var section = string.IsNullOrWhiteSpace(input.Section) ? DraftSection.General : DraftSection.Parse(input.Section.Trim());
        if (section is null)
        {
            reader.Add("section", $"Say which part of the draft: {DraftSection.Described}.");
        }
        var text = reader.Text(input.Text, "text", 10_000, "Write the comment.");
        var name = reader.Line(input.AuthorName, "authorName", 200);
        reader.ThrowIfAny();
        review.Comment(section!.Value, text!, caller.SubjectId, name, time.GetUtcNow(), LondonTime.Today(time));
        audit.Record(AuditAction.Update, AdvocacyResources.Review, review.Id.ToString(), review.AdvocacyServiceCode);
        await reviews.SaveAsync(ct);
    }
}
