using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.ResponseReviews;

/// <summary>How well a final response meets one criterion.</summary>
public enum CriterionRating
{
    /// <summary>Fully met.</summary>
    Met = 1,

    /// <summary>Partly met.</summary>
    Partly = 2,

    /// <summary>Not met.</summary>
    NotMet = 3,

    /// <summary>Does not apply to this response (an apology where nothing went wrong).</summary>
    NotApplicable = 4,
}

/// <summary>One criterion's rating in a review.</summary>
public sealed class ResponseReviewRating
{
    private ResponseReviewRating()
    {
    }

    internal ResponseReviewRating(Guid reviewId, string criterion, CriterionRating rating) =>
        (Id, ReviewId, Criterion, Rating) = (Guid.CreateVersion7(), reviewId, criterion, rating);

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The review.</summary>
    public Guid ReviewId { get; private set; }

    /// <summary>The criterion's key (<see cref="ResponseQuality.Criteria"/>).</summary>
    public string Criterion { get; private set; } = "";

    /// <summary>The rating.</summary>
    public CriterionRating Rating { get; private set; }
}

/// <summary>
/// A sent final response drawn into an organisation's quality sample, and, once its quality lead has read it, their
/// rating of it against each of <see cref="ResponseQuality.Criteria"/> with their comments. Names no complainant: the
/// letter itself stays in the case service and is read there.
/// </summary>
public sealed class ResponseReview
{
    private readonly List<ResponseReviewRating> _ratings = [];

    private ResponseReview()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case whose final response it is.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The case's reference.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>ODS code of the organisation that sent the response.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>The day the response was sent.</summary>
    public DateOnly SentOn { get; private set; }

    /// <summary>The day it was drawn into the sample.</summary>
    public DateOnly SampledOn { get; private set; }

    /// <summary>The day it was last rated; <c>null</c> while waiting.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    /// <summary>Token subject of who last rated it.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>What the reviewer would have the organisation learn from it.</summary>
    public string? Comments { get; private set; }

    /// <summary>The ratings, one per criterion, once reviewed.</summary>
    public IReadOnlyList<ResponseReviewRating> Ratings => _ratings;

    /// <summary>True once rated.</summary>
    public bool Reviewed => ReviewedOn is not null;

    /// <summary>A response drawn into the sample.</summary>
    public static ResponseReview Sample(Guid caseId, string reference, string organisationCode, DateOnly sentOn, DateOnly sampledOn) => new()
    {
        Id = Guid.CreateVersion7(), CaseId = caseId, Reference = reference, OrganisationCode = organisationCode, SentOn = sentOn, SampledOn = sampledOn,
    };

    /// <summary>
    /// Rates the response on every criterion (replacing an earlier rating: a second reading may change the first),
    /// with comments; refused, naming each field, when a criterion is left out or marked as not applying where it
    /// always applies.
    /// </summary>
    public void Rate(IReadOnlyDictionary<string, CriterionRating> ratings, string? comments, DateOnly on, string reviewedBy)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var errors = new FieldReader();
        ResponseQuality.Check(ratings, errors);
        errors.ThrowIfAny();
        _ratings.Clear();
        _ratings.AddRange(ResponseQuality.Criteria.Select(c => new ResponseReviewRating(Id, c.Key, ratings[c.Key])));
        Comments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim();
        ReviewedOn = on;
        ReviewedBy = reviewedBy;
    }
}
