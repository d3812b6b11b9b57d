namespace IcsComplaints.Learning.Domain.SelfAssessments;

/// <summary>Draft or submitted.</summary>
public enum AssessmentStatus
{
    /// <summary>Being completed.</summary>
    Draft = 1,

    /// <summary>Submitted; no longer changes.</summary>
    Submitted = 2,
}

/// <summary>An organisation's self-assessment for one financial year; one a year.</summary>
public sealed class SelfAssessment
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Type of organisation (the <c>org_type</c> claim): peers are organisations of the same type.</summary>
    public required string OrganisationType { get; init; }

    /// <summary>The financial year by its first calendar year.</summary>
    public int Year { get; init; }

    /// <summary>Status.</summary>
    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;

    /// <summary>Started.</summary>
    public DateOnly StartedOn { get; init; }

    /// <summary>Submitted.</summary>
    public DateOnly? SubmittedOn { get; set; }

    /// <summary>Submitted by.</summary>
    public string? SubmittedBy { get; set; }

    /// <summary>The ratings.</summary>
    public List<SelfAssessmentRating> Ratings { get; init; } = [];
}
