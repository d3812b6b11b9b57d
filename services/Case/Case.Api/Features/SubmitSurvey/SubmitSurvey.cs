using System.Globalization;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.SubmitSurvey;

/// <summary>
/// Stores an experience survey (<see cref="ExperienceSurvey"/>): the complainant's (by them, or entered for them by the
/// complaints team) or a member of staff's; announces <see cref="ExperienceSurveyAnswered"/> by month, without the comment.
/// </summary>
public sealed class SubmitSurvey(CaseSteps steps, CaseStore store, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, SurveyKind kind, CaseRequests.Survey input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var c = await store.FindWithSurveysAsync(caseId, ct) ?? throw new RequestNotFoundException();
        var ownCase = caller.Has(Roles.Complainant) && c.ComplainantSubjectId is not null && c.ComplainantSubjectId == caller.SubjectId;
        var staffOfCase = caller.ActsFor(c.OrganisationCode, CaseQueries.ReaderRoles.Where(r => r != Roles.IntegrationSystem));
        if (!ownCase && !staffOfCase)
        {
            throw new RequestNotFoundException();
        }
        if (kind == SurveyKind.Complainant && !ownCase && !caller.ActsFor(c.OrganisationCode, CaseSteps.Managers))
        {
            throw new RequestForbiddenException("The complainant answers their survey, or the complaints team enters their answers for them.");
        }
        if (kind == SurveyKind.Staff && !staffOfCase)
        {
            throw new RequestForbiddenException("The staff survey is for staff of the organisation handling the complaint.");
        }
        var reader = new FieldReader();
        var (answers, comment) = Read(reader, kind, input.Answers, input.Comment);
        var answeredOn = reader.DateOrToday(input.AnsweredOn, "answeredOn", steps.Today);
        reader.ThrowIfAny();
        Record(c, kind, answers, comment, answeredOn);
        await store.SaveAsync(ct);
    }

    /// <summary>The answers and comment of a survey of <paramref name="kind"/>, each problem added to <paramref name="reader"/>.</summary>
    public static (Dictionary<string, string> Answers, string? Comment) Read(FieldReader reader, SurveyKind kind, IReadOnlyDictionary<string, string>? answers, string? comment)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return (Answers(reader, ExperienceSurvey.QuestionsOf(kind), answers), reader.Text(comment, "comment", 2_000));
    }

    /// <summary>Adds the survey to the case, audits it and announces it; the caller saves.</summary>
    public void Record(ComplaintCase c, SurveyKind kind, Dictionary<string, string> answers, string? comment, DateOnly answeredOn)
    {
        ArgumentNullException.ThrowIfNull(c);
        var survey = c.AddSurvey(kind, answers, comment, answeredOn);
        audit.Record(AuditAction.Create, AuditResources.Case, c.Id.ToString(), c.OrganisationCode);
        outbox.Publish(new ExperienceSurveyAnswered
        {
            SurveyId = Guid.CreateVersion7(time.GetUtcNow()), OrganisationCode = c.OrganisationCode,
            Month = survey.SubmittedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), Kind = kind.ToString(), Answers = answers,
        });
    }

    private static Dictionary<string, string> Answers(FieldReader reader, IReadOnlyDictionary<string, string> questions, IReadOnlyDictionary<string, string>? given)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (given is null || given.Count == 0)
        {
            reader.Add("answers", "Answer at least one question: " + string.Join(", ", questions.Keys) + ".");
        }
        foreach (var (question, answer) in given ?? new Dictionary<string, string>())
        {
            var known = ExperienceSurvey.Answers.FirstOrDefault(a => a.Equals(answer?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (!questions.ContainsKey(question))
            {
                reader.Add($"answers.{question}", "Not a question of this survey: " + string.Join(", ", questions.Keys) + ".");
            }
            else if (known is null)
            {
                reader.Add($"answers.{question}", "Answer Yes, Partly, No or NotSure.");
            }
            else
            {
                answers[question] = known;
            }
        }
        return answers;
    }
}
