using Npgsql;
using IcsComplaints.Case.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Data;

/// <summary>Loads and saves cases and organisation settings for the features, over the request's one <see cref="CaseDbContext"/>.</summary>
public sealed class CaseStore(CaseDbContext db)
{
    /// <summary>The case with every record a step may touch; <c>null</c> when there is none.</summary>
    public Task<ComplaintCase?> FindAsync(Guid caseId, CancellationToken ct) => db.Cases
        .Include(x => x.Agreements).Include(x => x.Pauses).Include(x => x.Contacts).Include(x => x.Staff).Include(x => x.Contributions).Include(x => x.Surveys)
        .Include(x => x.Reviews)
        .AsSplitQuery()
        .FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>The case with its surveys only, for a survey answer.</summary>
    public Task<ComplaintCase?> FindWithSurveysAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.Include(x => x.Surveys).FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>The case with its reviews, for a change to one of them.</summary>
    public Task<ComplaintCase?> FindWithReviewsAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.Include(x => x.Reviews).FirstOrDefaultAsync(x => x.Id == caseId, ct);

    /// <summary>Every case of a complaint (one per organisation that handled it), with what an intake decision changes.</summary>
    public Task<List<ComplaintCase>> ForComplaintAsync(Guid complaintId, CancellationToken ct) =>
        db.Cases.Include(c => c.Pauses).Include(c => c.Contributions).AsSplitQuery().Where(c => c.ComplaintId == complaintId).ToListAsync(ct);

    /// <summary>True when a case of the complaint was opened already.</summary>
    public Task<bool> AnyForComplaintAsync(Guid complaintId, CancellationToken ct) => db.Cases.AnyAsync(c => c.ComplaintId == complaintId, ct);

    /// <summary>Adds a case just opened, saved with the rest.</summary>
    public void Add(ComplaintCase opened) => db.Cases.Add(opened);

    /// <summary>Adds a link to a complainant's survey.</summary>
    public void Add(SurveyInvitation invitation) => db.SurveyInvitations.Add(invitation);

    /// <summary>The survey link whose code has this hash; <c>null</c> when there is none.</summary>
    public Task<SurveyInvitation?> SurveyInvitationAsync(byte[] codeHash, CancellationToken ct) =>
        db.SurveyInvitations.FirstOrDefaultAsync(i => i.CodeHash == codeHash, ct);

    /// <summary>Saves a survey answer; false when the same survey was recorded at the same moment by another request.</summary>
    public async Task<bool> TrySaveSurveyAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    /// <summary>An organisation's settings to read; <c>null</c> until it changes the defaults.</summary>
    public Task<OrganisationSettings?> SettingsAsync(string organisationCode, CancellationToken ct) =>
        db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationCode == organisationCode, ct);

    /// <summary>An organisation's settings to change, added with the defaults when it has none yet.</summary>
    public async Task<OrganisationSettings> SettingsToChangeAsync(string organisationCode, CancellationToken ct)
    {
        var settings = await db.OrganisationSettings.FirstOrDefaultAsync(s => s.OrganisationCode == organisationCode, ct);
        if (settings is null)
        {
            settings = new OrganisationSettings(organisationCode);
            db.OrganisationSettings.Add(settings);
        }
        return settings;
    }

    /// <summary>Saves every change, with the outbox messages and audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>Runs <paramref name="work"/> (which may save more than once) in one transaction.</summary>
    public async Task<TResult> InTransactionAsync<TResult>(Func<Task<TResult>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Keeps the current draft as its reviewers read it, once per version, whatever happens to the draft afterwards.</summary>
    public void KeepDraftSnapshot(ComplaintCase c, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (db.DraftSnapshots.Local.All(s => s.CaseId != c.Id || s.Version != c.DraftVersion)
            && !db.DraftSnapshots.Any(s => s.CaseId == c.Id && s.Version == c.DraftVersion))
        {
            db.DraftSnapshots.Add(c.SnapshotDraft(at));
        }
    }
}
