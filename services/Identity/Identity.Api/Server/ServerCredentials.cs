using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace IcsComplaints.Identity.Api.Server;

/// <summary>
/// Applies the settings OpenIddict needs at run time: issuer, signing and encryption keys, token lifetime, and
/// whether the password grant is allowed. Read lazily so that each environment (and each test host) can set them.
/// </summary>
public sealed class ServerCredentials(IOptions<IdentitySettings> settings, IHostEnvironment environment)
    : IConfigureOptions<OpenIddictServerOptions>, IConfigureOptions<OpenIddictServerAspNetCoreOptions>
{
    /// <summary>True in the development profile: the Development and Testing environments.</summary>
    public static bool IsDevelopmentProfile(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <inheritdoc />
    public void Configure(OpenIddictServerOptions options)
    {
        var s = settings.Value;
        var development = IsDevelopmentProfile(environment);
        if (string.IsNullOrWhiteSpace(s.Issuer))
        {
            throw new InvalidOperationException("Identity:Issuer is not configured (the public address of this service).");
        }
        options.Issuer = new Uri(s.Issuer);
        options.AccessTokenLifetime = s.AccessTokenLifetime;

        if (s.EnablePasswordGrant)
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    $"Identity:EnablePasswordGrant is on in the {environment.EnvironmentName} environment; the password grant exists only in the development profile.");
            }
            options.GrantTypes.Add(OpenIddict.Abstractions.OpenIddictConstants.GrantTypes.Password);
        }

        var pem = s.SigningKey ?? (s.SigningKeyFile is { Length: > 0 } file ? File.ReadAllText(file) : null);
        // A PEM may also come base64-encoded on one line, as environment files (docker compose) need.
        if (pem is not null && !pem.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            pem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(pem.Trim()));
        }
        if (pem is null && !development)
        {
            throw new InvalidOperationException("Identity:SigningKey (or Identity:SigningKeyFile) is required outside the development profile.");
        }
        var rsa = RSA.Create(2048);
        if (pem is not null)
        {
            rsa.ImportFromPem(pem);
        }
        var signingKey = new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa) };
        options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));

        if (s.EncryptionKey is null && !development)
        {
            throw new InvalidOperationException("Identity:EncryptionKey is required outside the development profile.");
        }
        var secret = s.EncryptionKey is null ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(s.EncryptionKey);
        if (secret.Length != 32)
        {
            throw new InvalidOperationException("Identity:EncryptionKey must be 32 bytes, base64-encoded.");
        }
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            new SymmetricSecurityKey(secret), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    /// <inheritdoc />
    public void Configure(OpenIddictServerAspNetCoreOptions options) =>
        options.DisableTransportSecurityRequirement = !settings.Value.RequireHttps;

    // A stable key id (the public key's SHA-256), so services recognise the key across restarts.
    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
}
