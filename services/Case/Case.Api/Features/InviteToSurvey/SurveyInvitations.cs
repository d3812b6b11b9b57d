using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.InviteToSurvey;

/// <summary>A new link to the complainant's survey: its code, shown this once, and the last day it opens the survey.</summary>
/// <param name="Code">Goes at the end of the portal's <c>/survey/</c> address; never stored.</param>
/// <param name="OpenUntil">The last day it can be answered.</param>
public sealed record SurveyLink(string Code, DateOnly OpenUntil);

/// <summary>A question of the survey.</summary>
/// <param name="Key">The key its answer is given under.</param>
/// <param name="Text">The statement the complainant agrees with or not.</param>
public sealed record SurveyQuestion(string Key, string Text);

/// <summary>What a survey link opens: whose survey it is, its questions in order and the answers each takes.</summary>
/// <param name="OrganisationCode">The organisation that handled the complaint.</param>
/// <param name="Questions">The questions (My Expectations).</param>
/// <param name="Answers">Yes, Partly, No or NotSure.</param>
/// <param name="OpenUntil">The last day it can be answered.</param>
public sealed record SurveyByLink(string OrganisationCode, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<string> Answers, DateOnly OpenUntil);

/// <summary>The answers given through a link. No date: they are given on the day.</summary>
/// <param name="Answers">By question key.</param>
/// <param name="Comment">Anything else they want to say; not published.</param>
public sealed record SurveyLinkAnswers(IReadOnlyDictionary<string, string>? Answers, string? Comment);

/// <summary>
/// The complainant's experience survey by link, for the many who never sign in: the complaints team (or the
/// correspondence that tells the complainant the case is closed) asks for a link once the final response has gone, and
/// whoever holds the code answers once. An unknown, used or expired code is simply not found, telling nothing of the case.
/// </summary>
public sealed class SurveyInvitations(CaseSteps steps, CaseStore store, SubmitSurvey.SubmitSurvey surveys, TimeProvider time)
{
    /// <summary>The header the code travels in, so that it stays out of the addresses the platform logs.</summary>
    public const string CodeHeader = "X-Survey-Code";

    /// <summary>Issues a link for the case's complainant; the case's complaints team only.</summary>
    public async Task<SurveyLink> IssueAsync(Caller caller, Guid caseId, CancellationToken ct) =>
        await IssueAsync(await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct), ct);

    /// <summary>Issues a link for the case's complainant, the caller's right to ask having been checked.</summary>
    public async Task<SurveyLink> IssueAsync(ComplaintCase c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.EnsureSurveyOpen(SurveyKind.Complainant);
        var (invitation, code) = SurveyInvitation.Issue(Guid.CreateVersion7(time.GetUtcNow()), c.Id, steps.Today);
        store.Add(invitation);
        await store.SaveAsync(ct);
        return new SurveyLink(code, invitation.OpenUntil);
    }

    /// <summary>The survey a code opens, or <c>null</c>.</summary>
    public async Task<SurveyByLink?> OpenAsync(string? code, CancellationToken ct) => await FindOpenAsync(code, ct) is var (invitation, c)
        ? new SurveyByLink(c.OrganisationCode, [.. ExperienceSurvey.ComplainantQuestions.Select(q => new SurveyQuestion(q.Key, q.Value))], ExperienceSurvey.Answers, invitation.OpenUntil)
        : null;

    /// <summary>Records the answers given through a code and closes it; <see cref="RequestNotFoundException"/> when it opens nothing.</summary>
    public async Task AnswerAsync(string? code, SurveyLinkAnswers input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (invitation, c) = await FindOpenAsync(code, ct) ?? throw new RequestNotFoundException();
        var reader = new FieldReader();
        var (answers, comment) = SubmitSurvey.SubmitSurvey.Read(reader, SurveyKind.Complainant, input.Answers, input.Comment);
        reader.ThrowIfAny();
        surveys.Record(c, SurveyKind.Complainant, answers, comment, steps.Today);
        invitation.Answered(steps.Today);
        if (!await store.TrySaveSurveyAsync(ct))
        {
            // The same survey answered twice at once, through this link or another: the first answer stands.
            throw new RequestStateException("The complainant's survey for this case has been answered.");
        }
    }

    private async Task<(SurveyInvitation Invitation, ComplaintCase Case)?> FindOpenAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100)
        {
            return null;
        }
        var hash = SurveyInvitation.HashOf(code.Trim());
        var invitation = await store.SurveyInvitationAsync(hash, ct);
        if (invitation is null || !invitation.IsOpenOn(steps.Today) || await store.FindWithSurveysAsync(invitation.CaseId, ct) is not { } c)
        {
            return null;
        }
        return c.Surveys.Any(s => s.Kind == SurveyKind.Complainant) ? null : (invitation, c);
    }
}
