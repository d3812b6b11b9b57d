using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Loads and saves referrals and the consent grants they came with.</summary>
public sealed class ReferralStore(AdvocacyDbContext db)
{
    /// <summary>The referral, or <c>null</c>.</summary>
    public Task<Referral?> FindAsync(Guid referralId, CancellationToken ct) => db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);

    /// <summary>The grant the referral came with.</summary>
    public Task<ConsentGrant> GrantOfAsync(Referral referral, CancellationToken ct) => db.Grants.FirstAsync(g => g.Id == referral.GrantId, ct);

    /// <summary>The grant, or <c>null</c>.</summary>
    public Task<ConsentGrant?> FindGrantAsync(Guid grantId, CancellationToken ct) => db.Grants.FirstOrDefaultAsync(g => g.Id == grantId, ct);

    /// <summary>True when a grant for the service is in force on the case.</summary>
    public Task<bool> HasGrantInForceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.Grants.Where(ConsentScope.InForce).AnyAsync(g => g.CaseId == caseId && g.AdvocacyServiceCode == advocacyServiceCode, ct);

    /// <summary>True when a grant for the service to review drafts is in force on the case.</summary>
    public Task<bool> HasDraftsGrantInForceAsync(Guid caseId, string advocacyServiceCode, CancellationToken ct) =>
        db.Grants.Where(ConsentScope.InForceForDrafts).AnyAsync(g => g.CaseId == caseId && g.AdvocacyServiceCode == advocacyServiceCode, ct);

    /// <summary>The grants in force on the case, tracked for change.</summary>
    public Task<List<ConsentGrant>> GrantsInForceAsync(Guid caseId, CancellationToken ct) =>
        db.Grants.Where(ConsentScope.InForce).Where(g => g.CaseId == caseId).ToListAsync(ct);

    /// <summary>The referrals of the case, tracked for change.</summary>
    public Task<List<Referral>> ReferralsOfCaseAsync(Guid caseId, CancellationToken ct) => db.Referrals.Where(r => r.CaseId == caseId).ToListAsync(ct);

    /// <summary>The referrals that came with the grant, tracked for change.</summary>
    public Task<List<Referral>> ReferralsOfGrantAsync(Guid grantId, CancellationToken ct) => db.Referrals.Where(r => r.GrantId == grantId).ToListAsync(ct);

    /// <summary>Keeps a new referral with its grant.</summary>
    public void Add(ConsentGrant grant, Referral referral)
    {
        db.Grants.Add(grant);
        db.Referrals.Add(referral);
    }

    /// <summary>Saves the changes, with the audit records and outbox messages of the same unit of work.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>
    /// Saves like <see cref="SaveAsync"/>, unless a grant in force for the same case and service was written first by
    /// a request running at the same moment (a double-submitted form): then nothing is written, what was not saved
    /// is forgotten, and the answer is <c>false</c>.
    /// </summary>
    public async Task<bool> SaveUnlessGrantedMeanwhileAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OneGrantInForce })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    // The unique index on consent_grants (case_id, advocacy_service_code) where ended_on is null.
    private const string OneGrantInForce = "ix_consent_grants_case_id_advocacy_service_code";
}
