using IcsComplaints.Reporting.Domain.Facts;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>
/// Where the projection finds and adds facts, in the unit of work of the event being applied. A fact row that
/// several events build on is created by whichever of them comes first and locked for the rest of the transaction:
/// <c>INSERT … ON CONFLICT DO NOTHING</c> waits for a concurrent insert of the same key to commit instead of failing
/// with a duplicate key (23505); <c>SELECT … FOR UPDATE</c> then makes every other event for the row wait until this
/// one commits, so counts and maxima build on each other rather than being overwritten. A row this unit of work
/// already tracks (an earlier event in the same rebuild batch) is used as it is.
/// </summary>
public sealed class FactStore(ReportingDbContext db)
{
    // Built from constants only: the values are parameters.
    private static readonly string Schema = ReportingDbContext.Schema;

    private static readonly string InsertCase =
        $"INSERT INTO {Schema}.case_facts (case_id, organisation_code, renegotiations, backstop_missed, reopened, advocacy, draft_reviews, subjects, professions, clinical_sub_categories) "
        + "VALUES ({0}, {1}, 0, FALSE, 0, FALSE, 0, '{{}}', '{{}}', '{{}}') ON CONFLICT (case_id) DO NOTHING";

    private static readonly string LockCase = $"SELECT * FROM {Schema}.case_facts WHERE case_id = {{0}} FOR UPDATE";

    private static readonly string InsertStaff =
        $"INSERT INTO {Schema}.staff_facts (case_id, staff_id, organisation_code, told, support_offered, saw_final_response) "
        + "VALUES ({0}, {1}, {2}, FALSE, FALSE, FALSE) ON CONFLICT (case_id, staff_id) DO NOTHING";

    private static readonly string LockStaff = $"SELECT * FROM {Schema}.staff_facts WHERE case_id = {{0}} AND staff_id = {{1}} FOR UPDATE";

    private static readonly string InsertTheme =
        $"INSERT INTO {Schema}.theme_facts (theme_id, icb_code, organisation_code, dimension, code, month, shared) "
        + "VALUES ({0}, {1}, '', '', '', NULL, FALSE) ON CONFLICT (theme_id) DO NOTHING";

    private static readonly string LockTheme = $"SELECT * FROM {Schema}.theme_facts WHERE theme_id = {{0}} FOR UPDATE";

    private static readonly string InsertAction =
        $"INSERT INTO {Schema}.action_facts (action_id, organisation_code, published) VALUES ({{0}}, {{1}}, FALSE) ON CONFLICT (action_id) DO NOTHING";

    private static readonly string LockAction = $"SELECT * FROM {Schema}.action_facts WHERE action_id = {{0}} FOR UPDATE";

    private static readonly string InsertTransfer =
        $"INSERT INTO {Schema}.transfer_facts (complaint_id, icb_code, submitted_to_icb, consent_awaited) VALUES ({{0}}, '', FALSE, FALSE) ON CONFLICT (complaint_id) DO NOTHING";

    private static readonly string LockTransfer = $"SELECT * FROM {Schema}.transfer_facts WHERE complaint_id = {{0}} FOR UPDATE";

    private static readonly string InsertComplaint =
        $"INSERT INTO {Schema}.complaint_facts (complaint_id, channel, imported) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT (complaint_id) DO NOTHING";

    private static readonly string InsertMissedDeadline =
        $"INSERT INTO {Schema}.missed_deadlines (case_id, organisation_code, deadline, due_on, detected_on) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}) "
        + "ON CONFLICT (case_id, deadline, due_on) DO UPDATE SET detected_on = LEAST(missed_deadlines.detected_on, excluded.detected_on)";

    /// <summary>The case's row, created if missing, locked; given its organisation if it was created by an event that names none.</summary>
    public async Task<CaseFact> CaseAsync(Guid caseId, string organisationCode, CancellationToken ct)
    {
        var c = db.Cases.Local.FindEntry(caseId)?.Entity
            ?? await CreateAndLockAsync(db.Cases, InsertCase, [caseId, organisationCode], LockCase, [caseId], ct);
        c.NameOrganisation(organisationCode);
        return c;
    }

    /// <summary>A member of staff's row in a case, created if missing, locked.</summary>
    public async Task<StaffFact> StaffAsync(Guid caseId, long staffId, string organisationCode, CancellationToken ct) =>
        db.Staff.Local.FindEntryUntyped([caseId, staffId])?.Entity
        ?? await CreateAndLockAsync(db.Staff, InsertStaff, [caseId, staffId, organisationCode], LockStaff, [caseId, staffId], ct);

