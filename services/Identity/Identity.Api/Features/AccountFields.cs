using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features;

/// <summary>The fields the administration features read alike: roles from a fixed list, and ODS codes as identity stores them.</summary>
public static class AccountFields
{
    /// <summary>Roles a user may hold in an organisation.</summary>
    public static readonly string[] OrganisationRoles =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson, Roles.IcbCommissioner, Roles.Advocate, Roles.QualityLead];

    /// <summary>Roles a user holds outside any organisation.</summary>
    public static readonly string[] UserRoles = [Roles.PlatformAdmin, Roles.Complainant];

    /// <summary>
    /// The ODS code upper case when it has the shape identity stores (3 to 20 letters and digits, wider than
    /// <c>IcsComplaints.Nhs.OdsCode</c> so that codes registered before stay reachable); otherwise <c>null</c>.
    /// </summary>
    public static string? OdsCode(string? value)
    {
        var code = value?.Trim().ToUpperInvariant() ?? "";
        return code.Length is >= 3 and <= 20 && code.All(char.IsAsciiLetterOrDigit) ? code : null;
    }

    /// <summary>Roles from <paramref name="allowed"/>, each at most once: the roles to store; a problem goes against <paramref name="field"/>.</summary>
    public static List<string> ReadRoles(FieldReader reader, string[]? roles, string[] allowed, string field)
    {
        var given = roles ?? [];
        if (given.Any(r => !allowed.Contains(r, StringComparer.Ordinal)))
        {
            reader.Add(field, "Roles here are: " + string.Join(", ", allowed) + ".");
        }
        else if (given.Distinct(StringComparer.Ordinal).Count() != given.Length)
        {
            reader.Add(field, "Give each role once.");
        }
        return [.. given];
    }
}
