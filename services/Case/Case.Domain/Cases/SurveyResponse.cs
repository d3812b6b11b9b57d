namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Whose experience a survey records.</summary>
public enum SurveyKind
{
    /// <summary>The complainant's, based on My Expectations.</summary>
    Complainant = 1,

    /// <summary>A member of staff involved in the complaint.</summary>
    Staff = 2,
}

/// <summary>An experience survey answered at closure; published only as anonymous answers.</summary>
public sealed class SurveyResponse
{
    private SurveyResponse()
    {
    }

    internal SurveyResponse(Guid caseId, SurveyKind kind, Dictionary<string, string> answers, string? comment, DateOnly submittedOn)
    {
        CaseId = caseId;
        Kind = kind;
        Answers = answers;
        Comment = comment;
        SubmittedOn = submittedOn;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Whose.</summary>
    public SurveyKind Kind { get; private set; }

    /// <summary>Answers by question key: Yes, Partly, No or NotSure.</summary>
    public Dictionary<string, string> Answers { get; private set; } = [];

    /// <summary>Anything else they wanted to say.</summary>
    public string? Comment { get; private set; }

    /// <summary>When.</summary>
    public DateOnly SubmittedOn { get; private set; }
}

/// <summary>The questions of the experience surveys and the answers they take.</summary>
public static class ExperienceSurvey
{
    /// <summary>The questions of the complainant's survey, from My Expectations (2014).</summary>
    public static readonly IReadOnlyDictionary<string, string> ComplainantQuestions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["takenSeriously"] = "I felt my complaint was taken seriously",
        ["keptInformed"] = "I was kept informed about my complaint",
        ["updatesBeforeOutcome"] = "I received updates before the outcome",
        ["updatesPersonal"] = "The updates were personal to me",
        ["madeADifference"] = "I felt my complaint made a difference",
        ["wouldComplainAgain"] = "I would feel confident making a complaint in future",
    };

    /// <summary>The questions of the survey of staff involved (NHS Complaint Standards: staff complained about).</summary>
    public static readonly IReadOnlyDictionary<string, string> StaffQuestions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["toldEarly"] = "I was told about the complaint at the earliest opportunity",
        ["offeredSupport"] = "I was offered support",
        ["couldComment"] = "I had the chance to give my views",
        ["sawCommentsUsed"] = "I saw how my comments were used in the response",
        ["fairProcess"] = "The process was fair to me",
    };

    /// <summary>Answers a survey question takes.</summary>
    public static readonly IReadOnlyList<string> Answers = ["Yes", "Partly", "No", "NotSure"];

    /// <summary>The questions of a kind of survey.</summary>
    public static IReadOnlyDictionary<string, string> QuestionsOf(SurveyKind kind) => kind == SurveyKind.Complainant ? ComplainantQuestions : StaffQuestions;
}
