using System.Globalization;
using Grpc.Core;
using IcsComplaints.Intake.Api.Features.ListOrganisations;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using Microsoft.AspNetCore.Authorization;

namespace IcsComplaints.Intake.Api.Grpc;

/// <summary>The directory over gRPC.</summary>
[AllowAnonymous]
public sealed class DirectoryGrpcService(DirectoryQueries queries) : OrganisationDirectoryService.OrganisationDirectoryServiceBase
{
    /// <inheritdoc />
    public override async Task<GetOrganisationResponse> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
        new() { Organisation = ToMessage(await queries.GetAsync(request.OdsCode, request.On, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such organisation."))) };

    /// <inheritdoc />
    public override async Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var response = new ListOrganisationsResponse();
        response.Organisations.AddRange((await queries.ListAsync(
            new DirectoryFilter(request.Type, request.CommissionedBy, request.On, request.Q, request.Postcode), context.CancellationToken)).Select(ToMessage));
        return response;
    }

    private static Contracts.Grpc.V1.Organisation ToMessage(OrganisationView o)
    {
        var message = new Contracts.Grpc.V1.Organisation
        {
            OdsCode = o.OdsCode,
            Name = o.Name,
            Type = o.Type,
            Region = o.Region ?? "",
            OpenedOn = o.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ClosedOn = o.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ParentOdsCode = o.ParentOdsCode ?? "",
            Postcode = o.Postcode ?? "",
        };
        message.Successors.AddRange(o.Successors);
        message.CommissionedBy.AddRange(o.CommissionedBy);
        return message;
    }
}
