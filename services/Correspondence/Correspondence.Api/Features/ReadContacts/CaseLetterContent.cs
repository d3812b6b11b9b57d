using Grpc.Core;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Correspondence.Api.Features.ReadContacts;

/// <summary>
/// Reads from the case service, under the service's own identity, what a letter to the complainant needs beyond their
/// contact details (the final response as sent, or a new survey link), and the work address of a member of staff
/// complained about. Case audits each read; nothing read is kept.
/// </summary>
public sealed class CaseLetterContent(CaseCorrespondenceService.CaseCorrespondenceServiceClient cases, ServiceTokenSource tokens)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The final response as it was sent, or <c>null</c> when the case has none (or no longer exists).</summary>
    public async Task<SentFinalResponse?> FinalResponseAsync(Guid caseId, CancellationToken ct)
    {
        try
        {
            return await cases.GetSentFinalResponseAsync(new GetSentFinalResponseRequest { CaseId = caseId.ToString() }, await tokens.HeadersAsync(ct), DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    /// <summary>A new survey link, or <c>null</c> when the survey is not open (already answered, or no response was sent).</summary>
    public async Task<IssuedSurveyLink?> SurveyLinkAsync(Guid caseId, CancellationToken ct)
    {
        try
        {
            return await cases.IssueSurveyLinkAsync(new IssueSurveyLinkRequest { CaseId = caseId.ToString() }, await tokens.HeadersAsync(ct), DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    /// <summary>How the complaint was resolved early, or <c>null</c> when it was not (or the case no longer exists).</summary>
    public async Task<EarlyResolution?> EarlyResolutionAsync(Guid caseId, CancellationToken ct)
    {
        try
        {
            return await cases.GetEarlyResolutionAsync(new GetEarlyResolutionRequest { CaseId = caseId.ToString() }, await tokens.HeadersAsync(ct), DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    /// <summary>A member of staff complained about with a work address, or <c>null</c> when the case holds none for them (or no longer exists).</summary>
    public async Task<StaffMember?> StaffMemberAsync(Guid caseId, long staffId, CancellationToken ct)
    {
        try
        {
            return await cases.GetStaffMemberAsync(
                new GetStaffMemberRequest { CaseId = caseId.ToString(), StaffId = staffId }, await tokens.HeadersAsync(ct), DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
