using IcsComplaints.Directory;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Api.Features;

/// <summary>Whose figures a caller may see: its own organisation's, and an ICB's overseers those of the providers it commissions.</summary>
public sealed class ReportingAccess(Commissioning commissioning)
{
    /// <summary>Who reads an organisation's figures: its complaints team, governance and commissioner.</summary>
    public static readonly IReadOnlyList<string> Readers = Roles.OrganisationStaff;

    /// <summary>The organisation asked for (or the caller's own) if the caller may read its figures; otherwise a 403 or 404.</summary>
    public Task<string> OrganisationAsync(Caller caller, string? organisation, CancellationToken ct) =>
        commissioning.ResolveAsync(caller, organisation, Readers, ct);

    /// <summary>The caller's ICB and the providers it commissions, for an ICB's commissioners and quality leads only.</summary>
    public async Task<(string Icb, IReadOnlyCollection<string> Providers)> OverseeAsync(Caller caller, CancellationToken ct)
    {
        if (!Commissioning.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("Oversight across providers is for an ICB's commissioners and quality leads.");
        }
        return (caller.OrganisationCode!, [.. await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct)]);
    }

    /// <summary>The organisations a trend covers: the one asked for, or, for an ICB that names none, its providers together.</summary>
    public async Task<IReadOnlyCollection<string>> TrendScopeAsync(Caller caller, string? organisation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisation) && Commissioning.IsIcbOverseer(caller))
        {
            return [.. await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct)];
        }
        return [await OrganisationAsync(caller, organisation, ct)];
    }
}
