using Grpc.Core;
using IcsComplaints.Case.Api.Features.ShareLearning;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Case.Api.Grpc;

/// <summary>
/// What the learning service reads from a case (ADR 44): admitted for its service identity alone, and refused to
/// anyone else by <see cref="CommittedChangesRead"/>. Not routed through the gateway.
/// </summary>
public sealed class CaseLearningGrpcService(CommittedChangesRead changes) : CaseLearningService.CaseLearningServiceBase
{
    /// <inheritdoc />
    [AdmitsService(Roles.LearningService)]
    public override Task<CommittedChanges> GetCommittedChanges(GetCommittedChangesRequest request, ServerCallContext context) =>
        changes.HandleAsync(CaseGrpcService.CallerOf(context), CaseGrpcService.ParseCaseId(request.CaseId), context.CancellationToken);
}
