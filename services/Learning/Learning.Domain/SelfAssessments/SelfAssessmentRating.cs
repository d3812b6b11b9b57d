namespace IcsComplaints.Learning.Domain.SelfAssessments;

/// <summary>A rating of one expectation, changed only through its <see cref="SelfAssessment"/>.</summary>
public sealed class SelfAssessmentRating
{
    private SelfAssessmentRating()
    {
    }

    internal SelfAssessmentRating(string expectationId) => ExpectationId = expectationId;

    /// <summary>Row identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The assessment.</summary>
    public Guid AssessmentId { get; private set; }

    /// <summary>The expectation.</summary>
    public string ExpectationId { get; private set; } = "";

    /// <summary>1–4.</summary>
    public int Level { get; private set; }

    /// <summary>Evidence for the rating.</summary>
    public string? Evidence { get; private set; }

    /// <summary>What will improve it.</summary>
    public string? ImprovementActions { get; private set; }

    internal void Change(int level, string? evidence, string? improvementActions)
    {
        // The framework's four levels, from not in place (1) to embedded and improving (4).
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        (Level, Evidence, ImprovementActions) = (level, evidence, improvementActions);
    }
}
