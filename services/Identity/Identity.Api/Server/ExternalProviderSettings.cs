using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using IcsComplaints.Identity.Domain.Accounts;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// An OpenID Connect provider the identity service federates sign-in to (section
/// <c>Identity:ExternalProviders:&lt;Name&gt;</c>, for example <c>Cis2</c> or <c>NhsLogin</c>; ADR 20). The name,
/// lower case, is the provider's id: in its callback address, its button, and the links to its subjects.
/// </summary>
public sealed partial class ExternalProviderSettings
{
    /// <summary>Text of its button on the sign-in page ("Sign in with NHS Care Identity Service 2").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The provider's issuer, whose discovery document (<c>/.well-known/openid-configuration</c>) is read. Empty
    /// switches the provider off, so that a deployment can carry its other settings (docker compose does) until it has one.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>True when the provider is offered: it has an <see cref="Authority"/>.</summary>
    public bool IsOn => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The client id this service was registered with at the provider.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret (<c>client_secret_post</c>), when the provider authenticates this client by secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// RSA private key (PEM, or the PEM base64-encoded on one line) for <c>private_key_jwt</c>, which NHS CIS2 and NHS
    /// login require in production: the provider holds its public key. Give this, <see cref="PrivateKeyFile"/> or a
    /// <see cref="ClientSecret"/>, not more than one.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>File holding the PEM private key, when not given inline (a mounted Kubernetes Secret).</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Key id (<c>kid</c>) of the private key, as registered with the provider; optional.</summary>
    public string? PrivateKeyId { get; set; }

    /// <summary>
    /// How the <c>private_key_jwt</c> assertion is written: <c>Rfc7523</c> (default: type <c>JWT</c>, audience the
    /// provider's token endpoint, as NHS CIS2 and NHS login document) or <c>Rfc7523bis</c> (type
    /// <c>client-authentication+jwt</c>, audience the provider's issuer, as newer servers such as OpenIddict 7 require).
    /// </summary>
    public ClientAssertionProfile ClientAssertion { get; set; } = ClientAssertionProfile.Rfc7523;

    /// <summary>Scopes asked for besides <c>openid</c> (NHS login: <c>profile</c>, <c>email</c>; CIS2: <c>email</c>, <c>nationalrbacaccess</c>).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Whom it signs in: <c>Staff</c> (linked accounts only) or <c>Public</c> (a complainant account on first sign-in).</summary>
    public ExternalAudience? Audience { get; set; }

    /// <summary>
    /// Staff only: on a first sign-in, link the account whose user name is the email address the provider says it
    /// verified (<c>email</c> with <c>email_verified</c> true). Off: a platform administrator links every account.
    /// </summary>
    public bool LinkByEmail { get; set; }

    /// <summary>Also read the user info endpoint, for providers that put the email address or name only there.</summary>
    public bool UseUserInfo { get; set; }

    /// <summary>The id a configuration name gives: lower case.</summary>
    public static string IdOf(string name) => name.ToLowerInvariant();

    /// <summary>What is wrong with the provider configured under <paramref name="name"/>, or nothing.</summary>
    public IEnumerable<string> Problems(string name, bool requireHttps)
    {
        var at = $"Identity:ExternalProviders:{name}";
        if (!Name().IsMatch(name))
        {
            yield return $"{at}: a provider's name is a letter then up to 39 letters or digits.";
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (requireHttps && authority.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{at}:Authority must be the provider's absolute{(requireHttps ? " https" : "")} address.";
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{at}:ClientId is required.";
        }
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            yield return $"{at}:DisplayName is required (the text of its button).";
        }
        var credentials = new[] { ClientSecret, PrivateKey, PrivateKeyFile }.Count(c => !string.IsNullOrWhiteSpace(c));
        if (credentials != 1)
        {
            yield return $"{at} needs exactly one of ClientSecret, PrivateKey or PrivateKeyFile.";
        }
        if (Audience is null)
        {
            yield return $"{at}:Audience is required: Staff or Public.";
        }
        if (LinkByEmail && Audience != ExternalAudience.Staff)
        {
            yield return $"{at}:LinkByEmail applies to staff providers only.";
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex Name();
}

/// <summary>How a <c>private_key_jwt</c> client assertion is written (<see cref="ExternalProviderSettings.ClientAssertion"/>).</summary>
public enum ClientAssertionProfile
{
    /// <summary>RFC 7523 and OpenID Connect Core 9: type <c>JWT</c>, audience the token endpoint.</summary>
    Rfc7523 = 1,

    /// <summary>draft-ietf-oauth-rfc7523bis: type <c>client-authentication+jwt</c>, audience the issuer.</summary>
    Rfc7523bis = 2,
}

/// <summary>Refuses to start with an external provider configured wrongly, naming each setting at fault.</summary>
public sealed class ExternalProviderValidation : IValidateOptions<IdentitySettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IdentitySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.ExternalProviders.Where(p => p.Value.IsOn).SelectMany(p => p.Value.Problems(p.Key, options.RequireHttps)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
