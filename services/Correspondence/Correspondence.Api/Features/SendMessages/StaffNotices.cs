using System.Globalization;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Api.Features.QueueMessages;
using IcsComplaints.Correspondence.Api.Features.ReadContacts;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Letters;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Correspondence.Api.Features.SendMessages;

/// <summary>
/// Writes to the staff complained about (NHS Complaint Standards: told early, offered support, shown the final
/// response), at the work address case holds for them, read as each is sent. The notice says nothing of what the
/// complaint says, which they hear from the complaints team; the final response goes as it was sent to the
/// complainant, without the complainant's address.
/// </summary>
public sealed class StaffNotices(
    MessageStore store, CaseLetterContent cases, ComplainantContacts complainants, ComplainantLetters letters, OrganisationNames organisations,
    IMailChannel mail, IOptions<CorrespondenceOptions> options)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whether the message is one of these notices.</summary>
    public static bool Writes(string template) => template is MessageTemplates.StaffToldOfComplaint or MessageTemplates.FinalResponseForStaff;

    /// <summary>Writes the notice, or says why it is not sent.</summary>
    public async Task<WrittenMessage> WriteAsync(SentMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var caseId = message.CaseId ?? throw new InvalidOperationException($"Message {message.Id} ({message.Template}) is about no case.");
        var known = await store.FindCaseAsync(caseId, ct) ?? throw new InvalidOperationException("The case has not been announced yet.");
        if (await cases.StaffMemberAsync(caseId, long.Parse(message.RecipientCode, CultureInfo.InvariantCulture), ct) is not { } member)
        {
            return WrittenMessage.NotSent("The case holds no work e-mail address for this member of staff.");
        }
        var organisation = await organisations.NameOfAsync(message.OrganisationCode, ct);
        var contact = options.Value.TeamMailboxOf(message.OrganisationCode) is { } team ? $"the complaints team at {team}" : "the complaints team";
        var handler = member.HandlerName.Length > 0 ? $"{member.HandlerName}, who is handling the complaint, or {contact}" : contact;
        return message.Template switch
        {
            MessageTemplates.StaffToldOfComplaint => Email(message, member.WorkEmail, $"Complaint {known.Reference}: a complaint mentions you", [],
                $"Dear {member.Name},\n\n"
                + $"{organisation} is looking into a complaint, reference {known.Reference}, that mentions you as {member.Role}. We are telling you "
                + "now, early on, so that it does not come as a surprise and so that you can get support.\n\n"
                + (member.SupportOffered.Length > 0
                    ? $"The support offered to you: {member.SupportOffered}\n\n"
                    : "You can get support from your line manager, occupational health, your trade union or staff-side representative, "
                        + "or your Freedom to Speak Up Guardian.\n\n")
                + "What happens next: the complaints team will talk to you about what the complaint says and ask for your account. "
                + "What you tell us is considered fairly, you will be told how it was used, and you will be sent the final response "
                + "when it goes to the person who complained. Handling a complaint is not a disciplinary process.\n\n"
                + $"If you have any questions, please contact {handler}.\n"),
            MessageTemplates.FinalResponseForStaff => await FinalResponseAsync(message, known, organisation, member, handler, ct),
            _ => throw new InvalidOperationException($"No template '{message.Template}'."),
        };
    }

    // The letter as sent, addressed by name only: the complainant's address is not the member of staff's to know.
    private async Task<WrittenMessage> FinalResponseAsync(
        SentMessage message, Domain.Cases.KnownCase known, string organisation, Case.Contracts.Grpc.V1.StaffMember member, string handler, CancellationToken ct)
    {
        var complainant = await complainants.ReadAsync(message.ComplaintId, message.Template, ct);
        var addressee = new LetterParty(complainant?.Name ?? "The complainant", []);
        if (await letters.FinalResponseAsync(known, organisation, addressee, ct) is not { } letter)
        {
            return WrittenMessage.NotSent("The case holds no final response as sent.");
        }
        var sentOn = DateOnly.ParseExact(message.Fact(StaffFacts.SentOn), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", English);
        var attachments = mail.CarriesAttachments
            ? new[] { new MailAttachment($"final-response-{known.Reference}.pdf", "application/pdf", FinalResponseLetter.Pdf(letter)) }
            : [];
        return Email(message, member.WorkEmail, $"Complaint {known.Reference}: the final response", attachments,
            $"Dear {member.Name},\n\n"
            + $"{organisation} sent its final response to complaint {known.Reference}, which mentioned you, on {sentOn}. As we promised, "
            + "here it is, as it was sent, so that you can see how the complaint was answered and how what you told us was used.\n\n"
            + $"If you would like to talk about it, or need support, please contact {handler}.\n\n"
            + "---\n\n" + FinalResponseLetter.Text(letter));
    }

    private static WrittenMessage Email(SentMessage message, string to, string subject, IReadOnlyList<MailAttachment> attachments, string text) =>
        new(new OutgoingEmail(message.Id, to, subject,
            text + "\nThe complaints platform sent this to your work e-mail address because a complaint mentions you.\n", null, attachments),
            null, LargePrint: false, NotSentReason: null);
}
