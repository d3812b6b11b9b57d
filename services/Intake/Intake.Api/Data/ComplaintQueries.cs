using IcsComplaints.Intake.Api.Features.SearchComplaints;
using IcsComplaints.Intake.Domain.Complaints;
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
        await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);

    /// <summary>
    /// Complaints received since <paramref name="since"/> that may be from the same person as <paramref name="complaint"/>
    /// (same patient NHS number, complainant e-mail, telephone, or name and postcode), newest first, at most 50.
    /// </summary>
    public async Task<IReadOnlyList<Complaint>> FromSamePersonAsync(Complaint complaint, DateOnly since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var nhs = complaint.PatientNhsNumber;
        var email = complaint.Complainant.Email?.ToLowerInvariant();
        var phone = complaint.Complainant.Phone;
        var postcode = complaint.Complainant.Postcode;
        var name = complaint.Complainant.Name.ToLowerInvariant();
        if (nhs is null && email is null && phone is null && postcode is null)
        {
            return [];
        }
        // ToLower() becomes SQL lower(), which the expression index on lower(complainant_email) serves; the culture-aware
        // and string.Equals forms the analysers prefer do not translate to SQL.
#pragma warning disable CA1304, CA1311, CA1862
        return await db.Complaints.AsNoTracking()
            .Where(c => c.Id != complaint.Id && c.ReceivedOn >= since && (
                (nhs != null && c.PatientNhsNumber == nhs) ||
                (email != null && c.Complainant.Email!.ToLower() == email) ||
                (phone != null && c.Complainant.Phone == phone) ||
                (postcode != null && c.Complainant.Postcode == postcode && c.Complainant.Name.ToLower() == name)))
            .OrderByDescending(c => c.ReceivedOn)
            .Take(50)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
