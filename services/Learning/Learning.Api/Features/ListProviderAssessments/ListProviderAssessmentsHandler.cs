using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ListProviderAssessments;

/// <summary>A provider's assessment as its ICB sees it.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Status">Draft, Submitted, or null when not started.</param>
/// <param name="SubmittedOn">Submitted.</param>
/// <param name="Levels">Level by expectation, when submitted.</param>
/// <param name="SectionMeans">Mean by section, when submitted.</param>
public sealed record ProviderAssessment(string OrganisationCode, AssessmentStatus? Status, DateOnly? SubmittedOn, IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>For an ICB: each provider it commissions, with its self-assessment for the year.</summary>
public sealed class ListProviderAssessmentsHandler(SelfAssessmentQueries queries, Commissioning commissioning, TimeProvider time)
{
    /// <summary>For an ICB: each provider it commissions, with its assessment for the year.</summary>
    public async Task<IReadOnlyList<ProviderAssessment>> HandleAsync(Caller caller, int year, CancellationToken ct)
    {
        SelfAssessmentSupport.CheckYear(year, time);
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("An ICB's commissioners and quality leads compare its providers.");
        }
        var providers = await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct);
        var assessments = await queries.ForYearAsync(providers, year, ct);
        return [.. providers.Order(StringComparer.Ordinal).Select(p => assessments.TryGetValue(p, out var a)
            ? a.Status == AssessmentStatus.Submitted
                ? new ProviderAssessment(p, a.Status, a.SubmittedOn, SelfAssessmentSupport.Levels(a), PeerSelfAssessments.SectionMeans(SelfAssessmentSupport.Levels(a)))
                : new ProviderAssessment(p, a.Status, null, new Dictionary<string, int>(), new Dictionary<string, double>())
            : new ProviderAssessment(p, null, null, new Dictionary<string, int>(), new Dictionary<string, double>()))];
    }
}
