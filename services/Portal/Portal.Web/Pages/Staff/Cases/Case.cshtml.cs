using System.Globalization;
using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>One event of a case's timeline.</summary>
public sealed record TimelineEvent(DateOnly On, string What, string? Detail);

/// <summary>
/// A case as its team sees it: where it stands, who is on it, the full timeline newest first, and the steps its
/// stage offers, each a link to its own page. Another organisation's case is a 404, as the API answers.
/// </summary>
public sealed class CaseModel(CaseApis apis) : PageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [FromRoute]
    public Guid CaseId { get; set; }

    /// <summary>The step just taken, for the success banner.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<AdvocacyReview> AdvocacyReviews { get; private set; } = [];

    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<CaseStep> Actions { get; private set; } = [];

    /// <summary>
    /// Messages that did not reach the person: every attempt failed, or the delivery receipt says it did not arrive.
    /// Shown above everything else, since someone is waiting for a letter that will not come.
    /// </summary>
    public IReadOnlyList<TimelineEvent> Undelivered { get; private set; } = [];

    /// <summary>Files on the case, oldest first; <c>null</c> when they cannot be read just now.</summary>
    public IReadOnlyList<CaseDocument>? Documents { get; private set; }

    /// <summary>Letters sent about the case whose copy, as sent, is kept: documents on the case too.</summary>
    public IReadOnlyList<SentMessage> LetterCopies { get; private set; } = [];

    /// <summary>True when the correspondence service could not say what was sent: the timeline says so rather than look complete.</summary>
    public bool MessagesUnavailable { get; private set; }

    public string? Banner => CaseSteps.Find(Done)?.Done ?? Done switch
    {
        "response-saved" => "Draft saved. It has not been shared.",
        "response-shared" => "Draft shared for review",
        "document-added" => "Document added",
        "document-waiting" => "Document added. It is being checked for viruses and can be opened once the check is done.",
        "document-quarantined" => "The file was not added: the virus check found a virus in it. It is kept apart and nobody can open it.",
        _ => null,
    };

    /// <summary>True while a response can be drafted.</summary>
    public bool CanDraft => Case.Summary.Stage is "EarlyResolution" or "CloserLook" or "ResponseDrafted" or "Reopened";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var detail = await apis.DetailAsync(CaseId, ct);
        if (detail.Value is not { } found)
        {
            return NotFound();
        }
        Case = found;
        AdvocacyReviews = (await apis.ReviewsAsync(CaseId, ct)).Value?.Items ?? [];
        Actions = [.. CaseSteps.All.Where(s => !s.PerItem && s.Offered(found))];
        // A case correspondence has not heard of yet has sent nothing; any other problem is said on the page.
        var messages = await apis.MessagesAsync(CaseId, ct);
        MessagesUnavailable = messages.Problem is not null && !messages.NotFound;
        Timeline = [.. TimelineOf(found, AdvocacyReviews, messages.Value?.Items ?? [])];
        Undelivered = [.. (messages.Value?.Items ?? []).Where(m => m.Status == "Failed" || m.DeliveryFailed).Select(MessageEvent)];
        LetterCopies = [.. (messages.Value?.Items ?? []).Where(m => m.CopyKept)];
        Documents = (await apis.DocumentsAsync(CaseId, ct)).Value?.Items;
        return Page();
    }

    /// <summary>A day as people read it.</summary>
    public static string Day(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    /// <summary>A deadline with the working days left, or that it was missed or met.</summary>
    public static string Due(DeadlineView d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d switch
        {
            { Done: true, Met: true } => $"{Day(d.DueOn)} (met)",
            { Done: true } => $"{Day(d.DueOn)} (done late)",
            { WorkingDaysLeft: < 0 } => $"{Day(d.DueOn)} (missed by {-d.WorkingDaysLeft} working {(d.WorkingDaysLeft == -1 ? "day" : "days")})",
            { WorkingDaysLeft: 0 } => $"{Day(d.DueOn)} (today)",
            _ => $"{Day(d.DueOn)} ({d.WorkingDaysLeft} working {(d.WorkingDaysLeft == 1 ? "day" : "days")} left)",
        };
    }

    /// <summary>An advocate's verdict on a draft version in words, or <c>null</c> when they gave none.</summary>
    public static string? Verdict(string? verdict, int version) => verdict switch
    {
        "Approved" => $"The advocate approved version {version}",
        "ChangesAsked" => $"The advocate asked for changes to version {version}",
        _ => null,
    };

    /// <summary>A stage or deadline name in words.</summary>
    public static string Words(string? name) => name switch
    {
        null => "",
        "EarlyResolution" => "Early resolution",
        "CloserLook" => "Closer look",
        "ResponseDrafted" => "Response drafted",
        "FinalResponseSent" => "Final response sent",
        "ReferredToOmbudsman" => "Referred to the Ombudsman",
        "PartiallyUpheld" => "Partly upheld",
        "NotUpheld" => "Not upheld",
        _ => name,
    };

    /// <summary>What a message is, in words (the name of its template).</summary>
    public static string MessageName(string template) => template switch
    {
        "deadline-approaching" => "Deadline warning",
        "deadline-missed" => "Missed deadline notice",
        "acknowledgement" => "Acknowledgement letter",
        "advocacy-referral" => "Referral notice",
        "draft-for-advocate-review" or "draft-for-contributor" => "Draft review request",
        "draft-review-closing-today" => "Last-day review reminder",
        "final-response-issued" => "Final response notice",
        "oral-complaint-record" => "Written record of the oral complaint",
        "consent-request" => "Request for consent to share",
        "consent-awaited" => "Consent awaited notice",
        "transfer-notice" => "Transfer notice",
        "final-response" => "Final response letter",
        "early-resolution-confirmation" => "Letter confirming the early resolution",
        "response-date-changed" => "Letter about a new response date",
        "clock-paused" => "Letter saying work is paused",
        "scheduled-update" => "Update letter",
        "survey-invitation" => "Survey invitation",
        "staff-told-of-complaint" => "Notice that the complaint mentions them",
        "final-response-for-staff" => "Copy of the final response",
        _ => char.ToUpperInvariant(template[0]) + template[1..].Replace('-', ' '),
    };

    /// <summary>A message about the case as a line of its timeline, on the day it went (or was queued, while it waits).</summary>
    public static TimelineEvent MessageEvent(SentMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var what = MessageName(m.Template);
        var status = m.Status switch
        {
            "Sent" when m.DeliveryFailed => "sent but did not arrive",
            "Sent" => "sent",
            "Failed" => "could not be sent",
            "NotSent" => "not sent",
            _ => "waiting to be sent",
        };
        var to = m.Recipient switch
        {
            "ComplaintsTeam" => "the complaints team",
            "Complainant" => "the complainant",
            "Advocate" => "the advocate",
            "AdvocacyService" => $"the advocacy service {m.RecipientCode}".TrimEnd(),
            "ContributingOrganisation" => $"the complaints team of {m.RecipientCode ?? "a contributing organisation"}",
            "StaffComplainedAbout" => "a member of staff complained about, at their work address",
            _ => m.Recipient.ToLowerInvariant(),
        };
        var how = m.Channel switch
        {
            "Email" => " by e-mail",
            "Post" => " by post",
            "Sms" => " by text message",
            _ => "",
        };
        var detail = string.Join(" ", new[]
        {
            $"To {to}{how}{(m.LargePrint ? ", in large print" : "")}.",
            m.Reason,
            m.DeliveryFailed ? $"The delivery receipt says {Undeliverable(m.Delivery)}." : null,
            m.Attempts > 1 ? $"{m.Attempts} attempts." : null,
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.SentAt ?? m.QueuedAt, London).DateTime);
        return new TimelineEvent(on, $"{what} {status}", detail);
    }

    // GOV.UK Notify's failure outcomes (ADR 39), as a handler would say them.
    private static string Undeliverable(string? delivery) => delivery switch
    {
        "PermanentFailure" => "the address does not exist or refused it",
        "TemporaryFailure" => "the inbox was full or could not take it for days",
        "TechnicalFailure" => "a technical problem stopped it",
        "ValidationFailed" => "the letter could not be printed as it was",
        "VirusScanFailed" => "the letter's file failed the virus check",
        "Cancelled" => "the letter was cancelled before it was posted",
        _ => "it did not arrive",
    };

    private static List<TimelineEvent> TimelineOf(CaseDetail d, IReadOnlyList<AdvocacyReview> advocacy, IReadOnlyList<SentMessage> messages)
    {
        var events = new List<TimelineEvent> { new(d.Summary.ReceivedOn, "Complaint received", null) };
        if (d.AcknowledgedOn is { } acknowledged)
        {
            events.Add(new(acknowledged, "Acknowledged", d.DiscussionOffered ? "A discussion was offered." : null));
        }
        if (d.DiscussedOn is { } discussed)
        {
            events.Add(new(discussed, "Handling discussed with the complainant", null));
        }
        if (d.CloserLookStartedOn is { } closer)
        {
            events.Add(new(closer, "Closer look started", string.Join(" ", new[] { d.EscalationReason, d.Plan is null ? null : $"Issues: {string.Join("; ", d.Plan.Issues)}." }.Where(x => !string.IsNullOrWhiteSpace(x)))));
        }
        else if (d.EarlyResolutionDueBy is { } early && d.Summary.Stage != "Acknowledged" && d.Summary.Stage != "Received")
        {
            events.Add(new(d.AcknowledgedOn ?? d.Summary.ReceivedOn, "Early resolution chosen", $"Target {Day(early)}."));
        }
        var first = true;
        foreach (var a in d.Agreements ?? [])
        {
            events.Add(new(a.AgreedOn, first ? "Response date agreed" : "Response date renegotiated",
                $"Due by {Day(a.DueBy)}{(a.WithComplainant ? ", with the complainant" : ", set by us: the complainant declined to discuss it")}. {a.Reason}"));
            first = false;
        }
        foreach (var p in d.Pauses ?? [])
        {
            events.Add(new(p.From, "Clock paused", $"{Words(p.Reason)}: {p.Detail}"));
            if (p.Until is { } until)
            {
                events.Add(new(until, "Clock restarted", null));
            }
        }
        foreach (var c in d.Contacts ?? [])
        {
            events.Add(new(c.On, c.IsUpdate ? $"Update given ({c.Channel.ToLowerInvariant()})" : $"Contact {(c.Outgoing ? "made" : "received")} ({c.Channel.ToLowerInvariant()})", c.Summary));
        }
        foreach (var r in d.Reviews ?? [])
        {
            var advocate = advocacy.FirstOrDefault(a => a.Version == r.Version && a.AdvocacyServiceCode == r.ReviewerCode);
            var comments = advocate?.Comments ?? [];
            events.Add(new(r.SharedOn, $"Draft version {r.Version} shared with {r.ReviewerCode} for review", $"Review window ends {Day(r.WindowEndsOn)}."));
            if (r.ClosedOn is { } closed)
            {
                var said = comments.Count == 0 ? (r.ContributorComment ?? "No comments.") : string.Join(" ", comments.Select(m => $"{m.AuthorName ?? r.ReviewerCode} on {m.Section}: \u201c{m.Text}\u201d"));
                // The advocacy service knows the verdict the moment it is given; the case hears it a little later.
                events.Add(new(closed, Verdict(advocate?.Verdict ?? r.Verdict, r.Version) ?? $"Review of draft version {r.Version}: {r.Status.ToLowerInvariant()}", said));
            }
        }
        if (d.Signature is { } s)
        {
            events.Add(new(s.SignedOn, "Final response signed", $"By {s.SignedBy.Name}, {s.Title}{(s.OnBehalfOf is null ? "" : $", for {s.OnBehalfOf}")} (draft version {s.DraftVersion})."));
        }
        if (d.DelayLetterSentOn is { } delay)
        {
            events.Add(new(delay, "Delay letter sent", null));
        }
        if (d.FinalResponseSentOn is { } sent)
        {
            events.Add(d.EarlyResolution is { } early
                ? new(sent, "Resolved early", $"What was discussed: {early.Discussed} What was agreed: {early.Agreed}")
                : new(sent, "Final response sent", null));
        }
        if (d.Summary.ClosedOn is { } closedOn)
        {
            events.Add(new(closedOn, "Case closed", string.Join(", ", new[] { Words(d.Summary.Closure), Words(d.Summary.Outcome) }.Where(x => x.Length > 0))));
        }
        if (d.OmbudsmanReferralLearnedOn is { } ombudsman)
        {
            events.Add(new(ombudsman, "Referred to the Ombudsman", null));
        }
        events.AddRange(messages.Select(MessageEvent));
        // Newest first; on the same day, the later step of the procedure first.
        return [.. events.Select((e, i) => (e, i)).OrderByDescending(x => x.e.On).ThenByDescending(x => x.i).Select(x => x.e)];
    }
}
