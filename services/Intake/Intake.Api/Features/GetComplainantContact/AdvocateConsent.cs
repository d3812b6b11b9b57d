using Grpc.Core;
using Grpc.Net.ClientFactory;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;

namespace IcsComplaints.Intake.Api.Features.GetComplainantContact;

/// <summary>
/// Whether the complainant's consent lets the calling advocate's service see a case. The advocacy-referral service
/// holds the consent and is asked each time with the advocate's own token, so revocation takes effect at once. The
/// client is made only when an advocate asks, so an intake that no advocate reaches needs no advocacy address.
/// </summary>
public sealed class AdvocateConsent(GrpcClientFactory clients)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary><c>true</c> when a grant in force for the caller's service covers seeing the case.</summary>
    public async Task<bool> LetsSeeCaseAsync(Guid caseId, string authorization, CancellationToken ct)
    {
        var consents = clients.CreateClient<ConsentService.ConsentServiceClient>(nameof(ConsentService.ConsentServiceClient));
        try
        {
            var grant = await consents.GetActiveGrantAsync(
                new GetActiveGrantRequest { CaseId = caseId.ToString() }, new Metadata { { "authorization", authorization } }, DateTime.UtcNow.Add(Deadline), ct);
            return grant.ViewCase;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return false;
        }
    }
}
