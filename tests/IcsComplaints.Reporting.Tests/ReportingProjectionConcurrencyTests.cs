extern alias reporting;
using System.Reflection;
using System.Text.Json;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Learning.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LoggedConsumer = reporting::IcsComplaints.Reporting.Api.Consumers.LoggedConsumer<object>;

namespace IcsComplaints.Reporting.Tests;

/// <summary>
/// Reporting's consumers run side by side, one queue per event, several messages of a queue at a time; the broker
/// delivers at least once and in no particular order. Each delivery here goes through the real consumer (inbox,
/// event log, projection) in its own scope, called directly so that nothing retries: a delivery that throws fails
/// the test. Organisation, ICB and people codes are used by no other test.
/// </summary>
public sealed class ReportingProjectionConcurrencyTests(ReportingSystem system)
{
    private const int Cases = 12;
    private const int Workers = 16;

    [Fact]
    public async Task EventsDeliveredConcurrently_OutOfOrder_AndRepeatedly_AreEachAppliedOnce_WithoutAFailedDeliveryOrARetry()
    {
        var inOrder = new Scenario("Z9ORDER", "Z9O");
        var concurrent = new Scenario("Z9CONCUR", "Z9C");

        // The reference: every event delivered once, one at a time, in the order the services publish them.
        foreach (var delivery in inOrder.Deliveries)
        {
            await DeliverAsync(delivery);
        }

        // The same events again under other identifiers: each delivered one to three times, shuffled, by sixteen
        // workers released together, so that events for one case race each other and their own duplicates.
        var random = new Random(14);
        var deliveries = concurrent.Deliveries.SelectMany(d => Enumerable.Repeat(d, random.Next(1, 4))).OrderBy(_ => random.Next()).ToList();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<Delivery>(deliveries);
        var start = new TaskCompletionSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            while (queue.TryDequeue(out var delivery))
            {
                try
                {
                    await DeliverAsync(delivery);
                }
                catch (Exception ex)
                {
                    failures.Add($"{delivery.Message.GetType().Name}: {ex.GetType().Name}: {ex.GetBaseException().Message}");
                }
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(workers);

        Assert.True(deliveries.Count > concurrent.Deliveries.Count, "some events were delivered more than once");
        Assert.Empty(failures);
        Assert.Equal(await inOrder.SnapshotAsync(system), await concurrent.SnapshotAsync(system));
        var ids = concurrent.Deliveries.Select(d => d.MessageId).ToList();
        Assert.Equal(concurrent.Deliveries.Count, await system.InReportingDb(db => db.EventLog.CountAsync(e => ids.Contains(e.MessageId))));
    }

    private async Task DeliverAsync(Delivery delivery)
    {
        await using var scope = system.Reporting.Services.CreateAsyncScope();
        await delivery.Deliver(scope.ServiceProvider);
    }

    private sealed record Delivery(Guid MessageId, object Message, Func<IServiceProvider, Task> Deliver);

    /// <summary>Cases taken through the procedure, with learning actions and themes, for one organisation.</summary>
    private sealed class Scenario
    {
        private readonly Dictionary<Guid, string> _names = [];

        public Scenario(string organisation, string icb)
        {
            Organisation = organisation;
            Icb = icb;
            var received = new DateOnly(2018, 3, 1);
            for (var i = 0; i < Cases; i++)
            {
                var caseId = Name(Guid.NewGuid(), $"case {i}");
                var complaintId = Name(Guid.NewGuid(), $"complaint {i}");
                var on = received.AddDays(i);
                Add(new ComplaintSubmitted
                {
                    ComplaintId = complaintId, Reference = "CONC-0000", OrganisationCode = organisation, ReceivedOn = on,
                    Channel = i % 2 == 0 ? ComplaintChannel.Letter : ComplaintChannel.Online, SubmittedAt = DateTimeOffset.UnixEpoch,
                });
                Add(new CaseOpened
                {
                    CaseId = caseId, ComplaintId = complaintId, Reference = "CONC-0000", OrganisationCode = organisation, ReceivedOn = on,
                    AcknowledgementDueBy = on.AddDays(3), OpenedAt = DateTimeOffset.UnixEpoch,
                });
                Add(new CaseAcknowledged { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, AcknowledgedOn = on.AddDays(2), DueBy = on.AddDays(3), InTime = true });
                Add(new CaseStageChanged { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, From = "Assessment", To = "EarlyResolution", On = on.AddDays(3) });
                Add(new CaseStageChanged { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, From = "EarlyResolution", To = "CloserLook", On = on.AddDays(5) });
                Add(new ReferralAccepted { ReferralId = Guid.NewGuid(), CaseId = caseId, AdvocacyServiceCode = "Z9ADV", AcceptedOn = on.AddDays(4) });
                for (var renegotiation = 0; renegotiation <= i % 3; renegotiation++)
                {
                    Add(new ResponseDateAgreed
                    {
                        CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, AgreedOn = on.AddDays(6 + renegotiation), DueBy = on.AddDays(30 + renegotiation),
                        Renegotiation = renegotiation, WithComplainant = true,
                    });
                }
                Add(new StaffInvolvedRecorded { CaseId = caseId, OrganisationCode = organisation, StaffId = 1, SupportOffered = true, SawFinalResponse = false, RecordedOn = on.AddDays(6) });
                Add(new StaffInvolvedRecorded
                {
                    CaseId = caseId, OrganisationCode = organisation, StaffId = 1, ToldOn = on.AddDays(7), SupportOffered = false, SawFinalResponse = true, RecordedOn = on.AddDays(40),
                });
                Add(new DraftReviewCompleted { CaseId = caseId, Version = 1, ReviewerCode = "Z9ADV", Outcome = "Completed", Comments = 2, CompletedOn = on.AddDays(20) });
                Add(new DraftReviewCompleted { CaseId = caseId, Version = 2, ReviewerCode = "Z9ADV", Outcome = "Waived", Comments = 0, CompletedOn = on.AddDays(24) });
                Add(Response(caseId, complaintId, on, sentAfter: 30, outcome: i % 3 == 0 ? "Upheld" : "NotUpheld"));
                Add(new CaseClosed { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, ClosedOn = on.AddDays(31), Closure = "Resolved" });
                Add(new CaseCoded
                {
                    CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, ReceivedOn = on, Subjects = ["Communications"], ServiceArea = "A&E",
                    Professions = ["Medical"], ClinicalSubCategories = [], SiteOdsCode = null, AgeBand = "26-55", ComplainantStatus = "Patient",
                });
                if (i % 2 == 0)
                {
                    // Reopened, answered again and closed again: the first response is the one counted.
                    Add(new CaseReopened { CaseId = caseId, OrganisationCode = organisation, On = on.AddDays(50), Count = 1 });
                    Add(Response(caseId, complaintId, on, sentAfter: 70, outcome: "PartiallyUpheld"));
                    Add(new CaseClosed { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, ClosedOn = on.AddDays(71), Closure = "Resolved" });
                    Add(new CaseReferredToOmbudsman { CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, LearnedOn = on.AddDays(90) });
                }
                // The deadline scan may report the same missed date twice (two scans, two messages, two days).
                foreach (var detectedAfter in new[] { 181, 188 })
                {
                    Add(new CaseDeadlineMissed
                    {
                        CaseId = caseId, ComplaintId = complaintId, OrganisationCode = organisation, Deadline = "Backstop", DueOn = on.AddDays(180),
                        DetectedOn = on.AddDays(detectedAfter),
                    });
                }
                var actionId = Name(Guid.NewGuid(), $"action {i}");
                Add(new LearningActionRaised { ActionId = actionId, OrganisationCode = organisation, CaseId = caseId, RaisedOn = on.AddDays(32), DueOn = on.AddDays(60) });
                Add(new LearningActionCompleted { ActionId = actionId, OrganisationCode = organisation, CompletedOn = on.AddDays(55), DueOn = on.AddDays(60), OnTime = true, Published = i % 2 == 0 });
                var themeId = Name(Guid.NewGuid(), $"theme {i}");
                Add(new ThemeDetected
                {
                    ThemeId = themeId, IcbCode = icb, Scope = "Provider", OrganisationCode = organisation, Dimension = "SubjectArea", Code = "Communications",
                    Month = "2018-03", Observed = 9, Expected = 2.5,
                });
                Add(new ThemeShared { ThemeId = themeId, IcbCode = icb, OrganisationCodes = [organisation], SharedOn = on.AddDays(40) });
            }
        }

        public string Organisation { get; }

        public string Icb { get; }

        public List<Delivery> Deliveries { get; } = [];

        /// <summary>Everything projected for the scenario, identifiers replaced by the scenario's own names so two runs compare.</summary>
        public Task<string> SnapshotAsync(ReportingSystem system) => system.InReportingDb(async db =>
        {
            var cases = await db.Cases.AsNoTracking().Where(c => _names.Keys.Contains(c.CaseId)).ToListAsync();
            var caseIds = cases.Select(c => c.CaseId).ToList();
            var complaintIds = cases.Select(c => c.ComplaintId).ToList();
            var snapshot = new
            {
                Cases = cases.OrderBy(c => _names[c.CaseId], StringComparer.Ordinal).Select(c => JsonSerializer.Serialize(c)
                    .Replace(c.CaseId.ToString(), _names[c.CaseId], StringComparison.Ordinal)
                    .Replace(c.ComplaintId!.Value.ToString(), _names[c.ComplaintId.Value], StringComparison.Ordinal)
                    .Replace(Organisation, "ORG", StringComparison.Ordinal)),
                Complaints = (await db.Complaints.AsNoTracking().Where(k => complaintIds.Contains(k.ComplaintId)).ToListAsync())
                    .Select(k => $"{_names[k.ComplaintId]} {k.Channel} {k.Imported}").Order(StringComparer.Ordinal),
                Missed = (await db.MissedDeadlines.AsNoTracking().Where(m => caseIds.Contains(m.CaseId)).ToListAsync())
                    .Select(m => $"{_names[m.CaseId]} {m.Deadline} {m.DueOn} {m.DetectedOn}").Order(StringComparer.Ordinal),
                Staff = (await db.Staff.AsNoTracking().Where(s => caseIds.Contains(s.CaseId)).ToListAsync())
                    .Select(s => $"{_names[s.CaseId]} {s.StaffId} {s.Told} {s.SupportOffered} {s.SawFinalResponse}").Order(StringComparer.Ordinal),
                Actions = (await db.Actions.AsNoTracking().Where(a => _names.Keys.Contains(a.ActionId)).ToListAsync())
                    .Select(a => $"{_names[a.ActionId]} {a.RaisedOn} {a.CompletedOn} {a.Published}").Order(StringComparer.Ordinal),
                Themes = (await db.Themes.AsNoTracking().Where(t => _names.Keys.Contains(t.ThemeId)).ToListAsync())
                    .Select(t => $"{_names[t.ThemeId]} {t.Dimension} {t.Code} {t.Month} {t.Shared} {t.OrganisationCode == Organisation} {t.IcbCode == Icb}").Order(StringComparer.Ordinal),
            };
            Assert.Equal(Cases, snapshot.Cases.Count());
            return JsonSerializer.Serialize(snapshot);
        });

        private FinalResponseSent Response(Guid caseId, Guid complaintId, DateOnly received, int sentAfter, string outcome) => new()
        {
            CaseId = caseId, ComplaintId = complaintId, OrganisationCode = Organisation, ReceivedOn = received, SentOn = received.AddDays(sentAfter), Outcome = outcome,
            ResolvedEarly = false, WorkingDaysTaken = sentAfter - 8, ByAgreedDate = sentAfter < 40, Renegotiations = 0, WithinBackstop = true,
            UpdatesBeforeOutcome = 1, Findings = 2, FindingsUpheld = outcome == "NotUpheld" ? 0 : 1, Apology = outcome != "NotUpheld", Changes = 0, Remedy = false,
        };

        private Guid Name(Guid id, string name)
        {
            _names[id] = name;
            return id;
        }

        private void Add<T>(T message)
            where T : class
        {
            var messageId = Guid.NewGuid();
            var consumerType = typeof(LoggedConsumer).Assembly.GetTypes()
                .Single(t => t is { IsAbstract: false, BaseType.IsGenericType: true } && t.BaseType.GetGenericTypeDefinition() == typeof(LoggedConsumer).GetGenericTypeDefinition()
                    && t.BaseType.GetGenericArguments()[0] == typeof(T));
            Deliveries.Add(new Delivery(messageId, message, services =>
                ((IConsumer<T>)services.GetRequiredService(consumerType)).Consume(DeliveredContext.Of(message, messageId))));
        }
    }
}

/// <summary>
/// The consume context of one delivery, as the broker would give it: the message, its id, no headers and no retry
/// context (a first attempt). Anything else a consumer asks of it is a test failure.
/// </summary>
public static class DeliveredContext
{
    public static ConsumeContext<T> Of<T>(T message, Guid messageId)
        where T : class
    {
        var context = DispatchProxy.Create<ConsumeContext<T>, DeliveredContextProxy<T>>();
        var proxy = (DeliveredContextProxy<T>)(object)context;
        proxy.Message = message;
        proxy.MessageId = messageId;
        return context;
    }
}

/// <summary>What <see cref="DeliveredContext.Of{T}"/> answers with.</summary>
/// <typeparam name="T">The message.</typeparam>
public class DeliveredContextProxy<T> : DispatchProxy
    where T : class
{
    internal T Message { get; set; } = null!;

    internal Guid MessageId { get; set; }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Message" => Message,
        "get_MessageId" => (Guid?)MessageId,
        "get_CancellationToken" => CancellationToken.None,
        // Unknown, as for a message whose sender set no time: the inbox then records no lag.
        "get_SentTime" => (DateTime?)null,
        "get_Headers" => NoHeaders.Instance,
        "TryGetPayload" => false,
        _ => throw new NotSupportedException($"The test's consume context does not offer {targetMethod?.Name}."),
    };
}

/// <summary>A message without headers.</summary>
public class NoHeaders : DispatchProxy
{
    public static Headers Instance { get; } = DispatchProxy.Create<Headers, NoHeaders>();

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "Get" => args?[1],
        "TryGetHeader" => false,
        _ => throw new NotSupportedException($"The test's headers do not offer {targetMethod?.Name}."),
    };
}
