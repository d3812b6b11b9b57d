using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Correspondence.Domain.Rules;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>What writing a message came to: an e-mail to send, a letter to post, or a reason to send nothing.</summary>
/// <param name="Mail">The e-mail, when it goes by e-mail.</param>
/// <param name="Letter">The printed letter, when it goes by post.</param>
/// <param name="LargePrint">Whether it carries the large-print letter.</param>
/// <param name="NotSentReason">Why nothing is sent, when neither is given.</param>
/// <param name="Copy">The letter as a PDF, kept as a copy on the case; <c>null</c> for notices that are not letters to the complainant.</param>
public sealed record WrittenMessage(OutgoingEmail? Mail, OutgoingLetter? Letter, bool LargePrint, string? NotSentReason, byte[]? Copy = null)
{
    /// <summary>Nothing is sent, for the reason given.</summary>
    public static WrittenMessage NotSent(string reason, bool largePrint = false) => new(null, null, largePrint, reason);
}

/// <summary>
/// Writes each queued message at the moment it is sent: the recipient's address is read then (for the complaints
/// team, its mailbox from settings; for the complainant, from intake) and is never stored with the message.
/// </summary>
public sealed class MessageWriter(
    MessageStore store, ComplainantLetters complainantLetters, IOptions<CorrespondenceOptions> options, ReviewerNotices reviewerNotices,
    ComplaintLetters complaintLetters, StaffNotices staffNotices)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Writes the message.</summary>
    public async Task<WrittenMessage> WriteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Messages about a complaint before (or without) a case (ADR 37), to the complainant or the ICB's team.
        if (ComplaintLetters.Writes(message.Template))
        {
            return await complaintLetters.WriteAsync(message, ct);
        }
        if (message.RecipientRole == RecipientRole.Complainant)
        {
            return await complainantLetters.WriteAsync(message, ct);
        }
        if (StaffNotices.Writes(message.Template))
        {
            return await staffNotices.WriteAsync(message, ct);
        }
        if (ReviewerNotices.Writes(message.Template))
        {
            return await reviewerNotices.WriteAsync(message, ct);
        }
        var reference = (await store.FindCaseAsync(message.CaseId, ct))?.Reference;
        var deadline = message.Fact(MessageFacts.Deadline);
        var name = DeadlineNotices.Name(deadline);
        return message.Template switch
        {
            MessageTemplates.DeadlineApproaching => ToTeam(message,
                $"{Subject(reference)}: the {name} deadline is {Day(message.Fact(MessageFacts.DueOn))}",
                $"The {name} deadline of {Case(reference)} is {Day(message.Fact(MessageFacts.DueOn))}, "
                    + $"{WorkingDays(message.Fact(MessageFacts.WorkingDaysLeft))} from now.\n\n{DeadlineNotices.BeforeIt(deadline)}"),
            MessageTemplates.DeadlineMissed => ToTeam(message,
                $"{Subject(reference)}: the {name} deadline was missed",
                $"The {name} deadline of {Case(reference)} was {Day(message.Fact(MessageFacts.DueOn))} "
                    + $"and was found missed on {Day(message.Fact(MessageFacts.DetectedOn))}.\n\n{DeadlineNotices.AfterIt(deadline)}"),
            _ => throw new InvalidOperationException($"No template '{message.Template}'."),
        };
    }

    private WrittenMessage ToTeam(SentMessage message, string subject, string text) =>
        options.Value.TeamMailboxOf(message.OrganisationCode) is { } mailbox
            ? new WrittenMessage(
                new OutgoingEmail(message.Id, mailbox, subject,
                    text + "\n\nThe complaints platform sent this to your organisation's complaints team.\n", null, []),
                null, LargePrint: false, NotSentReason: null)
            : WrittenMessage.NotSent("No complaints team mailbox is set for the organisation.");

    private static string Subject(string? reference) => reference is null ? "A complaint" : $"Complaint {reference}";

    private static string Case(string? reference) => reference is null ? "a complaint your team handles" : $"complaint {reference}";

    private static string Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dddd d MMMM yyyy", English);

    private static string WorkingDays(string count) => count == "1" ? "1 working day" : $"{count} working days";
}
