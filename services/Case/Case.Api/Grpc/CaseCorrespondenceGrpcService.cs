using System.Globalization;
using Grpc.Core;
using IcsComplaints.Case.Api.Features.WriteToComplainant;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Case.Api.Grpc;

/// <summary>
/// What the correspondence service reads from a case to write to the complainant (ADR 36) and to the staff it is about: admitted for its service
/// identity alone, and refused to anyone else by <see cref="ComplainantCorrespondence"/>. Not routed through the gateway.
/// </summary>
public sealed class CaseCorrespondenceGrpcService(ComplainantCorrespondence correspondence) : CaseCorrespondenceService.CaseCorrespondenceServiceBase
{
    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override Task<SentFinalResponse> GetSentFinalResponse(GetSentFinalResponseRequest request, ServerCallContext context) =>
        correspondence.SentFinalResponseAsync(CaseGrpcService.CallerOf(context), CaseGrpcService.ParseCaseId(request.CaseId), context.CancellationToken);

    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override async Task<IssuedSurveyLink> IssueSurveyLink(IssueSurveyLinkRequest request, ServerCallContext context)
    {
        var link = await correspondence.IssueSurveyLinkAsync(CaseGrpcService.CallerOf(context), CaseGrpcService.ParseCaseId(request.CaseId), context.CancellationToken);
        return new IssuedSurveyLink { Code = link.Code, OpenUntil = link.OpenUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override Task<EarlyResolution> GetEarlyResolution(GetEarlyResolutionRequest request, ServerCallContext context) =>
        correspondence.EarlyResolutionAsync(CaseGrpcService.CallerOf(context), CaseGrpcService.ParseCaseId(request.CaseId), context.CancellationToken);

    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override Task<StaffMember> GetStaffMember(GetStaffMemberRequest request, ServerCallContext context) =>
        correspondence.StaffMemberAsync(CaseGrpcService.CallerOf(context), CaseGrpcService.ParseCaseId(request.CaseId), request.StaffId, context.CancellationToken);
}
