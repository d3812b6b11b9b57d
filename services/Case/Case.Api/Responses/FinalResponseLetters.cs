using Grpc.Core;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Cases;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults.Security;
using IcsComplaints.ServiceDefaults.Validation;

namespace IcsComplaints.Case.Api.Responses;

/// <summary>
/// Renders a case's final response as the letter the complainant receives (a preview while drafting). The
/// complainant's name and address stay in intake and are fetched for each rendering with the user's own token, so
/// intake applies its read rules and audits the read; organisation names come from the public directory.
/// </summary>
public sealed class FinalResponseLetters(
    CaseQueries queries,
    ComplaintRecordsService.ComplaintRecordsServiceClient complaints,
    OrganisationDirectoryService.OrganisationDirectoryServiceClient directory,
    TimeProvider time)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The letter as HTML or text, or <c>null</c> when the caller may not see the case.</summary>
    public async Task<string?> RenderAsync(Caller caller, Guid caseId, bool text, LetterFormat format, string authorization, CancellationToken ct)
    {
        var c = await queries.LoadAsync(caseId, ct);
        if (c is null || !CaseQueries.MayRead(caller, c))
        {
            return null;
        }
        if (!caller.ActsFor(c.OrganisationCode, CaseQueries.DetailRoles))
        {
            throw new RequestForbiddenException("The letter is for the staff of the organisation handling the complaint.");
        }
        var draft = c.Draft ?? throw new RequestStateException("No final response has been drafted yet.");
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
        var signature = c.Signature;
        var model = new FinalResponseLetterModel(
            names[c.OrganisationCode], c.Reference, c.ReceivedOn, c.FinalResponseSentOn ?? LondonTime.Today(time),
            new LetterParty(contact.Name, [.. contact.AddressLines]),
            draft.ComplaintSummary ?? "", draft.OutcomesSought ?? "", draft.Investigation ?? "",
            [.. draft.Findings.Select(f => new LetterFinding(f.Issue, f.Conclusion, f.Reasons, f.Upheld))],
            FinalResponseRules.OutcomeOf(draft.Findings) switch
            {
                CaseOutcome.Upheld => LetterOutcome.Upheld,
                CaseOutcome.PartiallyUpheld => LetterOutcome.PartlyUpheld,
                _ => LetterOutcome.NotUpheld,
            },
            draft.Apology, [.. draft.Changes.Select(x => new LetterChange(x.Action, x.By))], draft.Remedy,
            [.. c.Contributions.Where(x => x.Text is not null).Select(x => new LetterContribution(names[x.OrganisationCode], x.Text!))],
            signature?.SignedBy.Name ?? "[not yet signed]", signature?.Title ?? "[responsible person]", signature?.OnBehalfOf);
        // A complainant who asked for large print gets it whichever format the handler opened.
        var largePrint = format == LetterFormat.LargePrint || contact.Adjustments.Contains("LargePrint");
        return text ? FinalResponseLetter.Text(model) : FinalResponseLetter.Html(model, largePrint ? LetterFormat.LargePrint : LetterFormat.Standard);
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
