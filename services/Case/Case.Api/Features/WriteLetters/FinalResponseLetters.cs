using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using IcsComplaints.Letters;

namespace IcsComplaints.Case.Api.Features.WriteLetters;

/// <summary>
/// Renders a case's letters: the acknowledgement, and the final response as the complainant receives it (a preview
/// while drafting). The
/// complainant's name and address stay in intake and are fetched for each rendering with the user's own token, so
/// intake applies its read rules and audits the read; organisation names come from the public directory.
/// </summary>
public sealed class FinalResponseLetters(
    CaseQueries queries,
    ComplaintRecordsService.ComplaintRecordsServiceClient complaints,
    OrganisationDirectoryService.OrganisationDirectoryServiceClient directory,
    AdvocacyDirectoryService.AdvocacyDirectoryServiceClient advocacy,
    TimeProvider time,
    WorkingDayCalendar calendar)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The final response letter as HTML or text, or <c>null</c> when the caller may not see the case.</summary>
    public async Task<string?> RenderAsync(Caller caller, Guid caseId, bool text, LetterFormat format, string authorization, CancellationToken ct)
    {
        if (await LoadAsync(caller, caseId, authorization, ct) is not { } letter)
        {
            return null;
        }
        var (c, contact, names, area) = letter;
        var draft = c.Draft ?? throw new RequestStateException("No final response has been drafted yet.");
        var signature = c.Signature;
        var model = new FinalResponseLetterModel(
            names[c.OrganisationCode], c.Reference, c.ReceivedOn, c.FinalResponseSentOn ?? LondonTime.Today(time),
            new LetterParty(contact.Name, [.. contact.AddressLines]),
            draft.ComplaintSummary ?? "", draft.OutcomesSought ?? "", draft.Investigation ?? "",
            [.. draft.Findings.Select(f => new LetterFinding(f.Issue, f.Conclusion, f.Reasons, f.Upheld))],
            Ko41Coding.OutcomeOf(draft.Findings) switch
            {
                CaseOutcome.Upheld => LetterOutcome.Upheld,
                CaseOutcome.PartiallyUpheld => LetterOutcome.PartlyUpheld,
                _ => LetterOutcome.NotUpheld,
            },
            draft.Apology, [.. draft.Changes.Select(x => new LetterChange(x.Action, x.By))], draft.Remedy,
            [.. c.Contributions.Where(x => x.Text is not null).Select(x => new LetterContribution(names[x.OrganisationCode], x.Text!))],
            signature?.SignedBy.Name ?? "[not yet signed]", signature?.Title ?? "[responsible person]", signature?.OnBehalfOf, area);
        return text ? FinalResponseLetter.Text(model) : FinalResponseLetter.Html(model, Format(format, contact));
    }

    /// <summary>
    /// The acknowledgement (Reg 13): the offer to discuss how the complaint will be handled and when to expect the
    /// response, how the complainant will be kept informed, and the area's advocacy service.
    /// </summary>
    public async Task<string?> RenderAcknowledgementAsync(Caller caller, Guid caseId, bool text, LetterFormat format, string authorization, CancellationToken ct)
    {
        if (await LoadAsync(caller, caseId, authorization, ct) is not { } letter)
        {
            return null;
        }
        var (c, contact, names, area) = letter;
        var today = LondonTime.Today(time);
        var model = new AcknowledgementLetterModel(
            names[c.OrganisationCode], c.Reference, c.ReceivedOn, c.AcknowledgedOn ?? today, new LetterParty(contact.Name, [.. contact.AddressLines]),
            c.Handler?.Name ?? "The complaints team", null, CaseClock.ResponseDueBy(c, today, calendar), c.UpdateEveryWorkingDays, area);
        return text ? AcknowledgementLetter.Text(model) : AcknowledgementLetter.Html(model, Format(format, contact));
    }

    // A complainant who asked for large print gets it whichever format the handler opened.
    private static LetterFormat Format(LetterFormat asked, ComplainantContact contact) =>
        asked == LetterFormat.LargePrint || contact.Adjustments.Contains("LargePrint") ? LetterFormat.LargePrint : LetterFormat.Standard;

    private async Task<(ComplaintCase Case, ComplainantContact Contact, Dictionary<string, string> Names, LetterAdvocacy? Advocacy)?> LoadAsync(
        Caller caller, Guid caseId, string authorization, CancellationToken ct)
    {
        var c = await queries.LoadAsync(caseId, ct);
        if (c is null || !CaseQueries.MayRead(caller, c))
        {
            return null;
        }
        if (!caller.ActsFor(c.OrganisationCode, CaseQueries.DetailRoles))
        {
            throw new RequestForbiddenException("Letters are for the staff of the organisation handling the complaint.");
        }
        var headers = new Metadata { { "authorization", authorization } };
        ComplainantContact contact;
        try
        {
            contact = await complaints.GetComplainantContactAsync(
                new GetComplainantContactRequest { ComplaintId = c.ComplaintId.ToString() }, headers, DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new RequestForbiddenException("Intake does not let you read this complainant's details.");
        }
        var names = await NamesAsync([c.OrganisationCode, .. c.Contributions.Select(x => x.OrganisationCode)], ct);
        return (c, contact, names, await AdvocacyAsync(contact.Postcode, ct));
    }

    // The independent NHS complaints advocacy service of the complainant's area, when their postcode is known.
    private async Task<LetterAdvocacy?> AdvocacyAsync(string postcode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }
        try
        {
            var found = await advocacy.FindAdvocacyServiceAsync(new FindAdvocacyServiceRequest { Postcode = postcode }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            return new LetterAdvocacy(found.Name, found.Phone, found.Email, found.Website);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                var found = await directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = code }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
                names[code] = found.Organisation.Name;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                names[code] = code;
            }
        }
        return names;
    }
}
