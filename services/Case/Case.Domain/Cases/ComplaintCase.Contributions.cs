using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>The sections other organisations write for a co-ordinated response (Reg 9), and the experience surveys after it.</summary>
public sealed partial class ComplaintCase
{
    /// <summary>Saves a contributing organisation's section (Reg 9); a change clears its sign-off.</summary>
    public Contribution SaveContribution(string organisationCode, string text, DateTimeOffset at)
    {
        var contribution = ContributionOf(organisationCode);
        if (Stage is CaseStage.FinalResponseSent or CaseStage.Closed)
        {
            throw new RequestStateException("The co-ordinated response has gone.");
        }
        contribution.Write(text, at);
        return contribution;
    }

    /// <summary>The contributing organisation signs off its own section.</summary>
    public Contribution SignOffContribution(string organisationCode, string signedBy, DateOnly on)
    {
        var contribution = ContributionOf(organisationCode);
        if (string.IsNullOrWhiteSpace(contribution.Text))
        {
            throw new RequestStateException("Write the section before signing it off.");
        }
        contribution.SignOff(signedBy, on);
        return contribution;
    }

    /// <summary>Stores an experience survey answered after the final response; the complainant answers theirs once.</summary>
    public SurveyResponse AddSurvey(SurveyKind kind, Dictionary<string, string> answers, string? comment, DateOnly on)
    {
        EnsureSurveyOpen(kind);
        NotBefore(on, FinalResponseSentOn ?? ClosedOn ?? ReceivedOn, "answeredOn", "final response was sent");
        var survey = new SurveyResponse(Id, kind, answers, comment, on);
        _surveys.Add(survey);
        return survey;
    }

    /// <summary>Refuses a survey of <paramref name="kind"/> before the final response has gone, and a second one from the complainant.</summary>
    public void EnsureSurveyOpen(SurveyKind kind)
    {
        if (FinalResponseSentOn is null && Closure != CaseClosure.Resolved)
        {
            throw new RequestStateException("Experience surveys are answered once the final response has gone.");
        }
        if (kind == SurveyKind.Complainant && _surveys.Any(s => s.Kind == SurveyKind.Complainant))
        {
            throw new RequestStateException("The complainant's survey for this case has been answered.");
        }
    }

    private Contribution ContributionOf(string organisationCode) =>
        _contributions.FirstOrDefault(c => string.Equals(c.OrganisationCode, organisationCode, StringComparison.OrdinalIgnoreCase))
        ?? throw new RequestNotFoundException();
}
