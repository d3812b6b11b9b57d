using Grpc.Core;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Intake.Contracts;

/// <summary>What intake vouches for when a reference and status secret go together.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="CaseId">The case at the organisation handling it, once open.</param>
/// <param name="PostcodeDistrict">The district of the complainant's postcode, when they gave one.</param>
public sealed record ProvenComplaint(Guid ComplaintId, Guid? CaseId, string? PostcodeDistrict);

/// <summary>
/// Asks intake, which alone keeps the status secrets (as hashes), whether a reference and secret go together. No
/// token is forwarded: the complainant has none, and the pair is their proof.
/// </summary>
public sealed class StatusSecretCheck(StatusSecretService.StatusSecretServiceClient intake)
{
    /// <summary>The complaint the pair proves, or <c>null</c> for any other pair.</summary>
    public async Task<ProvenComplaint?> ProveAsync(string reference, string secret, CancellationToken ct)
    {
        try
        {
            var verified = await intake.VerifyStatusSecretAsync(
                new VerifyStatusSecretRequest { Reference = reference, Secret = secret }, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
            return new ProvenComplaint(
                Guid.Parse(verified.ComplaintId),
                Guid.TryParse(verified.CaseId, out var caseId) ? caseId : null,
                string.IsNullOrEmpty(verified.PostcodeDistrict) ? null : verified.PostcodeDistrict);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
