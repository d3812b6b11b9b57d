using Grpc.Core;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Intake.Api.Grpc;

/// <summary>The intake gRPC service for integrating systems and staff tools; same rules as the REST API.</summary>
[Authorize(Roles = $"{Roles.IntegrationSystem},{Roles.ComplaintsHandler},{Roles.IcbCommissioner}")]
public sealed class IntakeGrpcService(SubmitComplaintHandler handler) : IntakeService.IntakeServiceBase
{
    /// <summary>Metadata key that makes a submission safe to retry.</summary>
    public const string IdempotencyKeyMetadata = "idempotency-key";

    /// <inheritdoc />
    public override async Task<SubmitComplaintResponse> SubmitComplaint(SubmitComplaintRequest request, ServerCallContext context)
    {
        var command = ToCommand(request);
        var result = await handler.SubmitAsync(
            command, Caller.From(context.GetHttpContext().User), context.RequestHeaders.GetValue(IdempotencyKeyMetadata),
            Domain.Complaints.ComplaintChannel.Integration, context.CancellationToken);
        return new SubmitComplaintResponse { ComplaintId = result.ComplaintId.ToString(), Reference = result.Reference };
    }

    /// <summary>The request as the handler reads it; an empty proto3 string means "not given".</summary>
    public static SubmitComplaintCommand ToCommand(SubmitComplaintRequest request) => new()
    {
        OrganisationCode = request.OrganisationCode,
        AboutOrganisationCodes = [.. request.AboutOrganisationCodes],
        ReceivedOn = request.ReceivedOn,
        Channel = request.Channel == Channel.Unspecified ? null : request.Channel.ToString(),
        Complainant = request.Complainant is not { } c ? null : new ComplainantInput(c.Name, c.Email, c.Phone)
        {
            Type = c.Type,
            Address = c.Address is not { } a ? null : new AddressInput(a.Line1, a.Line2, a.Town, a.Postcode),
            ContactPreference = c.ContactPreference,
            RelationshipToPatient = c.RelationshipToPatient,
        },
        Representation = request.Representation is not { } r ? null : new RepresentationInput(r.Basis, r.ConsentEvidence, r.ConsentRecordedOn),
        Patient = request.Patient is not { } p ? null : new PatientInput(p.Name, p.NhsNumber, p.DateOfBirth),
        Adjustments = request.Adjustments is not { } adj ? null : new AdjustmentsInput([.. adj.Needs], adj.InterpreterLanguage, adj.Notes),
        EventDate = request.EventDate,
        AwareDate = request.AwareDate,
        WrittenRecordSentOn = request.WrittenRecordSentOn,
        ShareWithProviderConsent = request.ShareWithProviderConsent,
        Description = request.Description,
        DesiredOutcome = request.DesiredOutcome,
        FromConcernId = request.FromConcernId,
    };
}
