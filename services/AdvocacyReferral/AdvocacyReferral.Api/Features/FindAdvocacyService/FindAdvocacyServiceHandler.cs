using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.FindAdvocacyService;

/// <summary>An advocacy service as the API shows it.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Website">Website.</param>
/// <param name="Address">Postal address.</param>
/// <param name="LocalAuthorityCodes">Local authorities covered.</param>
public sealed record AdvocacyServiceView(string Code, string Name, string Phone, string Email, string Website, string Address, IReadOnlyList<string> LocalAuthorityCodes);

/// <summary>Finds the advocacy service for an area, lists them, reads one: public reference data.</summary>
public sealed class FindAdvocacyServiceHandler(AdvocacyDirectoryQueries directory)
{
    /// <summary>The service covering the postcode's district or the local authority, or <c>null</c>.</summary>
    public async Task<AdvocacyServiceView?> FindAsync(string? postcode, string? localAuthorityCode, CancellationToken ct)
    {
        var area = AdvocacyAreaLookup.Area(postcode, localAuthorityCode) ?? throw new RequestValidationException("postcode", AdvocacyAreaLookup.NoArea);
        return AdvocacyAreaLookup.Choose(await directory.CoveringAsync(area, ct), area) is { } found ? View(found) : null;
    }

    /// <summary>Every service.</summary>
    public async Task<IReadOnlyList<AdvocacyServiceView>> ListAsync(CancellationToken ct) => [.. (await directory.ListAsync(ct)).Select(View)];

    /// <summary>One service by code, or <c>null</c>.</summary>
    public async Task<AdvocacyServiceView?> GetAsync(string code, CancellationToken ct) =>
        DirectoryCode.Canonical(code) is { } canonical && await directory.FindAsync(canonical, ct) is { } found ? View(found) : null;

    private static AdvocacyServiceView View(AdvocacyProvider p) => new(p.Code, p.Name, p.Phone, p.Email, p.Website, p.Address, p.LocalAuthorityCodes);
}
