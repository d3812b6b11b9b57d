using IcsComplaints.Learning.Domain.SelfAssessments;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Self-assessments with their ratings, read only.</summary>
public sealed class SelfAssessmentQueries(LearningDbContext db)
{
    /// <summary>An organisation's assessment for a year; <c>null</c> when not started.</summary>
    public Task<SelfAssessment?> FindAsync(string organisationCode, int year, CancellationToken ct) =>
        db.SelfAssessments.AsNoTracking().Include(a => a.Ratings).FirstOrDefaultAsync(a => a.OrganisationCode == organisationCode && a.Year == year, ct);

    /// <summary>The providers' assessments for a year, by organisation.</summary>
    public Task<Dictionary<string, SelfAssessment>> ForYearAsync(IReadOnlyCollection<string> organisationCodes, int year, CancellationToken ct) =>
        db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.Year == year && organisationCodes.Contains(a.OrganisationCode)).ToDictionaryAsync(a => a.OrganisationCode, ct);

    /// <summary>An organisation's submitted assessments up to a year, newest first.</summary>
    public Task<List<SelfAssessment>> SubmittedUpToAsync(string organisationCode, int year, CancellationToken ct) =>
        db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.OrganisationCode == organisationCode && a.Status == AssessmentStatus.Submitted && a.Year <= year)
            .OrderByDescending(a => a.Year).ToListAsync(ct);

    /// <summary>The organisation type an organisation gave on any of its assessments; <c>null</c> when it has none.</summary>
    public Task<string?> OrganisationTypeAsync(string organisationCode, CancellationToken ct) =>
        db.SelfAssessments.Where(a => a.OrganisationCode == organisationCode).Select(a => a.OrganisationType).FirstOrDefaultAsync(ct);

    /// <summary>The year's submitted assessments of organisations of a type, other than <paramref name="excludedOrganisationCode"/>.</summary>
    public Task<List<SelfAssessment>> SubmittedPeersAsync(int year, string organisationType, string excludedOrganisationCode, CancellationToken ct) =>
        db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.Year == year && a.Status == AssessmentStatus.Submitted && a.OrganisationType == organisationType && a.OrganisationCode != excludedOrganisationCode)
            .ToListAsync(ct);
}
