using Grpc.Core;
using IcsComplaints.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>The intake gRPC service for integrating systems and staff tools; same rules as the REST API.</summary>
[Authorize(Roles = $"{Roles.IntegrationSystem},{Roles.ComplaintsHandler},{Roles.IcbCommissioner}")]
public sealed class IntakeGrpcService(SubmitComplaintHandler handler) : IntakeService.IntakeServiceBase
{
    /// <summary>Metadata key that makes a submission safe to retry.</summary>
    public const string IdempotencyKeyMetadata = "idempotency-key";

    /// <inheritdoc />
    public override async Task<SubmitComplaintResponse> SubmitComplaint(SubmitComplaintRequest request, ServerCallContext context)
    {
        var command = new SubmitComplaintCommand(
            request.OrganisationCode,
            request.ReceivedOn,
            request.Channel == Channel.Unspecified ? null : request.Channel.ToString(),
            request.Complainant is null ? null : new ComplainantInput(request.Complainant.Name, request.Complainant.Email, request.Complainant.Phone),
            request.Description,
            request.Patient is null ? null : new PatientInput(request.Patient.Name, request.Patient.NhsNumber, request.Patient.DateOfBirth));
        var result = await handler.SubmitAsync(
            command, Caller.From(context.GetHttpContext().User), context.RequestHeaders.GetValue(IdempotencyKeyMetadata),
            ComplaintChannel.Integration, context.CancellationToken);
        return new SubmitComplaintResponse { ComplaintId = result.ComplaintId.ToString(), Reference = result.Reference };
    }
}
