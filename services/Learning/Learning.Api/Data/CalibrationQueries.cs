using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>The complaints and codings calibration samples, queues and compares.</summary>
public sealed class CalibrationQueries(LearningDbContext db)
{
    /// <summary>Sampled complaints of the organisation coded once, by someone other than <paramref name="subjectId"/>, longest waiting first.</summary>
    public Task<List<LearningCase>> WaitingForSecondCodingAsync(string organisationCode, string subjectId, int max, CancellationToken ct) => db.Cases.AsNoTracking()
        .Where(c => c.OrganisationCode == organisationCode && c.SecondCodingRequestedOn != null)
        .Where(c => db.Codings.Count(x => x.CaseId == c.CaseId && x.Subject == CodingSubject.Complaint) == 1)
        .Where(c => !db.Codings.Any(x => x.CaseId == c.CaseId && x.CoderSubjectId == subjectId))
        .OrderBy(c => c.SecondCodingRequestedOn).ThenBy(c => c.ReceivedOn)
        .Take(max).ToListAsync(ct);

    /// <summary>The complaint codings of the organisations' complaints received in the period.</summary>
    public Task<List<HcatCoding>> ComplaintCodingsAsync(IReadOnlyCollection<string> organisationCodes, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Codings.AsNoTracking()
            .Where(x => organisationCodes.Contains(x.OrganisationCode) && x.Subject == CodingSubject.Complaint)
            .Join(db.Cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to), x => x.CaseId, c => c.CaseId, (x, _) => x)
            .ToListAsync(ct);
}
