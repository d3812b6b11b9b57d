using System.Globalization;
using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Nhs;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace IcsComplaints.AdvocacyReferral.Api.Directory;

/// <summary>
/// An independent NHS complaints advocacy service, as commissioned by the local authorities whose areas it covers
/// (Local Government and Public Involvement in Health Act 2007 s223A). Its code is the organisation its advocates
/// sign in for.
/// </summary>
public sealed class AdvocacyProvider
{
    /// <summary>Code.</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Telephone.</summary>
    public required string Phone { get; set; }

    /// <summary>E-mail.</summary>
    public required string Email { get; set; }

    /// <summary>Website.</summary>
    public required string Website { get; set; }

    /// <summary>Postal address.</summary>
    public required string Address { get; set; }

    /// <summary>ODS codes of the local authorities that commission it for their areas.</summary>
    public List<string> LocalAuthorityCodes { get; set; } = [];

    /// <summary>Postcode districts (outward codes) of those areas, for finding the service from a complainant's address.</summary>
    public List<string> PostcodeDistricts { get; set; } = [];

    /// <summary>Where the record comes from.</summary>
    public string Source { get; set; } = "";
}

/// <summary>An advocacy service as the API shows it.</summary>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Website">Website.</param>
/// <param name="Address">Postal address.</param>
/// <param name="LocalAuthorityCodes">Local authorities covered.</param>
public sealed record AdvocacyServiceView(string Code, string Name, string Phone, string Email, string Website, string Address, IReadOnlyList<string> LocalAuthorityCodes);

/// <summary>Finds the advocacy service for an area; public reference data.</summary>
public sealed class AdvocacyDirectory(AdvocacyDbContext db)
{
    /// <summary>The service covering the postcode's district or the local authority, or <c>null</c>.</summary>
    public async Task<AdvocacyServiceView?> FindAsync(string? postcode, string? localAuthorityCode, CancellationToken ct)
    {
        var district = Postcodes.District(postcode);
        var authority = Canonical(localAuthorityCode);
        if (district is null && string.IsNullOrEmpty(authority))
        {
            throw new IcsComplaints.Validation.RequestValidationException(
                string.IsNullOrWhiteSpace(postcode) ? "postcode" : "postcode", "Give a UK postcode (such as SE1 7EH) or a local authority code (such as 710).");
        }
        var providers = db.AdvocacyProviders.AsNoTracking().OrderBy(p => p.Code);
        var found = (district is null ? null : await providers.FirstOrDefaultAsync(p => p.PostcodeDistricts.Contains(district), ct))
            ?? (string.IsNullOrEmpty(authority) ? null : await providers.FirstOrDefaultAsync(p => p.LocalAuthorityCodes.Contains(authority), ct));
        return found is null ? null : View(found);
    }

    /// <summary>Every service.</summary>
    public async Task<IReadOnlyList<AdvocacyServiceView>> ListAsync(CancellationToken ct) =>
        [.. (await db.AdvocacyProviders.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(View)];

    /// <summary>One service by code, or <c>null</c>.</summary>
    public async Task<AdvocacyServiceView?> GetAsync(string code, CancellationToken ct)
    {
        var canonical = Canonical(code);
        return canonical is null ? null : await db.AdvocacyProviders.AsNoTracking().FirstOrDefaultAsync(p => p.Code == canonical, ct) is { } p ? View(p) : null;
    }

    // Codes (services', local authorities') are letters and digits, stored upper case; anything else names nothing here.
    private static string? Canonical(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= 12 } && trimmed.All(char.IsAsciiLetterOrDigit) ? trimmed : null;
    }

    private static AdvocacyServiceView View(AdvocacyProvider p) => new(p.Code, p.Name, p.Phone, p.Email, p.Website, p.Address, p.LocalAuthorityCodes);
}

/// <summary>Loads the advocacy directory from the embedded data file during <c>migrate</c>; rows are upserted by code.</summary>
public sealed class AdvocacyDirectorySeed : IDeploymentStep
{
    /// <inheritdoc />
    public string Name => "advocacy directory";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdvocacyDbContext>();
        var existing = await db.AdvocacyProviders.ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        using var stream = typeof(AdvocacyDirectorySeed).Assembly.GetManifestResourceStream("advocacy/advocacy-services.csv")
            ?? throw new InvalidOperationException("The embedded advocacy directory is missing.");
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        foreach (var row in reader)
        {
            var code = row["code"].ToString().Trim().ToUpperInvariant();
            if (!existing.TryGetValue(code, out var provider))
            {
                provider = new AdvocacyProvider { Code = code, Name = "", Phone = "", Email = "", Website = "", Address = "" };
                db.AdvocacyProviders.Add(provider);
                existing[code] = provider;
            }
            provider.Name = row["name"].ToString();
            provider.Phone = row["phone"].ToString();
            provider.Email = row["email"].ToString();
            provider.Website = row["website"].ToString();
            provider.Address = row["address"].ToString();
            provider.LocalAuthorityCodes = [.. row["local_authority_codes"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            provider.PostcodeDistricts = [.. row["postcode_districts"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToUpper(CultureInfo.InvariantCulture))];
            provider.Source = row["source"].ToString();
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
