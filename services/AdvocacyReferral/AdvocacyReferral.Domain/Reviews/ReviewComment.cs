namespace IcsComplaints.AdvocacyReferral.Domain.Reviews;

/// <summary>An advocate's comment on a draft: free text, kept in this service and shown only to the case's team, the advocacy service and the complainant.</summary>
public sealed class ReviewComment
{
    private ReviewComment()
    {
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The review.</summary>
    public long ReviewId { get; private set; }

    /// <summary>Which part of the draft (<see cref="DraftSection"/>).</summary>
    public string Section { get; private set; } = "";

    /// <summary>The comment.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Who wrote it.</summary>
    public string AuthorSubjectId { get; private set; } = "";

    /// <summary>Their name.</summary>
    public string? AuthorName { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }

    internal static ReviewComment Write(long reviewId, DraftSection section, string text, string author, string? authorName, DateTimeOffset at) => new()
    {
        ReviewId = reviewId, Section = section.Name, Text = text, AuthorSubjectId = author, AuthorName = authorName, At = at,
    };
}
