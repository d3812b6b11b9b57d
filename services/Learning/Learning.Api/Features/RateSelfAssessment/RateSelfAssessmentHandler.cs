using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.RateSelfAssessment;

/// <summary>Ratings to record.</summary>
/// <param name="Ratings">One per expectation rated now; others stay as they were.</param>
public sealed record AssessmentRequest(List<RatingRequest>? Ratings);

/// <summary>A rating as sent.</summary>
/// <param name="ExpectationId">Expectation, e.g. <c>1.2</c>.</param>
/// <param name="Level">1–4.</param>
/// <param name="Evidence">Evidence.</param>
/// <param name="ImprovementActions">Improvement actions.</param>
public sealed record RatingRequest(string? ExpectationId, int? Level, string? Evidence, string? ImprovementActions);

/// <summary>Records ratings on the caller's organisation's draft for the year, starting it if needed.</summary>
public sealed class RateSelfAssessmentHandler(SelfAssessmentStore assessments, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Records ratings on the caller's organisation's draft for the year, starting it if needed.</summary>
    public async Task<AssessmentView> HandleAsync(Caller caller, int year, AssessmentRequest? input, CancellationToken ct)
    {
        SelfAssessmentSupport.CheckYear(year, time);
        var organisation = SelfAssessmentSupport.Own(caller);
        var reader = new FieldReader();
        var ids = SelfAssessmentSupport.Framework.AllExpectations.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (input?.Ratings is not { Count: > 0 } ratings)
        {
            throw new RequestValidationException("ratings", "Rate at least one expectation.");
        }
        var evidence = new string?[ratings.Count];
        var improvements = new string?[ratings.Count];
        foreach (var (r, i) in ratings.Select((r, i) => (r, i)))
        {
            if (r is null)
            {
                reader.Add($"ratings[{i}]", "Give the rating as an object: expectationId, level, evidence, improvementActions.");
                continue;
            }
            if (r.ExpectationId is null || !ids.Contains(r.ExpectationId))
            {
                reader.Add($"ratings[{i}].expectationId", "Not an expectation of the framework (GET /api/v1/learning/standards).");
            }
            else if (ratings.Take(i).Any(p => p?.ExpectationId == r.ExpectationId))
            {
                reader.Add($"ratings[{i}].expectationId", "Rated twice in one request.");
            }
            if (r.Level is not (>= 1 and <= 4))
            {
                reader.Add($"ratings[{i}].level", "Rate 1 (not in place) to 4 (embedded and improving).");
            }
            evidence[i] = reader.Text(r.Evidence, $"ratings[{i}].evidence", 4_000);
            improvements[i] = reader.Text(r.ImprovementActions, $"ratings[{i}].improvementActions", 4_000);
        }
        reader.ThrowIfAny();
        var assessment = await assessments.FindAsync(organisation, year, ct);
        if (assessment is null)
        {
            assessment = SelfAssessment.Start(organisation, caller.OrganisationType ?? "", year, LondonTime.Today(time));
            assessments.Add(assessment);
        }
        foreach (var (r, i) in ratings.Select((r, i) => (r!, i)))
        {
            assessment.Rate(r.ExpectationId!, r.Level!.Value, evidence[i], improvements[i]);
        }
        audit.Record(AuditAction.Update, LearningResources.SelfAssessment, $"{organisation}:{year}", organisation);
        await assessments.SaveAsync(ct);
        return SelfAssessmentSupport.View(assessment);
    }
}
