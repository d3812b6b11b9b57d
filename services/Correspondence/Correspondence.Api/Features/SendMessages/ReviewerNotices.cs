using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Writes the notices to advocacy services and to the contributing organisations of joint complaints, at the moment
/// each is sent: to a service or team mailbox from settings, never to a person, and naming no one. Whether an
/// advocate may still be told is checked again here against the consent recorded by then
/// (<see cref="AdvocateNotices"/>). The text says where in the portal to act; the portal checks each reader's right.
/// </summary>
public sealed class ReviewerNotices(
    MessageStore store, ConsentStore consents, OrganisationNames organisations, IOptions<CorrespondenceOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly HashSet<string> Templates =
    [
        MessageTemplates.AdvocacyReferral, MessageTemplates.DraftForAdvocateReview, MessageTemplates.DraftReviewClosingToday,
        MessageTemplates.FinalResponseIssued, MessageTemplates.DraftForContributor,
    ];

    /// <summary>Whether the message is one of these notices.</summary>
    public static bool Writes(string template) => Templates.Contains(template);

    /// <summary>Writes the notice, or says why it is not sent.</summary>
    public async Task<WrittenMessage> WriteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Template switch
        {
            MessageTemplates.AdvocacyReferral => await ReferralAsync(message, ct),
            MessageTemplates.DraftForAdvocateReview => await DraftForAdvocateAsync(message, ct),
            MessageTemplates.DraftReviewClosingToday => await ClosingTodayAsync(message, ct),
            MessageTemplates.FinalResponseIssued => await FinalResponseAsync(message, ct),
            MessageTemplates.DraftForContributor => await DraftForContributorAsync(message, ct),
            _ => throw new InvalidOperationException($"No template '{message.Template}'."),
        };
    }

    /// <summary>
    /// A referral (Health and Social Care Act 2012 s185: each local authority arranges independent complaints
    /// advocacy): where to accept or decline it. The complainant's details are in the portal, not in the e-mail.
    /// </summary>
    private async Task<WrittenMessage> ReferralAsync(SentMessage message, CancellationToken ct)
    {
        var (reference, organisation) = await CaseAsync(message, ct);
        var by = message.Fact(ReviewerFacts.RequestedBy) == "Complainant" ? "the complainant" : "the organisation's complaints team";
        return ToAdvocacyService(message,
            $"{Subject(reference)}: referred to your advocacy service",
            $"{Subject(reference)}, handled by {organisation}, was referred to your advocacy service "
                + $"on {Day(message.Fact(ReviewerFacts.RequestedOn))} by {by}, with the complainant's consent.\n\n"
                + $"Accept or decline the referral in the complaints portal: {Page(AdvocateNotices.ReferralsPath)}. "
                + "Who the complainant is and how to contact them are there, not in this e-mail.");
    }

    /// <summary>A draft shared for review, as the complainant agreed (consent to review drafts): the version, the last day, where to read it.</summary>
    private async Task<WrittenMessage> DraftForAdvocateAsync(SentMessage message, CancellationToken ct)
    {
        if (await WhyNotAboutDraftsAsync(message, ct) is { } reason)
        {
            return WrittenMessage.NotSent(reason);
        }
        var (reference, organisation) = await CaseAsync(message, ct);
        var version = message.Fact(ReviewerFacts.Version);
        var windowEnds = Day(message.Fact(ReviewerFacts.WindowEndsOn));
        return ToAdvocacyService(message,
            $"{Subject(reference)}: draft response version {version} to review by {windowEnds}",
            $"{organisation} has shared version {version} of its draft final response to {Case(reference)} with your advocacy "
                + $"service, as the complainant agreed, on {Day(message.Fact(ReviewerFacts.SharedOn))}.\n\n"
                + $"You can read it and comment on it until the end of {windowEnds}, the last day of the review. After that the "
                + "organisation may finish the response without your comments.\n\n"
                + $"Read it in the complaints portal, under Draft reviews: {Page(AdvocateNotices.ReviewsPath)}.");
    }

    /// <summary>
    /// The review window's last day: sent on that day, while the advocate can still comment, unless the review
    /// closed first (the reminder is then withdrawn) or consent ended.
    /// </summary>
    private async Task<WrittenMessage> ClosingTodayAsync(SentMessage message, CancellationToken ct)
    {
        var windowEndsOn = DateOnly.ParseExact(message.Fact(ReviewerFacts.WindowEndsOn), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if ((AdvocateNotices.WhyNoReminder(windowEndsOn, LondonToday()) ?? await WhyNotAboutDraftsAsync(message, ct)) is { } reason)
        {
            return WrittenMessage.NotSent(reason);
        }
        var (reference, organisation) = await CaseAsync(message, ct);
        var version = message.Fact(ReviewerFacts.Version);
        return ToAdvocacyService(message,
            $"{Subject(reference)}: the review of draft version {version} closes today",
            $"The review of version {version} of {organisation}'s draft final response to {Case(reference)} closes today, "
                + $"{Day(message.Fact(ReviewerFacts.WindowEndsOn))}.\n\n"
                + $"If you have comments, add them in the complaints portal before the end of the day: {Page(AdvocateNotices.ReviewsPath)}. "
                + "If you have finished, complete the review there, so that the organisation knows.");
    }

    /// <summary>The final response was sent (Reg 14): sent only while the complainant's consent lets the advocate follow the case.</summary>
    private async Task<WrittenMessage> FinalResponseAsync(SentMessage message, CancellationToken ct)
    {
        var grant = await consents.FindAsync(Guid.Parse(message.Fact(ReviewerFacts.GrantId)), ct);
        if (AdvocateNotices.WhyNotAboutFinalResponse(grant) is { } reason)
        {
            return WrittenMessage.NotSent(reason);
        }
        var (reference, organisation) = await CaseAsync(message, ct);
        return ToAdvocacyService(message,
            $"{Subject(reference)}: the final response has been sent",
            $"{organisation} sent its final response to {Case(reference)} on {Day(message.Fact(ReviewerFacts.SentOn))}. "
                + "The complainant your service supports has been sent the letter.\n\n"
                + "If they are not satisfied with it, they can ask the organisation to look again, or take their complaint to "
                + "the Parliamentary and Health Service Ombudsman, usually within 12 months.\n\n"
                + $"Read the case in the complaints portal for as long as the complainant's consent allows: {Page(AdvocateNotices.ClientsPath)}.");
    }

    /// <summary>
    /// Reg 9 (duty to co-operate, a single co-ordinated response): a contributing organisation's complaints team is
    /// asked for its part of the draft and its comments by the review's last day.
    /// </summary>
    private async Task<WrittenMessage> DraftForContributorAsync(SentMessage message, CancellationToken ct)
    {
        var (reference, organisation) = await CaseAsync(message, ct);
        var version = message.Fact(ReviewerFacts.Version);
        var windowEnds = Day(message.Fact(ReviewerFacts.WindowEndsOn));
        var text =
            $"{organisation} is co-ordinating a single response to {Case(reference)}, which is also about your organisation, and "
            + $"shared version {version} of the draft with your complaints team on {Day(message.Fact(ReviewerFacts.SharedOn))}.\n\n"
            + $"Please add your organisation's part and your comments by {windowEnds}, the last day of the review. Organisations "
            + "in a complaint about more than one of them must co-operate to give one co-ordinated response (Regulation 9 of the "
            + "Local Authority Social Services and National Health Service Complaints (England) Regulations 2009).\n\n"
            + $"Read the draft and add your part in the complaints portal: {Page($"/staff/contributions/{message.CaseId}")}.";
        return options.Value.TeamMailboxOf(message.RecipientCode) is { } mailbox
            ? Email(message, mailbox, $"{Subject(reference)}: your part of the joint response, by {windowEnds}",
                text + "\n\nThe complaints platform sent this to your organisation's complaints team.\n")
            : WrittenMessage.NotSent("No complaints team mailbox is set for the contributing organisation.");
    }

    private async Task<string?> WhyNotAboutDraftsAsync(SentMessage message, CancellationToken ct) =>
        AdvocateNotices.WhyNotAboutDrafts(await consents.ForServiceAsync(message.CaseId ?? Guid.Empty, message.RecipientCode, ct));

    private async Task<(string? Reference, string Organisation)> CaseAsync(SentMessage message, CancellationToken ct)
    {
        var reference = (await store.FindCaseAsync(message.CaseId, ct))?.Reference;
        var name = await organisations.NameOfAsync(message.OrganisationCode, ct);
        return (reference, name == message.OrganisationCode ? name : $"{name} ({message.OrganisationCode})");
    }

    private WrittenMessage ToAdvocacyService(SentMessage message, string subject, string text) =>
        options.Value.AdvocacyMailboxOf(message.RecipientCode) is { } mailbox
            ? Email(message, mailbox, subject,
                text + "\n\nThe complaints platform sent this to your advocacy service's mailbox. It names no one: the complainant's details are in the portal.\n")
            : WrittenMessage.NotSent("No mailbox is set for the advocacy service.");

    private static WrittenMessage Email(SentMessage message, string mailbox, string subject, string text) =>
        new(new OutgoingEmail(message.Id, mailbox, subject, text, null, []), null, LargePrint: false, NotSentReason: null);

    private DateOnly LondonToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    private string Page(string path) => options.Value.PortalPage(path);

    private static string Subject(string? reference) => reference is null ? "A complaint" : $"Complaint {reference}";

    private static string Case(string? reference) => reference is null ? "a complaint" : $"complaint {reference}";

    private static string Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dddd d MMMM yyyy", English);
}
