using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Learning.Api.Features.CompareSelfAssessments;

/// <summary>An organisation against its own past and its peers.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Year">Year.</param>
/// <param name="Current">This year, if submitted.</param>
/// <param name="PreviousYears">Earlier submitted years, newest first.</param>
/// <param name="Peers">Peers this year.</param>
public sealed record AssessmentComparison(string OrganisationCode, int Year, YearResult? Current, IReadOnlyList<YearResult> PreviousYears, PeerDistribution Peers);

/// <summary>An organisation against its previous years and the anonymous distribution of its peers.</summary>
public sealed class CompareSelfAssessmentsHandler(SelfAssessmentQueries assessments, Commissioning commissioning, TimeProvider time)
{
    /// <summary>The organisation against its previous years and the anonymous distribution of its peers.</summary>
    public async Task<AssessmentComparison> HandleAsync(Caller caller, int year, string? organisationCode, CancellationToken ct)
    {
        SelfAssessmentSupport.CheckYear(year, time);
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var own = await assessments.SubmittedUpToAsync(organisation, year, ct);
        var type = own.FirstOrDefault()?.OrganisationType
            ?? await assessments.OrganisationTypeAsync(organisation, ct)
            ?? (string.Equals(organisation, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase) ? caller.OrganisationType : null);
        var peers = type is null
            ? []
            : await assessments.SubmittedPeersAsync(year, type, organisation, ct);
        var current = own.FirstOrDefault(a => a.Year == year);
        return new AssessmentComparison(
            organisation, year, current is null ? null : SelfAssessmentSupport.Result(current), [.. own.Where(a => a.Year < year).Select(SelfAssessmentSupport.Result)], PeerSelfAssessments.Distribution(peers));
    }
}
