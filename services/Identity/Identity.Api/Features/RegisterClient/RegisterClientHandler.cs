using System.Security.Cryptography;
using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Api.Server;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IcsComplaints.Identity.Api.Features.RegisterClient;

/// <summary>An integration client to register.</summary>
/// <param name="ClientId">Client id.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="OdsCode">The one organisation it acts for.</param>
public sealed record ClientRequest(string? ClientId, string? DisplayName, string? OdsCode);

/// <summary>A registered client and its secret, shown once.</summary>
/// <param name="ClientId">Client id.</param>
/// <param name="ClientSecret">Secret.</param>
public sealed record ClientCreated(string ClientId, string ClientSecret);

/// <summary>Registers an integration system that signs in with client credentials for one organisation.</summary>
public sealed class RegisterClientHandler(AccountStore accounts, IOpenIddictApplicationManager applications)
{
    /// <summary>The client and its secret; a 400 for a bad field, a 409 when the client id is taken.</summary>
    public async Task<ClientCreated> HandleAsync(ClientRequest request, CancellationToken ct)
    {
        var reader = new FieldReader();
        var clientId = request.ClientId?.Trim().ToLowerInvariant() ?? "";
        if (clientId.Length is < 3 or > TextLimits.ClientId || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            reader.Add("clientId", "A client id is 3 to 100 letters, digits, hyphens and dots.");
        }
        else if (ClientRegistration.ServiceClients.ContainsKey(clientId))
        {
            // A platform service's id carries that service's role: an integration system must never be given it.
            reader.Add("clientId", $"{clientId} is the id of one of the platform's own services: choose another.");
        }
        var displayName = reader.Line(request.DisplayName, "displayName", TextLimits.ClientDisplayName);
        var organisation = AccountFields.OdsCode(request.OdsCode) is { } odsCode ? await accounts.FindOrganisationAsync(odsCode, ct) : null;
        if (organisation is null)
        {
            reader.Add("odsCode", "Give the code of an organisation registered here.");
        }
        reader.ThrowIfAny();
        if (await applications.FindByClientIdAsync(clientId, ct) is not null)
        {
            throw new RequestConflictException($"Client {clientId} already exists.");
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName ?? clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenPrincipals.ApiScope },
        }, ct);
        accounts.Add(new ClientOrganisation(clientId, organisation!.OdsCode, [Roles.IntegrationSystem]));
        await accounts.SaveAsync(ct);
        return new ClientCreated(clientId, secret);
    }
}
