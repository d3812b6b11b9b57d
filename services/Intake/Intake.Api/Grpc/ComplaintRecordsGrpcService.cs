using Grpc.Core;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Grpc;

/// <summary>
/// Contact details of a complainant for another service acting for the user (the case service writing the final
/// response): the user's token is forwarded, so the same read rules and audit apply as to the REST API.
/// </summary>
public sealed class ComplaintRecordsGrpcService(GetComplaintHandler complaints) : ComplaintRecordsService.ComplaintRecordsServiceBase
{
    /// <inheritdoc />
    public override async Task<ComplainantContact> GetComplainantContact(GetComplainantContactRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ComplaintId, out var id))
        {
            throw new IcsComplaints.Validation.RequestValidationException("complaintId", "Give the complaint id as a UUID.");
        }
        var complaint = await complaints.GetAsync(Caller.From(context.GetHttpContext().User), id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such complaint."));
        var person = complaint.Complainant;
        var contact = new ComplainantContact
        {
            Name = person.Name,
            Email = person.Email ?? "",
            ContactPreference = person.ContactPreference?.ToString() ?? "",
            InterpreterLanguage = complaint.Adjustments?.InterpreterLanguage ?? "",
            Postcode = person.Address?.Postcode ?? "",
        };
        if (person.Address is { } address)
        {
            contact.AddressLines.AddRange(new[] { address.Line1, address.Line2, address.Town, address.Postcode }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!));
        }
        contact.Adjustments.AddRange(complaint.Adjustments?.Needs?.Select(n => n ?? "") ?? []);
        return contact;
    }
}
