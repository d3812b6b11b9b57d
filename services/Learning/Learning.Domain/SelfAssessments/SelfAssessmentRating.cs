namespace IcsComplaints.Learning.Domain.SelfAssessments;

/// <summary>A rating of one expectation.</summary>
public sealed class SelfAssessmentRating
{
    /// <summary>Row identifier.</summary>
    public long Id { get; init; }

    /// <summary>The assessment.</summary>
    public Guid AssessmentId { get; init; }

    /// <summary>The expectation.</summary>
    public required string ExpectationId { get; init; }

    /// <summary>1–4.</summary>
    public int Level { get; set; }

    /// <summary>Evidence for the rating.</summary>
    public string? Evidence { get; set; }

    /// <summary>What will improve it.</summary>
    public string? ImprovementActions { get; set; }
}
