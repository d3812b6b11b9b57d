using Grpc.Core;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Correspondence.Api.Features.ReadContacts;

/// <summary>
/// Reads what the complainant told the organisation, as intake wrote it down, at the moment the written record of an
/// oral complaint is written (Reg 13(2), ADR 37): under the service's own identity and saying which letter it is for,
/// so intake audits the read with its purpose. Nothing read is kept, logged or put in the message.
/// </summary>
public sealed class ComplaintStatements(ComplaintRecordsService.ComplaintRecordsServiceClient intake, ServiceTokenSource tokens)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The statement, or <c>null</c> when intake has no such complaint.</summary>
    public async Task<ComplaintStatement?> ReadAsync(Guid complaintId, string purpose, CancellationToken ct)
    {
        var headers = await tokens.HeadersAsync(ct);
        try
        {
            return await intake.GetComplaintStatementAsync(
                new GetComplaintStatementRequest { ComplaintId = complaintId.ToString(), Purpose = purpose }, headers, DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
