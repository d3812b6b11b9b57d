using Grpc.Core;
using IcsComplaints.Intake.Api.Features.VerifyStatusSecret;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Nhs;
using Microsoft.AspNetCore.Authorization;

namespace IcsComplaints.Intake.Api.Grpc;

/// <summary>
/// Whether a reference and status secret go together, for the services acting on a complainant's own request
/// without an account. Anonymous like the progress check it shares its handler with; not routed by the gateway.
/// </summary>
[AllowAnonymous]
public sealed class StatusSecretGrpcService(VerifyStatusSecretHandler secrets) : StatusSecretService.StatusSecretServiceBase
{
    /// <inheritdoc />
    public override async Task<VerifiedComplaint> VerifyStatusSecret(VerifyStatusSecretRequest request, ServerCallContext context)
    {
        var complaint = await secrets.FindAsync(request.Reference, request.Secret, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No complaint has this reference and secret."));
        return new VerifiedComplaint
        {
            ComplaintId = complaint.Id.ToString(),
            Reference = complaint.Reference,
            OrganisationCode = complaint.HandlingOrganisationCode,
            CaseId = complaint.CaseId?.ToString() ?? "",
            PostcodeDistrict = Postcodes.District(complaint.Complainant.Postcode) ?? "",
        };
    }
}
