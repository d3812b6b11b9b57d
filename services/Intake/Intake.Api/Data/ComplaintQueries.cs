using IcsComplaints.Intake.Api.Features.SearchComplaints;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>Reads complaints without changing them, for the features that show them.</summary>
public sealed class ComplaintQueries(IntakeDbContext db)
{
    /// <summary>A complaint, or <c>null</c>.</summary>
    public Task<Complaint?> FindAsync(Guid id, CancellationToken ct) => db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The complaint with this reference, or <c>null</c>.</summary>
    public Task<Complaint?> FindByReferenceAsync(string reference, CancellationToken ct) =>
        db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, ct);

    /// <summary>The letters owed on a complaint, oldest first.</summary>
    public async Task<IReadOnlyList<ComplaintNotification>> NotificationsOfAsync(Guid id, CancellationToken ct) =>
        await db.ComplaintNotifications.AsNoTracking().Where(n => n.ComplaintId == id).OrderBy(n => n.Id).ToListAsync(ct);

    /// <summary>
    /// The complaints an organisation received or handles, newest first, filtered by state and route; with
    /// <paramref name="pendingOnly"/>, those waiting for a decision (as <see cref="Complaint.PendingDecisions"/> names them).
    /// </summary>
    public async Task<IReadOnlyList<Complaint>> ListAsync(
        string organisation, string? reference, ComplaintState? state, ComplaintRoute? route, bool pendingOnly, DateOnly? before, int max, CancellationToken ct)
    {
        var query = Filter(OfOrganisation(organisation), reference, state, route, pendingOnly);
        if (before is { } b)
        {
            query = query.Where(c => c.ReceivedOn < b);
        }
        return await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>
    /// The complaints an organisation received or handles that match every criterion of <paramref name="search"/>,
    /// newest first. Each word of the name matches the start of a word of the complainant's or the patient's name
    /// (through the indexed <c>complaint_name_words</c>); the NHS number and date of birth are the patient's.
    /// </summary>
    public async Task<IReadOnlyList<Complaint>> SearchAsync(string organisation, ComplaintSearch search, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Filter(OfOrganisation(organisation), search.Reference, search.State, search.Route, search.PendingOnly);
        foreach (var word in search.NameWords)
        {
            // LIKE 'word%' is what the text_pattern_ops index serves; a normalised word holds no % or _ to escape.
            var prefix = word + "%";
            query = query.Where(c => c.NameWords.Any(n => EF.Functions.Like(n.Word, prefix)));
        }
        if (search.NhsNumber is { } nhs)
        {
            query = query.Where(c => c.PatientNhsNumber == nhs);
        }
        if (search.DateOfBirth is { } born)
        {
            query = query.Where(c => c.PatientDateOfBirth == born);
        }
        return await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Take(max).ToListAsync(ct);
    }

    private IQueryable<Complaint> OfOrganisation(string organisation) =>
        db.Complaints.AsNoTracking().Where(c => c.HandlingOrganisationCode == organisation || c.OrganisationCode == organisation);

    private static IQueryable<Complaint> Filter(IQueryable<Complaint> query, string? reference, ComplaintState? state, ComplaintRoute? route, bool pendingOnly)
    {
        if (reference is not null)
        {
            query = query.Where(c => c.Reference == reference);
        }
        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        if (route is { } r)
        {
            query = query.Where(c => c.Route == r);
        }
        if (pendingOnly)
        {
            query = query.Where(c => c.State == ComplaintState.Open && (
                (c.OutOfTime && c.TimeLimitDecision == null) ||
                (c.BestInterestsDecisionRequired && c.InBestInterests == null) ||
                c.Route == ComplaintRoute.AwaitingConsent || c.Route == ComplaintRoute.AwaitingRoutingDecision || c.Route == ComplaintRoute.Misdirected));
        }
        return query;
    }

    /// <summary>The complaints a signed-in complainant submitted, newest first.</summary>
    public async Task<IReadOnlyList<Complaint>> SubmittedByAsync(string complainantSubjectId, int max, CancellationToken ct) =>
        await db.Complaints.AsNoTracking()
            .Where(c => c.ComplainantSubjectId == complainantSubjectId)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.SubmittedAt)
            .Take(max)
            .ToListAsync(ct);

    /// <summary>The pairs of possible duplicates a complaint is in.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> DuplicatePairsOfAsync(Guid id, CancellationToken ct) =>
        await db.DuplicateCandidates.AsNoTracking().Where(d => d.ComplaintId == id || d.CandidateComplaintId == id).ToListAsync(ct);

    /// <summary>The complaints with these identifiers.</summary>
    public async Task<IReadOnlyList<Complaint>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);

    /// <summary>
    /// Complaints received since <paramref name="since"/> that may be from the same person as <paramref name="complaint"/>:
    /// for each way of knowing the person (same patient NHS number, complainant e-mail, telephone, or name and postcode),
    /// at most <paramref name="mostPerWay"/>, open ones first (<see cref="EitherOr.IsOpen"/>), then the most recent.
    /// </summary>
    /// <remarks>
    /// Each way is one LIMITed branch of a UNION ALL, read backwards along its own index (the identifier, whether the
    /// complaint is open, the day received), so the rows read stay within the limit however many complaints the person
    /// made; the complaints are then read by their keys.
    /// </remarks>
    public async Task<IReadOnlyList<Complaint>> FromSamePersonAsync(Complaint complaint, DateOnly since, int mostPerWay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var nhs = complaint.PatientNhsNumber;
        var email = complaint.Complainant.Email?.ToLowerInvariant();
        var phone = complaint.Complainant.Phone;
        var postcode = complaint.Complainant.Postcode;
        var name = complaint.Complainant.Name.ToLowerInvariant();
        var earlier = db.Complaints.AsNoTracking().Where(c => c.Id != complaint.Id && c.ReceivedOn >= since);
        // ToLower() becomes SQL lower(), which the expression indexes on lower(complainant_email) and
        // lower(complainant_name) serve; the culture-aware and string.Equals forms the analysers prefer do not translate to SQL.
#pragma warning disable CA1304, CA1311, CA1862
        var ways = new List<IQueryable<Guid>>();
        if (nhs is not null)
        {
            ways.Add(OpenFirstThenRecent(earlier.Where(c => c.PatientNhsNumber == nhs), mostPerWay));
        }
        if (email is not null)
        {
            ways.Add(OpenFirstThenRecent(earlier.Where(c => c.Complainant.Email!.ToLower() == email), mostPerWay));
        }
        if (phone is not null)
        {
            ways.Add(OpenFirstThenRecent(earlier.Where(c => c.Complainant.Phone == phone), mostPerWay));
        }
        if (postcode is not null)
        {
            ways.Add(OpenFirstThenRecent(earlier.Where(c => c.Complainant.Postcode == postcode && c.Complainant.Name.ToLower() == name), mostPerWay));
        }
#pragma warning restore CA1304, CA1311, CA1862
        if (ways.Count == 0)
        {
            return [];
        }
        var ids = await ways.Aggregate((all, way) => all.Concat(way)).ToListAsync(ct);
        return await FindAllAsync([.. ids.Distinct()], ct);
    }

    // The order of EitherOr.IsOpen then ReceivedOn, written as the indexes of migration BoundDuplicateDetection are
    // built, so that each branch is read from its index in order and stops at the limit.
    private static IQueryable<Guid> OpenFirstThenRecent(IQueryable<Complaint> complaints, int most) =>
        complaints
            .OrderByDescending(c => c.State == ComplaintState.Open && c.Status != ComplaintStatus.Closed)
            .ThenByDescending(c => c.ReceivedOn)
            .Take(most)
            .Select(c => c.Id);
}
