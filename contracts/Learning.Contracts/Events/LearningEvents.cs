namespace IcsComplaints.Learning.Contracts.Events;

/// <summary>
/// A complaint, or the organisation's final response to it, was coded with the Healthcare Complaints Analysis Tool
/// (HCAT): a severity 0–3 for each of the seven problem categories, the harm, and the stages of care. Codes only.
/// </summary>
public sealed record ComplaintHcatCoded
{
    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>What was coded: <c>Complaint</c> or <c>Response</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>Severity 0–3 by category key (quality, safety, environment, institutionalProcesses, listening, communication, respect).</summary>
    public required IReadOnlyDictionary<string, int> Severities { get; init; }

    /// <summary>Harm 0–5, when coded.</summary>
    public int? Harm { get; init; }

    /// <summary>Stages of care the problems arose in.</summary>
    public required IReadOnlyList<string> StagesOfCare { get; init; }

    /// <summary>True for the second, independent coding of a calibration sample.</summary>
    public required bool Independent { get; init; }

    /// <summary>The day coded (Europe/London).</summary>
    public required DateOnly CodedOn { get; init; }
}

/// <summary>A learning action was raised from a case or a theme.</summary>
public sealed record LearningActionRaised
{
    /// <summary>The action.</summary>
    public required Guid ActionId { get; init; }

    /// <summary>ODS code of the organisation that owns it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The case it came from, if any.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The theme it came from, if any.</summary>
    public Guid? ThemeId { get; init; }

    /// <summary>The day raised.</summary>
    public required DateOnly RaisedOn { get; init; }

    /// <summary>The day it is due.</summary>
    public required DateOnly DueOn { get; init; }
}

/// <summary>A learning action was completed, with evidence that the change happened.</summary>
public sealed record LearningActionCompleted
{
    /// <summary>The action.</summary>
    public required Guid ActionId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day completed.</summary>
    public required DateOnly CompletedOn { get; init; }

    /// <summary>The day it was due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Completed by the day it was due.</summary>
    public required bool OnTime { get; init; }

    /// <summary>A public "you said, we did" summary was published.</summary>
    public required bool Published { get; init; }
}

/// <summary>A learning action passed its due date without being completed (raised once per action).</summary>
public sealed record LearningActionOverdue
{
    /// <summary>The action.</summary>
    public required Guid ActionId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day it was due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The day the scan found it.</summary>
    public required DateOnly DetectedOn { get; init; }
}

/// <summary>
/// A problem category or subject area rose above its own baseline, for one provider or across an ICB's providers,
/// under the documented rule (docs/learning/theme-rule.md). Counts only.
/// </summary>
public sealed record ThemeDetected
{
    /// <summary>The theme.</summary>
    public required Guid ThemeId { get; init; }

    /// <summary>ODS code of the ICB.</summary>
    public required string IcbCode { get; init; }

    /// <summary><c>Provider</c> (one organisation) or <c>System</c> (all the ICB's providers together).</summary>
    public required string Scope { get; init; }

    /// <summary>The provider, for a provider theme.</summary>
    public string? OrganisationCode { get; init; }

    /// <summary><c>HcatCategory</c> or <c>SubjectArea</c>.</summary>
    public required string Dimension { get; init; }

    /// <summary>The category key or KO41 subject area.</summary>
    public required string Code { get; init; }

    /// <summary>The month examined, <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Complaints with the problem that month.</summary>
    public required int Observed { get; init; }

    /// <summary>Complaints expected from the baseline share and that month's volume.</summary>
    public required double Expected { get; init; }
}

/// <summary>An ICB shared the learning of a theme with its providers.</summary>
public sealed record ThemeShared
{
    /// <summary>The theme.</summary>
    public required Guid ThemeId { get; init; }

    /// <summary>ODS code of the ICB.</summary>
    public required string IcbCode { get; init; }

    /// <summary>The providers it went to.</summary>
    public required IReadOnlyList<string> OrganisationCodes { get; init; }

    /// <summary>The day shared.</summary>
    public required DateOnly SharedOn { get; init; }
}

/// <summary>An organisation submitted its yearly self-assessment against the NHS Complaint Standards.</summary>
public sealed record SelfAssessmentSubmitted
{
    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The financial year it covers, by its first calendar year (2026 for 2026-27).</summary>
    public required int Year { get; init; }

    /// <summary>The day submitted.</summary>
    public required DateOnly SubmittedOn { get; init; }

    /// <summary>Mean level by section number (1–4).</summary>
    public required IReadOnlyDictionary<string, double> SectionMeans { get; init; }
}
