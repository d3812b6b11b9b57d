using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>Reads the caller's organisation's settings (the defaults until changed).</summary>
public sealed class CaseSettingsQueries(Data.CaseDbContext db)
{
    /// <summary>The settings of the caller's organisation.</summary>
    public async Task<OrganisationSettings> GetAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.HasAny(CaseQueries.DetailRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Settings are read by the staff of the organisation.");
        }
        return await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationCode == organisation, ct)
            ?? new OrganisationSettings(organisation);
    }
}
