using System.Globalization;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.InviteToSurvey;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Proto = IcsComplaints.Case.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Features.WriteToComplainant;

/// <summary>
/// What the correspondence service reads from a case to write to the complainant (ADR 36): the final response as it
/// was sent, and a survey link; and to write to the staff complained about, their work address. Only the correspondence service's identity is served, whatever organisation the case
/// belongs to, because it writes on behalf of every organisation; each read is audited as a read of the case.
/// </summary>
public sealed class ComplainantCorrespondence(CaseQueries queries, CaseStore store, SurveyInvitations invitations, IAuditTrail audit)
{
    /// <summary>The final response as sent (Reg 14); <see cref="RequestStateException"/> while it has not been.</summary>
    public async Task<Proto.SentFinalResponse> SentFinalResponseAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        EnsureCorrespondence(caller);
        var c = await queries.LoadAsync(caseId, ct) ?? throw new RequestNotFoundException();
        if (c.FinalResponseSentOn is not { } sentOn || c.Draft is not { } draft || c.Signature is not { } signature)
        {
            throw new RequestStateException("The final response has not been sent.");
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        var response = new Proto.SentFinalResponse
        {
            SentOn = Iso(sentOn),
            ComplaintSummary = draft.ComplaintSummary ?? "",
            OutcomesSought = draft.OutcomesSought ?? "",
            Investigation = draft.Investigation ?? "",
            Outcome = (c.Outcome ?? Domain.Rules.Ko41Coding.OutcomeOf(draft.Findings)).ToString(),
            Apology = draft.Apology ?? "",
            Remedy = draft.Remedy ?? "",
            SignatoryName = signature.SignedBy.Name,
            SignatoryTitle = signature.Title,
            OnBehalfOf = signature.OnBehalfOf ?? "",
        };
        response.Findings.AddRange(draft.Findings.Select(f => new Proto.SentFinding { Issue = f.Issue, Conclusion = f.Conclusion, Reasons = f.Reasons, Upheld = f.Upheld }));
        response.Changes.AddRange(draft.Changes.Select(x => new Proto.SentChange { Action = x.Action, By = Iso(x.By) }));
        response.Contributions.AddRange(c.Contributions.Where(x => x.Text is not null)
            .Select(x => new Proto.SentContribution { OrganisationCode = x.OrganisationCode, Text = x.Text! }));
        return response;
    }

    /// <summary>A new survey link for the complainant, once the survey is open (<see cref="ComplaintCase.EnsureSurveyOpen"/>).</summary>
    public async Task<SurveyLink> IssueSurveyLinkAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        EnsureCorrespondence(caller);
        return await invitations.IssueAsync(await store.FindWithSurveysAsync(caseId, ct) ?? throw new RequestNotFoundException(), ct);
    }

    /// <summary>How the complaint was resolved early, to be confirmed in writing; <see cref="RequestStateException"/> when it was not.</summary>
    public async Task<Proto.EarlyResolution> EarlyResolutionAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        EnsureCorrespondence(caller);
        var c = await queries.LoadAsync(caseId, ct) ?? throw new RequestNotFoundException();
        if (c.EarlyResolution is not { } early || c.Outcome is not { } outcome)
        {
            throw new RequestStateException("The complaint was not resolved early.");
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        return new Proto.EarlyResolution
        {
            ResolvedOn = Iso(early.ResolvedOn), Channel = early.Channel.ToString(), Discussed = early.Discussed, Agreed = early.Agreed, Outcome = outcome.ToString(),
        };
    }

    /// <summary>
    /// A member of staff complained about with a work e-mail address, for the platform to tell them of the complaint
    /// and send them the final response; audited as a read of the case.
    /// </summary>
    public async Task<Proto.StaffMember> StaffMemberAsync(Caller caller, Guid caseId, long staffId, CancellationToken ct)
    {
        EnsureCorrespondence(caller);
        var c = await queries.LoadAsync(caseId, ct) ?? throw new RequestNotFoundException();
        if (c.Staff.FirstOrDefault(s => s.Id == staffId) is not { WorkEmail: { } email } staff)
        {
            throw new RequestNotFoundException();
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        return new Proto.StaffMember
        {
            Name = staff.Name, Role = staff.Role, WorkEmail = email, SupportOffered = staff.SupportOffered ?? "", HandlerName = c.Handler?.Name ?? "",
        };
    }

    private static void EnsureCorrespondence(Caller caller)
    {
        if (!caller.Has(Roles.CorrespondenceService))
        {
            throw new RequestForbiddenException("Only the correspondence service reads a case to write to its complainant.");
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
