using IcsComplaints.Calendar;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features;

/// <summary>A rating as shown.</summary>
/// <param name="ExpectationId">Expectation.</param>
/// <param name="Level">Level.</param>
/// <param name="Evidence">Evidence.</param>
/// <param name="ImprovementActions">Improvement actions.</param>
public sealed record RatingView(string ExpectationId, int Level, string? Evidence, string? ImprovementActions);

/// <summary>An assessment as shown.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Year">Financial year (first calendar year).</param>
/// <param name="Status">Status; <c>null</c> when not started.</param>
/// <param name="StartedOn">Started.</param>
/// <param name="SubmittedOn">Submitted.</param>
/// <param name="Ratings">Ratings.</param>
/// <param name="Unrated">Expectations not yet rated.</param>
/// <param name="SectionMeans">Mean level by section.</param>
public sealed record AssessmentView(
    string OrganisationCode, int Year, AssessmentStatus? Status, DateOnly? StartedOn, DateOnly? SubmittedOn, IReadOnlyList<RatingView> Ratings,
    IReadOnlyList<string> Unrated, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>What the use cases of self-assessment share: the framework, the caller's own organisation, years, and how an assessment is shown.</summary>
public static class SelfAssessmentSupport
{
    /// <summary>The framework rated against.</summary>
    public static StandardsFramework Framework => StandardsFramework.Current;

    /// <summary>Level by expectation.</summary>
    public static Dictionary<string, int> Levels(SelfAssessment a) => a.Ratings.ToDictionary(r => r.ExpectationId, r => r.Level, StringComparer.Ordinal);

    /// <summary>A submitted year as compared.</summary>
    public static YearResult Result(SelfAssessment a) => new(a.Year, Levels(a), PeerSelfAssessments.SectionMeans(Levels(a)));

    /// <summary>An assessment as shown.</summary>
    public static AssessmentView View(SelfAssessment a) => new(
        a.OrganisationCode, a.Year, a.Status, a.StartedOn, a.SubmittedOn,
        [.. a.Ratings.OrderBy(r => r.ExpectationId, StringComparer.Ordinal).Select(r => new RatingView(r.ExpectationId, r.Level, r.Evidence, r.ImprovementActions))],
        [.. Framework.AllExpectations.Select(e => e.Id).Where(id => a.Ratings.All(r => r.ExpectationId != id))],
        PeerSelfAssessments.SectionMeans(Levels(a)));

    /// <summary>The caller's organisation, when the caller completes its self-assessment.</summary>
    public static string Own(Caller caller) =>
        LearningAccess.GovernedOrganisation(caller, "The quality lead or responsible person completes the organisation's self-assessment.");

    /// <summary>A financial year from 2020-21 to the current one, by its first calendar year.</summary>
    public static void CheckYear(int year, TimeProvider time)
    {
        var today = LondonTime.Today(time);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        if (year < 2020 || year > current)
        {
            throw new RequestValidationException("year", $"A financial year from 2020 (2020-21) to {current} ({SelfAssessment.YearLabel(current)}), by its first calendar year.");
        }
    }
}
