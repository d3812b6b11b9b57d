namespace IcsComplaints.AdvocacyReferral.Domain.Directory;

/// <summary>
/// An independent NHS complaints advocacy service, as commissioned by the local authorities whose areas it covers
/// (Local Government and Public Involvement in Health Act 2007 s223A). Its code is the organisation its advocates
/// sign in for.
/// </summary>
public sealed class AdvocacyProvider
{
    private AdvocacyProvider()
    {
    }

    /// <summary>Code (<see cref="DirectoryCode"/>).</summary>
    public string Code { get; private set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Telephone.</summary>
    public string Phone { get; private set; } = "";

    /// <summary>E-mail.</summary>
    public string Email { get; private set; } = "";

    /// <summary>Website.</summary>
    public string Website { get; private set; } = "";

    /// <summary>Postal address.</summary>
    public string Address { get; private set; } = "";

    /// <summary>ODS codes of the local authorities that commission it for their areas.</summary>
    public List<string> LocalAuthorityCodes { get; private set; } = [];

    /// <summary>Postcode districts (outward codes) of those areas, for finding the service from a complainant's address.</summary>
    public List<string> PostcodeDistricts { get; private set; } = [];

    /// <summary>Where the record comes from.</summary>
    public string Source { get; private set; } = "";

    /// <summary>A service newly listed under its code, its details to follow (<see cref="Describe"/>).</summary>
    public static AdvocacyProvider Listed(string code) => new() { Code = code };

    /// <summary>Sets the service's details and the areas it covers, as the directory's source gives them.</summary>
    public void Describe(AdvocacyProviderDetails details)
    {
        Name = details.Name;
        Phone = details.Phone;
        Email = details.Email;
        Website = details.Website;
        Address = details.Address;
        LocalAuthorityCodes = [.. details.LocalAuthorityCodes];
        PostcodeDistricts = [.. details.PostcodeDistricts];
        Source = details.Source;
    }
}

/// <summary>An advocacy service's details as its source lists them.</summary>
/// <param name="Name">Name.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Website">Website.</param>
/// <param name="Address">Postal address.</param>
/// <param name="LocalAuthorityCodes">ODS codes of the local authorities that commission it.</param>
/// <param name="PostcodeDistricts">Postcode districts of their areas, upper case.</param>
/// <param name="Source">Where the record comes from.</param>
public sealed record AdvocacyProviderDetails(
    string Name, string Phone, string Email, string Website, string Address, IReadOnlyList<string> LocalAuthorityCodes,
    IReadOnlyList<string> PostcodeDistricts, string Source);
