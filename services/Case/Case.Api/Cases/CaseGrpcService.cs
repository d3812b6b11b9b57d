using Grpc.Core;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults.Security;
using IcsComplaints.ServiceDefaults.Validation;
using GrpcCase = IcsComplaints.Case.Contracts.Grpc.V1.Case;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>The case gRPC service; same rules as the REST API.</summary>
public sealed class CaseGrpcService(CaseQueries queries) : CaseService.CaseServiceBase
{
    /// <inheritdoc />
    public override async Task<GetCaseResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
        {
            throw new RequestValidationException("caseId", "Give the case id as a UUID.");
        }
        var found = await queries.GetAsync(Caller.From(context.GetHttpContext().User), caseId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such case."));
        return new GetCaseResponse { Case = ToMessage(found) };
    }

    /// <inheritdoc />
    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var response = new ListCasesResponse();
        response.Cases.AddRange((await queries.ListAsync(Caller.From(context.GetHttpContext().User), request.Reference, context.CancellationToken)).Select(ToMessage));
        return response;
    }

    private static GrpcCase ToMessage(CaseView view) => new()
    {
        CaseId = view.CaseId.ToString(),
        ComplaintId = view.ComplaintId.ToString(),
        Reference = view.Reference,
        OrganisationCode = view.OrganisationCode,
        Stage = view.Stage switch
        {
            CaseStage.Received => Stage.Received,
            CaseStage.Acknowledged => Stage.Acknowledged,
            CaseStage.Closed => Stage.Closed,
            _ => Stage.Unspecified,
        },
        ReceivedOn = view.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AcknowledgementDueBy = view.AcknowledgementDueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        OnHold = { view.OnHold },
        TransferredFromOrganisationCode = view.TransferredFromOrganisationCode ?? "",
        ClosedOn = view.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Closure = view.Closure?.ToString() ?? "",
        Outcome = view.Outcome ?? "",
    };
}
