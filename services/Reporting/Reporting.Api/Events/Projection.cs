using System.Globalization;
using System.Text.Json;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Reporting.Api.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Events;

/// <summary>
/// Turns events into the read models. The same code runs for a live event and for a rebuild from the event log, and
/// every step is order-independent (fields set by one event each, counts as maxima or sums), so events arriving on
/// separate queues in any order, or replayed in log order, give the same read models. Events for the same fact may
/// also be applied at the same moment (a queue per event, several deliveries of a queue at a time): each fact row is
/// created if missing and locked before it is read (<see cref="FactRows"/>), so the second waits for the first and
/// builds on what it wrote, rather than failing on a duplicate key or overwriting it.
/// </summary>
public static class Projection
{
    /// <summary>Every event type reporting consumes, by its full name (the log's <c>type</c>).</summary>
    public static readonly IReadOnlyDictionary<string, Type> EventTypes = new[]
    {
        typeof(ComplaintSubmitted), typeof(InformalConcernRecorded),
        typeof(CaseOpened), typeof(CaseAcknowledged), typeof(CaseStageChanged), typeof(ResponseDateAgreed), typeof(FinalResponseSent),
        typeof(CaseClosed), typeof(CaseReopened), typeof(CaseReferredToOmbudsman), typeof(CaseCoded), typeof(CaseDeadlineMissed),
        typeof(ExperienceSurveyAnswered), typeof(StaffInvolvedRecorded),
        typeof(ReferralAccepted), typeof(DraftReviewCompleted),
        typeof(ThemeDetected), typeof(ThemeShared), typeof(LearningActionRaised), typeof(LearningActionCompleted),
    }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>Appends the event to the log, written as the outbox writes messages (enums by name), so it reads back for years.</summary>
    public static void Log(ReportingDbContext db, Guid messageId, object message, DateTimeOffset at) =>
        db.EventLog.Add(new LoggedEvent { MessageId = messageId, Type = message.GetType().FullName!, Body = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.JsonOptions), ConsumedAt = at });

    /// <summary>Reads a logged event back.</summary>
    public static object Read(LoggedEvent logged) =>
        JsonSerializer.Deserialize(
            logged.Body, EventTypes.TryGetValue(logged.Type, out var type) ? type : throw new InvalidOperationException($"Unknown event type {logged.Type}"), MessageTypes.JsonOptions)
        ?? throw new InvalidOperationException($"Event {logged.Id} is empty.");

    /// <summary>Applies one event to the read models.</summary>
    public static async Task ApplyAsync(ReportingDbContext db, object message, CancellationToken ct)
    {
        switch (message)
        {
            case ComplaintSubmitted e:
                await LockComplaintAsync(db, e.ComplaintId, ct);
                await FactRows.AddComplaintAsync(db, e.ComplaintId, e.Channel.ToString(), e.Imported, ct);
                // The case may have arrived first (separate queues): give it the channel now.
                foreach (var c in db.Cases.Local.Where(c => c.ComplaintId == e.ComplaintId).Concat(await db.Cases.Where(c => c.ComplaintId == e.ComplaintId).ToListAsync(ct)).Distinct())
                {
                    c.Channel = e.Channel.ToString();
                }
                break;
            case InformalConcernRecorded e:
                db.Concerns.Add(new ConcernFact { OrganisationCode = e.OrganisationCode, ReceivedOn = e.ReceivedOn, Channel = e.Channel.ToString() });
                break;
            case CaseOpened e:
                {
                    await LockComplaintAsync(db, e.ComplaintId, ct);
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.ComplaintId = e.ComplaintId;
                    c.Channel ??= (await db.Complaints.FindAsync([e.ComplaintId], ct))?.Channel;
                    c.OrganisationCode = e.OrganisationCode;
                    c.ReceivedOn = e.ReceivedOn;
                    c.ReceivedMonth = new DateOnly(e.ReceivedOn.Year, e.ReceivedOn.Month, 1);
                    c.AcknowledgementDueBy = e.AcknowledgementDueBy;
                    break;
                }
            case CaseAcknowledged e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.AcknowledgedOn = e.AcknowledgedOn;
                    c.AcknowledgedInTime = e.InTime;
                    break;
                }
            case CaseStageChanged e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    if (e.To == "EarlyResolution" && (c.EarlyResolutionOn is null || e.On < c.EarlyResolutionOn))
                    {
                        c.EarlyResolutionOn = e.On;
                    }
                    if (e.To == "CloserLook" && (c.CloserLookOn is null || e.On < c.CloserLookOn))
                    {
                        c.CloserLookOn = e.On;
                    }
                    break;
                }
            case ResponseDateAgreed e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.Renegotiations = Math.Max(c.Renegotiations, e.Renegotiation);
                    break;
                }
            case FinalResponseSent e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    // A reopened case sends a second response: the first one is what KO41 counts as resolution.
                    if (c.ResponseSentOn is null || e.SentOn < c.ResponseSentOn)
                    {
                        c.ResponseSentOn = e.SentOn;
                        c.Outcome = e.Outcome;
                        c.ResolvedEarly = e.ResolvedEarly;
                        c.WorkingDaysTaken = e.WorkingDaysTaken;
                        c.ByAgreedDate = e.ByAgreedDate;
                        c.WithinBackstop = e.WithinBackstop;
                    }
                    c.Renegotiations = Math.Max(c.Renegotiations, e.Renegotiations);
                    break;
                }
            case CaseClosed e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    if (c.ClosedOn is null || e.ClosedOn >= c.ClosedOn)
                    {
                        c.ClosedOn = e.ClosedOn;
                        c.Closure = e.Closure;
                    }
                    break;
                }
            case CaseReopened e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.Reopened = Math.Max(c.Reopened, e.Count);
                    break;
                }
            case CaseReferredToOmbudsman e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    if (c.OmbudsmanOn is null || e.LearnedOn < c.OmbudsmanOn)
                    {
                        c.OmbudsmanOn = e.LearnedOn;
                    }
                    break;
                }
            case CaseCoded e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.Subjects = [.. e.Subjects];
                    c.ServiceArea = e.ServiceArea;
                    c.Professions = [.. e.Professions];
                    c.ClinicalSubCategories = [.. e.ClinicalSubCategories];
                    c.SiteOdsCode = e.SiteOdsCode;
                    c.AgeBand = e.AgeBand;
                    c.ComplainantStatus = e.ComplainantStatus;
                    break;
                }
            case CaseDeadlineMissed e:
                {
                    var c = await FactRows.CaseAsync(db, e.CaseId, e.OrganisationCode, ct);
                    c.BackstopMissed |= e.Deadline == "Backstop";
                    // A scan that runs twice reports the same missed date twice: recorded once, as first found.
                    await FactRows.AddMissedDeadlineAsync(db, e.CaseId, e.OrganisationCode, e.Deadline, e.DueOn, e.DetectedOn, ct);
                    break;
                }
            case ExperienceSurveyAnswered e:
                var month = DateOnly.ParseExact(e.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var (question, answer) in e.Answers)
                {
                    db.SurveyAnswers.Add(new SurveyAnswer { SurveyId = e.SurveyId, OrganisationCode = e.OrganisationCode, Month = month, Kind = e.Kind, Question = question, Answer = answer });
                }
                break;
            case StaffInvolvedRecorded e:
                {
                    var staff = await FactRows.StaffAsync(db, e.CaseId, e.StaffId, e.OrganisationCode, ct);
                    // Once told, offered support or shown the response, always so: records only gain facts.
                    staff.Told |= e.ToldOn is not null;
                    staff.SupportOffered |= e.SupportOffered;
                    staff.SawFinalResponse |= e.SawFinalResponse;
                    break;
                }
            case ReferralAccepted e:
                // Advocacy names no organisation: a case it reaches first waits for one, and counts nowhere until opened.
                (await FactRows.CaseAsync(db, e.CaseId, organisationCode: "", ct)).Advocacy = true;
                break;
            case DraftReviewCompleted e:
                (await FactRows.CaseAsync(db, e.CaseId, organisationCode: "", ct)).DraftReviews++;
                break;
            case ThemeDetected e:
                {
                    var theme = await FactRows.ThemeAsync(db, e.ThemeId, e.IcbCode, ct);
                    theme.OrganisationCode = e.OrganisationCode ?? "";
                    theme.Dimension = e.Dimension;
                    theme.Code = e.Code;
                    theme.Month = DateOnly.ParseExact(e.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                }
            case ThemeShared e:
                (await FactRows.ThemeAsync(db, e.ThemeId, e.IcbCode, ct)).Shared = true;
                break;
            case LearningActionRaised e:
                (await FactRows.ActionAsync(db, e.ActionId, e.OrganisationCode, ct)).RaisedOn = e.RaisedOn;
                break;
            case LearningActionCompleted e:
                {
                    var action = await FactRows.ActionAsync(db, e.ActionId, e.OrganisationCode, ct);
                    action.CompletedOn = e.CompletedOn;
                    action.Published = e.Published;
                    break;
                }
            default:
                throw new InvalidOperationException($"Reporting does not project {message.GetType().Name}.");
        }
    }

    // ComplaintSubmitted and CaseOpened each complete what the other brought (the channel); on separate queues they
    // may run at the same moment, each blind to the other's uncommitted row. A transaction-scoped lock on the
    // complaint makes the second wait for the first, and then see it.
    private static async Task LockComplaintAsync(ReportingDbContext db, Guid complaintId, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(complaintId.ToByteArray(), 8);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}

