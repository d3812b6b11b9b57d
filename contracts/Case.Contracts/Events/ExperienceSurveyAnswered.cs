namespace IcsComplaints.Case.Contracts.Events;

/// <summary>
/// An experience survey was answered. Anonymous: no case, complaint or person, only the organisation, the month,
/// whose experience it is (Complainant or Staff) and the answers by question.
/// </summary>
public sealed record ExperienceSurveyAnswered
{
    /// <summary>Identifier of the answer (not of the case).</summary>
    public required Guid SurveyId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The month answered, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Complainant or Staff.</summary>
    public required string Kind { get; init; }

    /// <summary>Answers by question key: Yes, Partly, No or NotSure.</summary>
    public required IReadOnlyDictionary<string, string> Answers { get; init; }
}
