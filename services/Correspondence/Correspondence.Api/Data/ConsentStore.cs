using IcsComplaints.Correspondence.Domain.Consents;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>Loads and saves the advocacy consents announced for each case.</summary>
public sealed class ConsentStore(CorrespondenceDbContext db)
{
    /// <summary>The grant, tracked for change, or <c>null</c> when nothing about it has arrived.</summary>
    public Task<AdvocacyConsent?> FindAsync(Guid grantId, CancellationToken ct) => db.AdvocacyConsents.FirstOrDefaultAsync(c => c.GrantId == grantId, ct);

    /// <summary>Adds a grant not seen before.</summary>
    public void Add(AdvocacyConsent consent) => db.AdvocacyConsents.Add(consent);

    /// <summary>Every grant known for the case.</summary>
    public Task<List<AdvocacyConsent>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        db.AdvocacyConsents.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(ct);

    /// <summary>Every grant known for one advocacy service on the case.</summary>
    public Task<List<AdvocacyConsent>> ForServiceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.AdvocacyConsents.AsNoTracking().Where(c => c.CaseId == caseId && c.AdvocacyServiceCode == advocacyServiceCode).ToListAsync(ct);
}
