using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Api.Features.FindAdvocacyService;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using Microsoft.AspNetCore.Authorization;

namespace IcsComplaints.AdvocacyReferral.Api.Grpc;

/// <summary>The directory over gRPC, public like its REST twin.</summary>
[AllowAnonymous]
public sealed class AdvocacyDirectoryGrpcService(FindAdvocacyServiceHandler directory) : AdvocacyDirectoryService.AdvocacyDirectoryServiceBase
{
    /// <inheritdoc />
    public override async Task<AdvocacyServiceInfo> FindAdvocacyService(FindAdvocacyServiceRequest request, ServerCallContext context)
    {
        var found = await directory.FindAsync(
            string.IsNullOrWhiteSpace(request.Postcode) ? null : request.Postcode,
            string.IsNullOrWhiteSpace(request.LocalAuthorityCode) ? null : request.LocalAuthorityCode,
            context.CancellationToken) ?? throw new RpcException(new Status(StatusCode.NotFound, "No advocacy service is known for this area."));
        var info = new AdvocacyServiceInfo
        {
            Code = found.Code, Name = found.Name, Phone = found.Phone, Email = found.Email, Website = found.Website, Address = found.Address,
        };
        info.LocalAuthorityCodes.AddRange(found.LocalAuthorityCodes);
        return info;
    }
}
