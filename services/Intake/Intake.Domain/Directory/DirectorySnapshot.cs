using System.Collections.Frozen;

namespace IcsComplaints.Intake.Domain.Directory;

/// <summary>An immutable view of the organisation directory, as the rules read it.</summary>
public sealed class DirectorySnapshot
{
    private readonly FrozenDictionary<string, DirectoryOrganisation> _byCode;
    private readonly ILookup<string, CommissioningRelationship> _byProvider;
    private readonly ILookup<string, CommissioningRelationship> _byCommissioner;

    /// <summary>Builds the snapshot.</summary>
    public DirectorySnapshot(IEnumerable<DirectoryOrganisation> organisations, IEnumerable<CommissioningRelationship> relationships)
    {
        _byCode = organisations.ToFrozenDictionary(o => o.OdsCode, StringComparer.OrdinalIgnoreCase);
        var all = relationships.ToList();
        _byProvider = all.ToLookup(r => r.ProviderOdsCode, StringComparer.OrdinalIgnoreCase);
        _byCommissioner = all.ToLookup(r => r.CommissionerOdsCode, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every organisation.</summary>
    public IEnumerable<DirectoryOrganisation> Organisations => _byCode.Values;

    /// <summary>The organisation with the code, or <c>null</c>.</summary>
    public DirectoryOrganisation? Find(string? odsCode) =>
        odsCode is not null && _byCode.TryGetValue(odsCode.Trim(), out var organisation) ? organisation : null;

    /// <summary>
    /// The ICBs that commissioned the provider on the day. A trust site takes its trust's commissioners.
    /// </summary>
    public IReadOnlyList<string> CommissionersOf(string providerOdsCode, DateOnly day)
    {
        var provider = Find(providerOdsCode);
        var code = provider?.Kind == OrganisationKind.TrustSite && provider.ParentOdsCode is { } parent ? parent : providerOdsCode;
        return _byProvider[code].Where(r => r.HoldsOn(day)).Select(r => r.CommissionerOdsCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>True when the ICB commissioned the provider on the day.</summary>
    public bool Commissions(string icbOdsCode, string providerOdsCode, DateOnly day) =>
        CommissionersOf(providerOdsCode, day).Contains(icbOdsCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>The providers the ICB commissioned on the day.</summary>
    public IReadOnlyList<string> ProvidersCommissionedBy(string icbOdsCode, DateOnly day) =>
        _byCommissioner[icbOdsCode].Where(r => r.HoldsOn(day)).Select(r => r.ProviderOdsCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The organisation that handles complaints for this one: a site's trust, otherwise itself.</summary>
    public string HandlerOf(string odsCode) =>
        Find(odsCode) is { Kind: OrganisationKind.TrustSite, ParentOdsCode: { } parent } ? parent : odsCode;
}