    /// <summary>
    /// A theme's row, created if missing, locked. A theme shared before its detection arrives waits without a month
    /// (<c>null</c>), so no period counts it.
    /// </summary>
    public async Task<ThemeFact> ThemeAsync(Guid themeId, string icbCode, CancellationToken ct) =>
        db.Themes.Local.FindEntry(themeId)?.Entity
        ?? await CreateAndLockAsync(db.Themes, InsertTheme, [themeId, icbCode], LockTheme, [themeId], ct);

    /// <summary>A learning action's row, created if missing, locked.</summary>
    public async Task<ActionFact> ActionAsync(Guid actionId, string organisationCode, CancellationToken ct) =>
        db.Actions.Local.FindEntry(actionId)?.Entity
        ?? await CreateAndLockAsync(db.Actions, InsertAction, [actionId, organisationCode], LockAction, [actionId], ct);

    /// <summary>A complaint's row on the ICB's side of a transfer, created if missing, locked.</summary>
    public async Task<TransferFact> TransferAsync(Guid complaintId, CancellationToken ct) =>
        db.Transfers.Local.FindEntry(complaintId)?.Entity
        ?? await CreateAndLockAsync(db.Transfers, InsertTransfer, [complaintId], LockTransfer, [complaintId], ct);

    /// <summary>Records how a complaint arrived, unless already recorded.</summary>
    public Task AddComplaintAsync(Guid complaintId, string channel, bool imported, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(InsertComplaint, [complaintId, channel, imported], ct);

    /// <summary>How a complaint arrived, if intake's report of it has been recorded.</summary>
    public async Task<string?> ChannelOfAsync(Guid complaintId, CancellationToken ct) => (await db.Complaints.FindAsync([complaintId], ct))?.Channel;

    /// <summary>The cases of a complaint, those this unit of work already holds among them.</summary>
    public async Task<IReadOnlyList<CaseFact>> CasesOfComplaintAsync(Guid complaintId, CancellationToken ct) =>
        [.. db.Cases.Local.Where(c => c.ComplaintId == complaintId).Concat(await db.Cases.Where(c => c.ComplaintId == complaintId).ToListAsync(ct)).Distinct()];

    /// <summary>Records a missed deadline once (case, deadline, due date), found on the earliest day any report gives.</summary>
    public Task AddMissedDeadlineAsync(Guid caseId, string organisationCode, string deadline, DateOnly dueOn, DateOnly detectedOn, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(InsertMissedDeadline, [caseId, organisationCode, deadline, dueOn, detectedOn], ct);

    /// <summary>Adds an everyday concern.</summary>
    public void Add(ConcernFact concern) => db.Concerns.Add(concern);

    /// <summary>The concern intake reported with this identifier, if its report has been recorded.</summary>
    public async Task<ConcernFact?> ConcernAsync(Guid concernId, CancellationToken ct) =>
        // A rebuild replays many events in one unit of work: a concern recorded earlier in the batch is added but not
        // yet in the table, and its becoming a complaint must find it there rather than add it twice.
        db.Concerns.Local.FirstOrDefault(c => c.ConcernId == concernId) ?? await db.Concerns.SingleOrDefaultAsync(c => c.ConcernId == concernId, ct);

    /// <summary>Adds a survey answer.</summary>
    public void Add(SurveyAnswer answer) => db.SurveyAnswers.Add(answer);

    /// <summary>
    /// Makes a second event about the same complaint wait until this unit of work commits, and then see what it
    /// wrote: a transaction-scoped advisory lock keyed on the complaint.
    /// </summary>
    public Task LockComplaintAsync(Guid complaintId, CancellationToken ct) => LockAsync(complaintId, ct);

    /// <summary>The same for the two events about a concern: its recording, and its becoming a complaint.</summary>
    public Task LockConcernAsync(Guid concernId, CancellationToken ct) => LockAsync(concernId, ct);

    private async Task LockAsync(Guid id, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(id.ToByteArray(), 8);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    private async Task<T> CreateAndLockAsync<T>(DbSet<T> set, string insert, object[] values, string select, object[] key, CancellationToken ct)
        where T : class
    {
        await db.Database.ExecuteSqlRawAsync(insert, values, ct);
        return (await set.FromSqlRaw(select, key).ToListAsync(ct)).Single();
    }
}
