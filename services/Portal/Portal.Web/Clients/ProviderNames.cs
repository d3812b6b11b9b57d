namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// The names of the providers an ICB commissions, from intake's organisation directory, so that oversight pages say
/// "Demo Hospitals NHS Trust (RJ1)" rather than a bare ODS code. Asked once per request; a code the directory does not
/// know is shown as it is.
/// </summary>
public sealed class ProviderNames(PublicApis apis)
{
    private IReadOnlyDictionary<string, string>? _names;

    /// <summary>"Name (CODE)", or the code alone when its name is not known.</summary>
    public async Task<string> LabelAsync(string? icbCode, string code, CancellationToken ct = default)
    {
        _names ??= await LoadAsync(icbCode, ct);
        return _names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;
    }

    /// <summary>
    /// What an ICB's reports can be of, as (ODS code, "Name (CODE)"): the ICB itself, then the providers it commissions
    /// by name. A trust's sites report within the trust, as reporting counts them, so they are not offered.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, string Label)>> ReportableAsync(string icbCode, CancellationToken ct)
    {
        var own = await apis.OrganisationAsync(icbCode, ct);
        var providers = await apis.ProvidersCommissionedByAsync(icbCode, ct);
        return
        [
            (icbCode, own.Value is { } o ? $"{o.Name} ({icbCode})" : icbCode),
            .. (providers.Value?.Items ?? []).Where(p => p.Type != "trust-site").OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.OdsCode, $"{p.Name} ({p.OdsCode})")),
        ];
    }

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(string? icbCode, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(icbCode))
        {
            return new Dictionary<string, string>();
        }
        var found = await apis.ProvidersCommissionedByAsync(icbCode, ct);
        return (found.Value?.Items ?? []).ToDictionary(o => o.OdsCode, o => o.Name, StringComparer.OrdinalIgnoreCase);
    }
}
