using System.Globalization;
using System.Text.Json;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Facts;

namespace IcsComplaints.Reporting.Api.Features.ProjectEvent;

/// <summary>
/// Turns events into the read models. The same code runs for a live event and for a rebuild from the event log, and
/// every step is order-independent (each fact takes in its events so that order does not matter: see
/// <see cref="CaseFact"/>), so events arriving on separate queues in any order, or replayed in log order, give the
/// same read models. Events for the same fact may also be applied at the same moment (a queue per event, several
/// deliveries of a queue at a time): each fact row is created if missing and locked before it is read
/// (<see cref="FactStore"/>), so the second waits for the first and builds on what it wrote, rather than failing on a
/// duplicate key or overwriting it.
/// </summary>
public static class Projection
{
    /// <summary>Every event type reporting consumes, by its full name (the log's <c>type</c>).</summary>
    public static readonly IReadOnlyDictionary<string, Type> EventTypes = new[]
    {
        typeof(ComplaintSubmitted), typeof(InformalConcernRecorded), typeof(ConcernBecameComplaint),
        typeof(ConsentRecorded), typeof(ComplaintTransferred), typeof(ComplaintWithdrawn), typeof(ComplaintExcluded),
        typeof(CaseOpened), typeof(CaseAcknowledged), typeof(CaseStageChanged), typeof(ResponseDateAgreed), typeof(FinalResponseSent),
        typeof(CaseClosed), typeof(CaseReopened), typeof(CaseReferredToOmbudsman), typeof(CaseCoded), typeof(CaseDeadlineMissed),
        typeof(ExperienceSurveyAnswered), typeof(StaffInvolvedRecorded),
        typeof(ReferralAccepted), typeof(DraftReviewCompleted),
        typeof(ThemeDetected), typeof(ThemeShared), typeof(LearningActionRaised), typeof(LearningActionCompleted),
    }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>The event as the log keeps it, written as the outbox writes messages (enums by name), so it reads back for years.</summary>
    public static LoggedEvent ToLogged(Guid messageId, object message, DateTimeOffset at) =>
        new() { MessageId = messageId, Type = message.GetType().FullName!, Body = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.JsonOptions), ConsumedAt = at };

    /// <summary>Reads a logged event back.</summary>
    public static object Read(LoggedEvent logged) =>
        JsonSerializer.Deserialize(
            logged.Body, EventTypes.TryGetValue(logged.Type, out var type) ? type : throw new InvalidOperationException($"Unknown event type {logged.Type}"), MessageTypes.JsonOptions)
        ?? throw new InvalidOperationException($"Event {logged.Id} is empty.");

    /// <summary>Applies one event to the read models.</summary>
    public static async Task ApplyAsync(FactStore facts, object message, CancellationToken ct)
    {
        switch (message)
        {
            case ComplaintSubmitted e:
                // ComplaintSubmitted and CaseOpened each complete what the other brought (the channel); on separate
                // queues they may run at the same moment, each blind to the other's uncommitted row: the lock on the
                // complaint makes the second wait for the first, and then see it.
                await facts.LockComplaintAsync(e.ComplaintId, ct);
                await facts.AddComplaintAsync(e.ComplaintId, e.Channel.ToString(), e.Imported, ct);
                // The case may have arrived first (separate queues): give it the channel now.
                foreach (var c in await facts.CasesOfComplaintAsync(e.ComplaintId, ct))
                {
                    c.ArrivedThrough(e.Channel.ToString());
                }
                // Made to an ICB about a provider it commissions, for the ICB to transfer or handle (Reg 7).
                if (e.Route is ComplaintRoute.AwaitingConsent or ComplaintRoute.AwaitingRoutingDecision)
                {
                    (await facts.TransferAsync(e.ComplaintId, ct)).ReceiveAtIcb(e.OrganisationCode, e.ReceivedOn, e.Route == ComplaintRoute.AwaitingConsent);
                }
                break;
            case ConsentRecorded e:
                (await facts.TransferAsync(e.ComplaintId, ct)).RecordConsent(e.Given, e.RecordedOn);
                break;
            case ComplaintTransferred e:
                (await facts.TransferAsync(e.ComplaintId, ct)).Transfer(e.FromOrganisationCode, e.ToOrganisationCode, e.ReceivedOn, e.TransferredOn);
                break;
            case ComplaintWithdrawn e:
                (await facts.TransferAsync(e.ComplaintId, ct)).End(e.WithdrawnOn);
                break;
            case ComplaintExcluded e:
                (await facts.TransferAsync(e.ComplaintId, ct)).End(e.ExcludedOn);
                break;
            case InformalConcernRecorded e:
                // Its becoming a complaint may have been reported first, and recorded the concern already.
                await facts.LockConcernAsync(e.ConcernId, ct);
                if (await facts.ConcernAsync(e.ConcernId, ct) is null)
                {
                    facts.Add(new ConcernFact(e.ConcernId, e.OrganisationCode, e.ReceivedOn, e.Channel.ToString()));
                }
                break;
            case ConcernBecameComplaint e:
                {
                    await facts.LockConcernAsync(e.ConcernId, ct);
                    var concern = await facts.ConcernAsync(e.ConcernId, ct);
                    if (concern is null)
                    {
                        concern = new ConcernFact(e.ConcernId, e.OrganisationCode, e.ReceivedOn, e.Channel.ToString());
                        facts.Add(concern);
                    }
                    concern.BecomeComplaint();
                    break;
                }
            case CaseOpened e:
                {
                    await facts.LockComplaintAsync(e.ComplaintId, ct);
                    var c = await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct);
                    c.Open(e.ComplaintId, e.OrganisationCode, e.ReceivedOn, e.AcknowledgementDueBy, c.Channel is null ? await facts.ChannelOfAsync(e.ComplaintId, ct) : null);
                    break;
                }
            case CaseAcknowledged e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).Acknowledge(e.AcknowledgedOn, e.InTime);
                break;
            case CaseStageChanged e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).EnterStage(e.To, e.On);
                break;
            case ResponseDateAgreed e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).AgreeResponseDate(e.Renegotiation);
                break;
            case FinalResponseSent e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct))
                    .SendFinalResponse(e.SentOn, e.Outcome, e.ResolvedEarly, e.WorkingDaysTaken, e.ByAgreedDate, e.WithinBackstop, e.Renegotiations);
                break;
            case CaseClosed e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).Close(e.ClosedOn, e.Closure);
                break;
            case CaseReopened e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).Reopen(e.Count);
                break;
            case CaseReferredToOmbudsman e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).ReferToOmbudsman(e.LearnedOn);
                break;
            case CaseCoded e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct))
                    .Code(e.Subjects, e.ServiceArea, e.Professions, e.ClinicalSubCategories, e.SiteOdsCode, e.AgeBand, e.ComplainantStatus);
                break;
            case CaseDeadlineMissed e:
                (await facts.CaseAsync(e.CaseId, e.OrganisationCode, ct)).MissDeadline(e.Deadline);
                // A scan that runs twice reports the same missed date twice: recorded once, as first found.
                await facts.AddMissedDeadlineAsync(e.CaseId, e.OrganisationCode, e.Deadline, e.DueOn, e.DetectedOn, ct);
                break;
            case ExperienceSurveyAnswered e:
                var month = DateOnly.ParseExact(e.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var (question, answer) in e.Answers)
                {
                    facts.Add(new SurveyAnswer(e.SurveyId, e.OrganisationCode, month, e.Kind, question, answer));
                }
                break;
            case StaffInvolvedRecorded e:
                (await facts.StaffAsync(e.CaseId, e.StaffId, e.OrganisationCode, ct)).Record(e.ToldOn is not null, e.SupportOffered, e.SawFinalResponse);
                break;
            case ReferralAccepted e:
                // Advocacy names no organisation: a case it reaches first waits for one, and counts nowhere until opened.
                (await facts.CaseAsync(e.CaseId, organisationCode: "", ct)).AcceptAdvocacy();
                break;
            case DraftReviewCompleted e:
                (await facts.CaseAsync(e.CaseId, organisationCode: "", ct)).CompleteDraftReview();
                break;
            case ThemeDetected e:
                (await facts.ThemeAsync(e.ThemeId, e.IcbCode, ct))
                    .Detect(e.OrganisationCode, e.Dimension, e.Code, DateOnly.ParseExact(e.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case ThemeShared e:
                (await facts.ThemeAsync(e.ThemeId, e.IcbCode, ct)).Share();
                break;
            case LearningActionRaised e:
                (await facts.ActionAsync(e.ActionId, e.OrganisationCode, ct)).Raise(e.RaisedOn);
                break;
            case LearningActionCompleted e:
                (await facts.ActionAsync(e.ActionId, e.OrganisationCode, ct)).Complete(e.CompletedOn, e.Published);
                break;
            default:
                throw new InvalidOperationException($"Reporting does not project {message.GetType().Name}.");
        }
    }
}
