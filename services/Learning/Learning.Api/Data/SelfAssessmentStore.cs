using IcsComplaints.Learning.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves self-assessments over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class SelfAssessmentStore(LearningDbContext db)
{
    /// <summary>An organisation's assessment for a year with its ratings, to change; <c>null</c> when not started.</summary>
    public Task<SelfAssessment?> FindAsync(string organisationCode, int year, CancellationToken ct) =>
        db.SelfAssessments.Include(a => a.Ratings).FirstOrDefaultAsync(a => a.OrganisationCode == organisationCode && a.Year == year, ct);

    /// <summary>Adds an assessment just started, saved with the rest.</summary>
    public void Add(SelfAssessment assessment) => db.SelfAssessments.Add(assessment);

    /// <summary>Saves every change, with the outbox messages and audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
