using System.Globalization;
using Grpc.Core;
using IcsComplaints.Intake.Api.Features.GetComplainantContact;
using IcsComplaints.Intake.Api.Features.GetComplaintStatement;
using SearchComplaintsHandler = IcsComplaints.Intake.Api.Features.SearchComplaints.SearchComplaintsHandler;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Grpc;

/// <summary>
/// Contact details of a complainant for another service acting for the user (the case service writing the final
/// response, or showing an advocate their client): the user's token is forwarded, so the same read rules and audit
/// apply as to the REST API. The correspondence service reads contact details, and for the written record of an oral
/// complaint what the complainant said, under its own identity with a purpose (ADR 36, 37).
/// </summary>
public sealed class ComplaintRecordsGrpcService(GetComplainantContactHandler contacts, SearchComplaintsHandler search, GetComplaintStatementHandler statements)
    : ComplaintRecordsService.ComplaintRecordsServiceBase
{
    /// <inheritdoc />
    public override async Task<SearchComplaintsResponse> SearchComplaints(SearchComplaintsRequest request, ServerCallContext context)
    {
        var found = await search.SearchAsync(
            Caller.From(context.GetHttpContext().User),
            new Features.SearchComplaints.SearchComplaintsRequest(
                request.Reference, request.Name, request.NhsNumber, request.DateOfBirth, request.State, request.Route, request.Pending ? true : null),
            context.CancellationToken);
        var response = new SearchComplaintsResponse();
        response.Items.AddRange(found.Select(c =>
        {
            var item = new Contracts.Grpc.V1.ComplaintSummary
            {
                Id = c.Id.ToString(),
                Reference = c.Reference,
                OrganisationCode = c.OrganisationCode,
                HandlingOrganisationCode = c.HandlingOrganisationCode,
                ReceivedOn = c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Channel = c.Channel.ToString(),
                State = c.State.ToString(),
                Route = c.Route.ToString(),
                CaseId = c.CaseId?.ToString() ?? "",
                ComplainantName = c.ComplainantName ?? "",
                PatientName = c.PatientName ?? "",
            };
            item.Pending.AddRange(c.Pending);
            return item;
        }));
        return response;
    }

    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override async Task<ComplainantContact> GetComplainantContact(GetComplainantContactRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ComplaintId, out var id))
        {
            throw new IcsComplaints.Validation.RequestValidationException("complaintId", "Give the complaint id as a UUID.");
        }
        var complaint = await contacts.GetAsync(
                Caller.From(context.GetHttpContext().User), id, context.RequestHeaders.GetValue("authorization") ?? "",
                request.Purpose, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such complaint."));
        var person = complaint.Complainant;
        var contact = new ComplainantContact
        {
            Name = person.Name,
            Email = person.Email ?? "",
            Phone = person.Phone ?? "",
            ContactPreference = complaint.ContactPreference?.ToString() ?? "",
            InterpreterLanguage = complaint.InterpreterLanguage ?? "",
            Postcode = person.Address?.Postcode ?? "",
            State = complaint.State.ToString(),
            Route = complaint.Route.ToString(),
        };
        if (person.Address is { } address)
        {
            contact.AddressLines.AddRange(new[] { address.Line1, address.Line2, address.Town, address.Postcode }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!));
        }
        contact.Adjustments.AddRange(complaint.ReasonableAdjustments.Select(a => a.ToString()));
        return contact;
    }

    /// <inheritdoc />
    [AdmitsService(Roles.CorrespondenceService)]
    public override async Task<ComplaintStatement> GetComplaintStatement(GetComplaintStatementRequest request, ServerCallContext context)
    {
        var complaint = await statements.GetAsync(Caller.From(context.GetHttpContext().User), request.ComplaintId, request.Purpose, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such complaint."));
        return new ComplaintStatement
        {
            Description = complaint.Description,
            DesiredOutcome = complaint.DesiredOutcome ?? "",
            Channel = complaint.Channel.ToString(),
            ReceivedOn = complaint.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            WrittenRecordSentOn = complaint.WrittenRecordSentOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            State = complaint.State.ToString(),
        };
    }
}
