using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.CaseSettings;

/// <summary>Reads the caller's organisation's settings (the defaults until changed).</summary>
public sealed class ReadCaseSettings(CaseStore store)
{
    /// <summary>The settings of the caller's organisation.</summary>
    public async Task<OrganisationSettings> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(CaseQueries.DetailRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Settings are read by the staff of the organisation.");
        }
        return await store.SettingsAsync(organisation, ct) ?? new OrganisationSettings(organisation);
    }
}
