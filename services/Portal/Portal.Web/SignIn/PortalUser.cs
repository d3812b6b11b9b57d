using System.Security.Claims;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Portal.Web.SignIn;

/// <summary>
/// Who is signed in, as the identity token describes them (name, role, organisation), and where each kind of user
/// starts. What they may see is still decided by the services, with their access token.
/// </summary>
public static class PortalUser
{
    /// <summary>The roles a signed-in user has, in the order their home page lists them.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        [.. Roles.All.Where(role => user?.HasClaim(IcsClaims.Role, role) == true)];

    /// <summary>The name shown in the header.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user?.FindFirst(IcsClaims.Name)?.Value ?? user?.FindFirst("preferred_username")?.Value ?? "Signed in";

    /// <summary>The organisation the user acts for in this session, if any.</summary>
    public static string? Organisation(ClaimsPrincipal user) => user?.FindFirst(IcsClaims.Organisation)?.Value;

    /// <summary>True for a member of the public signed in to follow their complaints.</summary>
    public static bool IsComplainant(ClaimsPrincipal user) => user?.HasClaim(IcsClaims.Role, Roles.Complainant) == true;

    /// <summary>True for an ICB's commissioner or quality lead, whom reporting lets oversee the providers the ICB commissions.</summary>
    public static bool IsIcbOverseer(ClaimsPrincipal user) =>
        user?.FindFirst(IcsClaims.OrganisationType)?.Value == OrganisationTypes.Icb && RolesOf(user).Any(r => r is Roles.IcbCommissioner or Roles.QualityLead);

    /// <summary>The page a user lands on after signing in.</summary>
    public static string HomePage(ClaimsPrincipal user) => IsComplainant(user) ? "/your-complaints" : "/staff";

    /// <summary>The roles that work on an organisation's cases.</summary>
    private static readonly string[] CaseTeam = [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson];

    /// <summary>The header's navigation for the user's roles: only pages that exist.</summary>
    public static IReadOnlyList<(string Href, string Text)> Navigation(ClaimsPrincipal user)
    {
        if (IsComplainant(user))
        {
            return [("/your-complaints", "Your complaints"), ("/Complain/Start", "Make a complaint")];
        }
        var items = new List<(string, string)> { ("/staff", "Home") };
        var roles = RolesOf(user);
        if (roles.Any(Roles.OrganisationStaff.Contains))
        {
            items.Add(("/staff/complaints", "Complaints"));
            items.Add(("/staff/contributions", "Contributions"));
        }
        // The roles intake lets record a complaint for their organisation.
        if (roles.Any(r => r is Roles.ComplaintsHandler or Roles.IcbCommissioner))
        {
            items.Add(("/staff/record", "Record a complaint"));
            items.Add(("/staff/imports", "Import complaints"));
        }
        // The complaints and PALS team records everyday concerns (intake lets only the complaints handler).
        if (roles.Contains(Roles.ComplaintsHandler))
        {
            items.Add(("/staff/concerns", "Concerns"));
        }
        // Calibration and agreement are governance (the quality lead and the responsible person); learning decides.
        if (roles.Any(r => r is Roles.QualityLead or Roles.ResponsiblePerson))
        {
            items.Add(("/staff/quality", "Quality"));
        }
        if (IsIcbOverseer(user))
        {
            items.Add(("/oversight", "Oversight"));
        }
        if (roles.Contains(Roles.Advocate))
        {
            items.Add(("/advocate", "Referrals"));
            items.Add(("/advocate/clients", "Clients"));
        }
        if (RolesOf(user).Any(CaseTeam.Contains))
        {
            items.Add(("/staff/cases", "Work queue"));
        }
        if (RolesOf(user).Contains(Roles.Advocate))
        {
            items.Add(("/advocate/reviews", "Draft reviews"));
        }
        return items;
    }

    /// <summary>Plain words for a role.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.ComplaintsHandler => "Complaints handler",
        Roles.Investigator => "Investigator",
        Roles.ResponsiblePerson => "Responsible person",
        Roles.IcbCommissioner => "ICB commissioner",
        Roles.Advocate => "Independent complaints advocate",
        Roles.QualityLead => "Quality lead",
        Roles.PlatformAdmin => "Platform administrator",
        Roles.Complainant => "Complainant",
        _ => role,
    };
}
