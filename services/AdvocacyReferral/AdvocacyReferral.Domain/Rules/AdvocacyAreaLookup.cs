// AdvocacyAreaLookup: the advocacy service is the one the complainant's local authority arranges for its area (LGPIHA 2007 s223A, inserted by HSCA 2012 s185; domain.md §5).
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.Nhs;

namespace IcsComplaints.AdvocacyReferral.Domain.Rules;

/// <summary>The area to find an advocacy service for: a postcode district, a local authority, or both.</summary>
/// <param name="District">Postcode district (outward code), upper case.</param>
/// <param name="Authority">Local authority code, as the directory stores it.</param>
public sealed record AdvocacyArea(string? District, string? Authority);

/// <summary>
/// AdvocacyAreaLookup: each local authority arranges independent NHS complaints advocacy for its area (Local
/// Government and Public Involvement in Health Act 2007 s223A, inserted by the Health and Social Care Act 2012
/// s185; domain.md §5), so the service is found from the complainant's postcode district first, else their local
/// authority.
/// </summary>
public static class AdvocacyAreaLookup
{
    /// <summary>What a caller is told when they name no area.</summary>
    public const string NoArea = "Give a UK postcode (such as SE1 7EH) or a local authority code (such as 710).";

    /// <summary>The area named by a postcode or a local authority code; <c>null</c> when neither names one (<see cref="NoArea"/>).</summary>
    public static AdvocacyArea? Area(string? postcode, string? localAuthorityCode)
    {
        var district = Postcodes.District(postcode);
        var authority = DirectoryCode.Canonical(localAuthorityCode);
        return district is null && authority is null ? null : new AdvocacyArea(district, authority);
    }

    /// <summary>
    /// The service for the area among those covering its district or authority: the district of the complainant's
    /// own address decides when a service covers it; ties go to the lowest code, so the answer never depends on the
    /// order rows are stored in.
    /// </summary>
    public static AdvocacyProvider? Choose(IEnumerable<AdvocacyProvider> candidates, AdvocacyArea area)
    {
        var ordered = candidates.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        return (area.District is null ? null : ordered.FirstOrDefault(p => p.PostcodeDistricts.Contains(area.District, StringComparer.Ordinal)))
            ?? (area.Authority is null ? null : ordered.FirstOrDefault(p => p.LocalAuthorityCodes.Contains(area.Authority, StringComparer.Ordinal)));
    }
}
