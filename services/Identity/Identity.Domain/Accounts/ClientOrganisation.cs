namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>The organisation and roles of a system that signs in with client credentials.</summary>
public sealed class ClientOrganisation
{
    /// <summary>Binds a client to the one organisation it acts for.</summary>
    /// <param name="clientId">OAuth client id.</param>
    /// <param name="odsCode">The organisation it acts for.</param>
    /// <param name="roles">Its roles.</param>
    public ClientOrganisation(string clientId, string odsCode, IEnumerable<string> roles)
    {
        ClientId = clientId;
        OdsCode = odsCode;
        Roles = [.. roles];
    }

    // For EF Core, which sets the properties itself.
    private ClientOrganisation()
    {
    }

    /// <summary>OAuth client id.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>The organisation it acts for; it can act for no other.</summary>
    public string OdsCode { get; private set; } = "";

    /// <summary>Its roles.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>The organisation.</summary>
    public Organisation? Organisation { get; private set; }
}
