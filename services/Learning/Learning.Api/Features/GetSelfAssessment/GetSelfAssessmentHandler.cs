using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Learning.Api.Features.GetSelfAssessment;

/// <summary>An organisation's self-assessment for a year, or what is still to rate.</summary>
public sealed class GetSelfAssessmentHandler(SelfAssessmentQueries assessments, IAuditTrail audit, Commissioning commissioning, TimeProvider time)
{
    /// <summary>An organisation's assessment for the year.</summary>
    public async Task<AssessmentView> HandleAsync(Caller caller, int year, string? organisationCode, CancellationToken ct)
    {
        SelfAssessmentSupport.CheckYear(year, time);
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var assessment = await assessments.FindAsync(organisation, year, ct);
        if (assessment is null)
        {
            // Not started: every expectation still to rate.
            return new AssessmentView(organisation, year, null, null, null, [], [.. SelfAssessmentSupport.Framework.AllExpectations.Select(e => e.Id)], new Dictionary<string, double>());
        }
        await audit.RecordReadAsync(LearningResources.SelfAssessment, $"{organisation}:{year}", organisation, ct);
        return SelfAssessmentSupport.View(assessment);
    }
}
