using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace IcsComplaints.Platform.Security;

/// <summary>
/// Who is calling, read from the validated access token: the one place endpoints and handlers look for identity,
/// organisation and roles. Minimal API endpoints receive it as a parameter; gRPC services call <see cref="From"/>.
/// </summary>
/// <param name="SubjectId">Stable identifier of the user or client; empty when anonymous.</param>
/// <param name="OrganisationCode">ODS code of the organisation acted for, if any.</param>
/// <param name="OrganisationType">Its type (<see cref="OrganisationTypes"/>).</param>
/// <param name="Roles">Roles in that organisation, plus organisation-free roles.</param>
public sealed record Caller(string SubjectId, string? OrganisationCode, string? OrganisationType, IReadOnlySet<string> Roles)
{
    /// <summary>Nobody signed in.</summary>
    public static readonly Caller Anonymous = new("", null, null, new HashSet<string>());

    /// <summary>True when a token was presented and validated.</summary>
    public bool IsAuthenticated => SubjectId.Length > 0;

    /// <summary>True when the caller has the role.</summary>
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>True when the caller has any of the roles.</summary>
    public bool HasAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>True when the caller acts for the organisation with one of the roles.</summary>
    public bool ActsFor(string? organisationCode, IEnumerable<string> roles) =>
        organisationCode is not null
        && string.Equals(OrganisationCode, organisationCode, StringComparison.OrdinalIgnoreCase)
        && HasAny(roles);

    /// <summary>Reads the caller from a principal.</summary>
    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        return new Caller(
            user.FindFirstValue(IcsClaims.Subject) ?? "",
            user.FindFirstValue(IcsClaims.Organisation)?.ToUpperInvariant(),
            user.FindFirstValue(IcsClaims.OrganisationType),
            user.FindAll(IcsClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Minimal API binding: endpoints take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));
}
