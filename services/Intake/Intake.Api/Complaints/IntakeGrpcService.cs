using Grpc.Core;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>The intake gRPC service for integrating systems; same rules as the REST API.</summary>
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
            request.Description);
        var result = await handler.SubmitAsync(
            command, context.RequestHeaders.GetValue(IdempotencyKeyMetadata), ComplaintChannel.Integration, context.CancellationToken);
        return new SubmitComplaintResponse { ComplaintId = result.ComplaintId.ToString(), Reference = result.Reference };
    }
}
