using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves the cases learning knows of, over the request's (or the message's) one <see cref="LearningDbContext"/>.</summary>
public sealed class LearningCaseStore(LearningDbContext db)
{
    /// <summary>The case to change; <c>null</c> when the case service has not announced it.</summary>
    public Task<LearningCase?> FindAsync(Guid caseId, CancellationToken ct) => db.Cases.FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>The case to read only; <c>null</c> when unknown.</summary>
    public Task<LearningCase?> ReadAsync(Guid caseId, CancellationToken ct) => db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseId == caseId, ct);

    /// <summary>True when the case is known.</summary>
    public Task<bool> ExistsAsync(Guid caseId, CancellationToken ct) => db.Cases.AnyAsync(c => c.CaseId == caseId, ct);

    /// <summary>True when the case is known and handled by <paramref name="organisationCode"/>.</summary>
    public Task<bool> ExistsForAsync(Guid caseId, string organisationCode, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.CaseId == caseId && c.OrganisationCode == organisationCode, ct);

    /// <summary>True when the provider already has synthetic demonstration history.</summary>
    public Task<bool> HasSyntheticHistoryAsync(string organisationCode, CancellationToken ct) =>
        db.Cases.AnyAsync(c => c.Synthetic && c.OrganisationCode == organisationCode, ct);

    /// <summary>
    /// Real complaints of the organisation received in the period, coded once and not yet sampled; tracked, as the
    /// chosen ones are marked and saved.
    /// </summary>
    public Task<List<LearningCase>> SampleCandidatesAsync(string organisationCode, DateOnly from, DateOnly to, CancellationToken ct) => db.Cases
        .Where(c => c.OrganisationCode == organisationCode && c.ReceivedOn >= from && c.ReceivedOn <= to && c.SecondCodingRequestedOn == null && !c.Synthetic)
        .Where(c => db.Codings.Count(x => x.CaseId == c.CaseId && x.Subject == CodingSubject.Complaint) == 1)
        .ToListAsync(ct);

    /// <summary>Adds a case, saved with the rest.</summary>
    public void Add(LearningCase known) => db.Cases.Add(known);

    /// <summary>Saves every change, with the outbox messages and audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
