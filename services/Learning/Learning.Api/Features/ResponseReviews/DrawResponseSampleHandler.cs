using System.Security.Cryptography;
using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ResponseReviews;

/// <summary>A sample of final responses to draw.</summary>
/// <param name="From">First day a letter was sent (yyyy-MM-dd); three months before <paramref name="To"/> when left out.</param>
/// <param name="To">Last day (yyyy-MM-dd); today when left out.</param>
/// <param name="Size">How many letters (1–50).</param>
public sealed record DrawResponseSampleRequest(string? From, string? To, int? Size);

/// <summary>
/// Draws a random sample of the signed final response letters the caller's organisation sent in a period, from those
/// no earlier sample drew, for its quality lead to read and rate.
/// </summary>
public sealed class DrawResponseSampleHandler(ResponseReviewStore reviews, IAuditTrail audit, TimeProvider time)
{
    /// <summary>The most letters one sample draws: a quarter's reading for one person.</summary>
    public const int LargestSample = 50;

    /// <summary>Draws the sample; fewer letters than asked when fewer are left to draw, none when none are.</summary>
    public async Task<IReadOnlyList<ResponseReviewView>> HandleAsync(Caller caller, DrawResponseSampleRequest? input, CancellationToken ct)
    {
        var organisation = ResponseReviewSupport.Own(caller);
        var today = LondonTime.Today(time);
        var reader = new FieldReader();
        if (input?.Size is not (>= 1 and <= LargestSample))
        {
            reader.Add("size", $"Draw 1 to {LargestSample} letters.");
        }
        var (from, to) = ResponseReviewSupport.Period(reader, input?.From, input?.To, today, defaultMonths: 3);
        reader.ThrowIfAny();
        var candidates = await reviews.CandidatesAsync(organisation, from, to, ct);
        // Random, not the latest or the longest: the sample stands for every letter, and no author can tell which will be read.
        var drawn = candidates.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).Take(input!.Size!.Value)
            .Select(c => ResponseReview.Sample(c.CaseId, c.Reference, organisation, c.SentOn, today)).ToList();
        reviews.Add(drawn);
        foreach (var review in drawn)
        {
            audit.Record(AuditAction.Create, LearningResources.ResponseReview, review.Id.ToString(), organisation);
        }
        await reviews.SaveAsync(ct);
        return [.. drawn.OrderByDescending(r => r.SentOn).ThenBy(r => r.Reference, StringComparer.Ordinal).Select(ResponseReviewSupport.View)];
    }
}
