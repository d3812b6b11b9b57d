using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.RecordDelivery;

/// <summary>Settings of Notify's callbacks (<c>Correspondence:Notify</c>, beside the channel's own).</summary>
public sealed class NotifyCallbackOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Correspondence:Notify";

    /// <summary>Fewest characters a callback token may have: shorter ones could be guessed.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>
    /// The bearer token set in Notify for its delivery receipts callback; a secret, given by the deployment. Empty (or
    /// shorter than <see cref="MinimumTokenLength"/>): every callback is refused.
    /// </summary>
    public string CallbackToken { get; set; } = "";
}

/// <summary>
/// Whether a callback comes from Notify: it carries, as <c>Authorization: Bearer</c>, the token configured there. The
/// receipts route is anonymous at the platform's level (Notify has no platform token), so this is its one check.
/// </summary>
public sealed class NotifyCallbackToken(IOptions<NotifyCallbackOptions> options)
{
    private const string Bearer = "Bearer ";

    /// <summary>Whether the <c>Authorization</c> header carries the configured token.</summary>
    public bool Admits(string? authorization)
    {
        // A key set to nothing binds as null.
        var configured = options.Value.CallbackToken ?? "";
        if (configured.Length < NotifyCallbackOptions.MinimumTokenLength
            || authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Compared as hashes of equal length in constant time, so neither the token's characters nor its length can
        // be learnt from how long a refusal takes.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Bearer.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
