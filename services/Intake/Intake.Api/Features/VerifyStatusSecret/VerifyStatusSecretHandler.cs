using System.Security.Cryptography;
using System.Text;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Api.Features.VerifyStatusSecret;

/// <summary>
/// The complaint whose reference and status secret (given once, when it was submitted online) the caller holds:
/// the proof a complainant without an account gives to follow their complaint or act on it. <c>null</c> for any
/// other pair, in the same time whether or not the reference exists.
/// </summary>
public sealed class VerifyStatusSecretHandler(ComplaintQueries queries)
{
    /// <summary>Longest secret looked at: the ones issued are far shorter, and hashing a huge one is wasted work.</summary>
    private const int MaxSecretLength = 100;

    /// <summary>The complaint, read only, or <c>null</c>.</summary>
    public async Task<Complaint?> FindAsync(string? reference, string? secret, CancellationToken ct)
    {
        var canonical = ComplaintReference.Normalise(reference);
        if (canonical is null || string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength)
        {
            return null;
        }
        var complaint = await queries.FindByReferenceAsync(canonical, ct);
        var expected = Encoding.ASCII.GetBytes(complaint?.StatusSecretHash ?? "");
        var given = Encoding.ASCII.GetBytes(SubmitComplaintHandler.HashSecret(secret));
        return complaint?.StatusSecretHash is not null && CryptographicOperations.FixedTimeEquals(expected, given) ? complaint : null;
    }
}