/// <summary>Logs an event and projects it, in the inbox's transaction: the log and the read models never disagree.</summary>
/// <typeparam name="T">The event.</typeparam>
public abstract class LoggedConsumer<T>(InboxServices<ReportingDbContext> inbox, TimeProvider time) : IdempotentConsumer<T, ReportingDbContext>(inbox)
    where T : class
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<T> context)
    {
        await ReadModels.HoldOffRebuildAsync(Db, context.CancellationToken);
        Projection.Log(Db, context.MessageId!.Value, context.Message, time.GetUtcNow());
        await Projection.ApplyAsync(Db, context.Message, context.CancellationToken);
    }
}

#pragma warning disable SA1402 // One line per event: a queue each, named after the consumer.
#pragma warning disable CS1591
public sealed class ComplaintSubmittedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ComplaintSubmitted>(i, t);
public sealed class InformalConcernRecordedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<InformalConcernRecorded>(i, t);
public sealed class CaseOpenedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseOpened>(i, t);
public sealed class CaseAcknowledgedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseAcknowledged>(i, t);
public sealed class CaseStageChangedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseStageChanged>(i, t);
public sealed class ResponseDateAgreedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ResponseDateAgreed>(i, t);
public sealed class FinalResponseSentConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<FinalResponseSent>(i, t);
public sealed class CaseClosedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseClosed>(i, t);
public sealed class CaseReopenedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseReopened>(i, t);
public sealed class CaseReferredToOmbudsmanConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseReferredToOmbudsman>(i, t);
public sealed class CaseCodedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseCoded>(i, t);
public sealed class CaseDeadlineMissedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseDeadlineMissed>(i, t);
public sealed class ExperienceSurveyAnsweredConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ExperienceSurveyAnswered>(i, t);
public sealed class StaffInvolvedRecordedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<StaffInvolvedRecorded>(i, t);
public sealed class ReferralAcceptedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ReferralAccepted>(i, t);
public sealed class DraftReviewCompletedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<DraftReviewCompleted>(i, t);
public sealed class ThemeDetectedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ThemeDetected>(i, t);
public sealed class ThemeSharedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ThemeShared>(i, t);
public sealed class LearningActionRaisedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<LearningActionRaised>(i, t);
public sealed class LearningActionCompletedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<LearningActionCompleted>(i, t);
#pragma warning restore CS1591
#pragma warning restore SA1402

