// ResponseQuality: what a quality lead looks for when reading a sent final response, from the Ombudsman's "what we
// look for in a good complaint response" and its guide to writing a final response (PHSO-LOCALINV, PHSO-FINAL,
// PHSO-LL-APOLOGY; domain.md §6), with Reg 14(2)(d)'s right to go to the Ombudsman. How a rating counts towards a
// score (met 2, partly 1, not met 0, of the criteria that apply) is the organisation's scale, not the Ombudsman's.
using IcsComplaints.Learning.Domain.ResponseReviews;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>One thing a good final response does.</summary>
/// <param name="Key">Its key in the API.</param>
/// <param name="Title">What the response does, as the reviewer reads it.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="AlwaysApplies">False where a response may rightly not do it (nothing went wrong, so no apology).</param>
public sealed record ResponseCriterion(string Key, string Title, string Source, bool AlwaysApplies);

/// <summary>How the reviewed responses did on one criterion.</summary>
/// <param name="Criterion">The criterion's key.</param>
/// <param name="Met">Responses that met it.</param>
/// <param name="Partly">Responses that partly met it.</param>
/// <param name="NotMet">Responses that did not.</param>
/// <param name="NotApplicable">Responses it did not apply to.</param>
public sealed record CriterionResult(string Criterion, int Met, int Partly, int NotMet, int NotApplicable)
{
    /// <summary>Of the responses it applied to, the share that met it in full; <c>null</c> when it applied to none.</summary>
    public double? MetShare => Met + Partly + NotMet == 0 ? null : Math.Round((double)Met / (Met + Partly + NotMet), 4);
}

/// <summary>
/// ResponseQuality: a final response is rated met, partly met, not met or (where a criterion may not apply) not
/// applicable on each criterion; its score is the points it earns (met 2, partly 1, not met 0) over the points the
/// criteria that apply could earn. A sample's results are counted per criterion, with the average score.
/// </summary>
public static class ResponseQuality
{
    /// <summary>The criteria, in the order a response is read.</summary>
    public static readonly IReadOnlyList<ResponseCriterion> Criteria =
    [
        new("complaint-understood", "Sets out the complaint and what the person wanted to achieve",
            "PHSO, what we look for in a good complaint response; final response guide", AlwaysApplies: true),
        new("how-looked-into", "Says what was looked into, how, and what evidence was considered, with an independent clinical view for care and treatment",
            "PHSO, what we look for in a good complaint response", AlwaysApplies: true),
        new("reasons", "Answers every point with a finding and clear reasons, by reference to the evidence and the standards that apply",
            "PHSO, what we look for in a good complaint response; Reg 14(2)(a)", AlwaysApplies: true),
        new("impact", "Shows the impact of any failing on the person is understood",
            "PHSO final response guide", AlwaysApplies: false),
        new("apology-and-remedy", "Where something went wrong, apologises without condition and offers to put it right",
            "PHSO, apologies are unconditional; Principles for Remedy", AlwaysApplies: false),
        new("what-will-change", "Says what will change as a result, and by when",
            "PHSO final response guide; lessons learnt", AlwaysApplies: false),
        new("plain-and-kind", "Is written with empathy in plain language, with each question's answer easy to find",
            "PHSO, empathetic and understandable language; structure so each answer is findable", AlwaysApplies: true),
        new("next-steps", "Says it is the final response and how to take the complaint to the Ombudsman, and when",
            "Reg 14(2)(d); PHSO, telling people about the Ombudsman", AlwaysApplies: true),
    ];

    /// <summary>The criterion with this key, or <c>null</c>.</summary>
    public static ResponseCriterion? Criterion(string key) => Criteria.FirstOrDefault(c => c.Key == key);

    /// <summary>
    /// Records an error for every criterion left unrated, or marked not applicable where it always applies, unless
    /// its field already has one (a rating that could not be read).
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, CriterionRating> ratings, FieldReader errors)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var criterion in Criteria.Where(c => !errors.Has($"ratings.{c.Key}")))
        {
            if (!ratings.TryGetValue(criterion.Key, out var rating) || !Enum.IsDefined(rating))
            {
                errors.Add($"ratings.{criterion.Key}", $"Rate how far the response meets this: {Lower(criterion.Title)}.");
            }
            else if (rating == CriterionRating.NotApplicable && criterion.AlwaysApplies)
            {
                errors.Add($"ratings.{criterion.Key}", "Every final response must do this: choose met, partly met or not met.");
            }
        }
    }

    /// <summary>A response's score from 0 to 1: the points its ratings earn over the points the criteria that apply could earn.</summary>
    public static double Score(IEnumerable<CriterionRating> ratings)
    {
        var applying = ratings.Where(r => r != CriterionRating.NotApplicable).ToList();
        return applying.Count == 0 ? 0 : Math.Round(applying.Sum(Points) / (2.0 * applying.Count), 4);
    }

    /// <summary>How a set of reviewed responses did on each criterion, in the criteria's order.</summary>
    public static IReadOnlyList<CriterionResult> Results(IReadOnlyCollection<ResponseReview> reviewed) =>
    [
        .. Criteria.Select(c =>
        {
            var ratings = reviewed.SelectMany(r => r.Ratings).Where(r => r.Criterion == c.Key).Select(r => r.Rating).ToList();
            return new CriterionResult(c.Key, ratings.Count(r => r == CriterionRating.Met), ratings.Count(r => r == CriterionRating.Partly),
                ratings.Count(r => r == CriterionRating.NotMet), ratings.Count(r => r == CriterionRating.NotApplicable));
        }),
    ];

    /// <summary>The mean score of the reviewed responses; <c>null</c> when none has been reviewed.</summary>
    public static double? AverageScore(IReadOnlyCollection<ResponseReview> reviewed) =>
        reviewed.Count == 0 ? null : Math.Round(reviewed.Average(r => Score(r.Ratings.Select(x => x.Rating))), 4);

    private static int Points(CriterionRating rating) => rating switch
    {
        CriterionRating.Met => 2,
        CriterionRating.Partly => 1,
        _ => 0,
    };

    private static string Lower(string title) => char.ToLowerInvariant(title[0]) + title[1..];
}
