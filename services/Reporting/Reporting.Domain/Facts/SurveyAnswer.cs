namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>One answer of an experience survey.</summary>
/// <param name="surveyId">The survey answer set.</param>
/// <param name="organisationCode">ODS code.</param>
/// <param name="month">First day of the month answered.</param>
/// <param name="kind">Complainant or Staff.</param>
/// <param name="question">Question key.</param>
/// <param name="answer">Yes, Partly, No, NotSure.</param>
public sealed class SurveyAnswer(Guid surveyId, string organisationCode, DateOnly month, string kind, string question, string answer)
{
    /// <summary>The survey of complainants' experience.</summary>
    public const string Complainant = "Complainant";

    /// <summary>Row.</summary>
    public long Id { get; private set; }

    /// <summary>The survey answer set.</summary>
    public Guid SurveyId { get; private set; } = surveyId;

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>First day of the month answered.</summary>
    public DateOnly Month { get; private set; } = month;

    /// <summary>Complainant or Staff.</summary>
    public string Kind { get; private set; } = kind;

    /// <summary>Question key.</summary>
    public string Question { get; private set; } = question;

    /// <summary>Yes, Partly, No, NotSure.</summary>
    public string Answer { get; private set; } = answer;
}