/// <summary>Rebuilds every read model from the event log.</summary>
public static class ReadModels
{
    // Consumers and a rebuild exclude each other through one advisory lock, taken before any table is touched: each
    // consumer's transaction shares it, a rebuild holds it alone. Table locks deadlock instead, because a consumer
    // reads the read models before it appends to the log while a rebuild would lock the log before emptying them.
    // The two-key form keeps it apart from the single-key locks taken on complaints.
    private const string ConsumerLock = "SELECT pg_advisory_xact_lock_shared(1380274244, 1)";
    private const string RebuildLock = "SELECT pg_advisory_xact_lock(1380274244, 1)";

    // Built from constants only: no input reaches this statement. Surrogate keys carry on from where they were rather
    // than restart: restarting a sequence takes its owner, and the service runs as a role that owns nothing (ADR 17).
    private static readonly string TruncateReadModels =
        $"TRUNCATE {string.Join(", ", ReportingDbContext.ReadModelTables.Select(t => $"{ReportingDbContext.Schema}.{t}"))}";

    /// <summary>Waits while a rebuild runs, and keeps one from starting until the caller's transaction ends.</summary>
    public static Task HoldOffRebuildAsync(ReportingDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(ConsumerLock, ct);

    /// <summary>
    /// Empties the read models and replays the log in order, in one transaction that first waits for events being
    /// applied and then holds new ones back, so nothing is applied twice or missed. Returns the events replayed.
    /// </summary>
    public static async Task<long> RebuildAsync(ReportingDbContext db, CancellationToken ct, int batch = 5_000)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(RebuildLock, ct);
        await db.Database.ExecuteSqlRawAsync(TruncateReadModels, ct);
        long last = 0, replayed = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var events = await db.EventLog.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
            if (events.Count == 0)
            {
                break;
            }
            foreach (var logged in events)
            {
                await Projection.ApplyAsync(db, Projection.Read(logged), ct);
            }
            await db.SaveChangesAsync(ct);
            last = events[^1].Id;
            replayed += events.Count;
        }
        await transaction.CommitAsync(ct);
        return replayed;
    }
}
