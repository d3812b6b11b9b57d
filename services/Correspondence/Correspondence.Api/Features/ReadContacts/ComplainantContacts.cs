using Grpc.Core;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Correspondence.Api.Features.ReadContacts;

/// <summary>
/// Reads a complainant's contact details from intake at the moment a letter is sent, under the service's own
/// identity and saying which letter it is for, so intake audits the read with its purpose. Nothing read is kept.
/// </summary>
public sealed class ComplainantContacts(ComplaintRecordsService.ComplaintRecordsServiceClient intake, ServiceTokenSource tokens)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The details, or <c>null</c> when intake has no such complaint.</summary>
    public async Task<ComplainantContact?> ReadAsync(Guid complaintId, string purpose, CancellationToken ct)
    {
        var headers = await tokens.HeadersAsync(ct);
        try
        {
            return await intake.GetComplainantContactAsync(
                new GetComplainantContactRequest { ComplaintId = complaintId.ToString(), Purpose = purpose }, headers, DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary>The organisation's name for a letterhead, from intake's public directory (no token: it is public).</summary>
public sealed class OrganisationNames(OrganisationDirectoryService.OrganisationDirectoryServiceClient directory)
{
    /// <summary>The name, or the ODS code when the directory does not know it.</summary>
    public async Task<string> NameOfAsync(string odsCode, CancellationToken ct)
    {
        try
        {
            var found = await directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = odsCode }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
            return found.Organisation.Name;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return odsCode;
        }
    }
}
