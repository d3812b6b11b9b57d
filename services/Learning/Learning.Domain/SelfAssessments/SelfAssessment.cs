using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.SelfAssessments;

/// <summary>Draft or submitted.</summary>
public enum AssessmentStatus
{
    /// <summary>Being completed.</summary>
    Draft = 1,

    /// <summary>Submitted; no longer changes.</summary>
    Submitted = 2,
}

/// <summary>
/// An organisation's self-assessment against the Complaint Standards framework for one financial year; one a year.
/// Rated expectation by expectation while a draft; submitted once every expectation is rated with evidence, after
/// which it no longer changes.
/// </summary>
public sealed class SelfAssessment
{
    private readonly List<SelfAssessmentRating> _ratings = [];

    private SelfAssessment()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Type of organisation (the <c>org_type</c> claim): peers are organisations of the same type.</summary>
    public string OrganisationType { get; private set; } = "";

    /// <summary>The financial year by its first calendar year.</summary>
    public int Year { get; private set; }

    /// <summary>Status.</summary>
    public AssessmentStatus Status { get; private set; }

    /// <summary>Started.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>Submitted.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>Submitted by.</summary>
    public string? SubmittedBy { get; private set; }

    /// <summary>The ratings.</summary>
    public IReadOnlyList<SelfAssessmentRating> Ratings => _ratings;

    /// <summary>A financial year as people write it (2026-27).</summary>
    public static string YearLabel(int year) => $"{year}-{(year + 1) % 100:00}";

    /// <summary>A draft for the year, with no ratings yet.</summary>
    public static SelfAssessment Start(string organisationCode, string organisationType, int year, DateOnly startedOn) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationCode = organisationCode, OrganisationType = organisationType, Year = year,
        Status = AssessmentStatus.Draft, StartedOn = startedOn,
    };

    /// <summary>Rates one expectation, replacing its earlier rating; a submitted assessment no longer changes.</summary>
    public void Rate(string expectationId, int level, string? evidence, string? improvementActions)
    {
        if (Status == AssessmentStatus.Submitted)
        {
            throw new RequestStateException($"The {YearLabel(Year)} self-assessment was submitted on {SubmittedOn:yyyy-MM-dd}; it no longer changes.");
        }
        var rating = _ratings.FirstOrDefault(r => r.ExpectationId == expectationId);
        if (rating is null)
        {
            rating = new SelfAssessmentRating(expectationId);
            _ratings.Add(rating);
        }
        rating.Change(level, evidence, improvementActions);
    }

    /// <summary>
    /// Submits it once complete: every expectation of the framework rated with evidence, and improvement actions
    /// where it is not yet established (level 2 or below).
    /// </summary>
    public void Submit(StandardsFramework framework, DateOnly submittedOn, string submittedBy)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Status == AssessmentStatus.Submitted)
        {
            throw new RequestStateException($"Already submitted on {SubmittedOn:yyyy-MM-dd}.");
        }
        var reader = new FieldReader();
        foreach (var expectation in framework.AllExpectations)
        {
            var rating = _ratings.FirstOrDefault(r => r.ExpectationId == expectation.Id);
            if (rating is null)
            {
                reader.Add($"ratings.{expectation.Id}", "Not rated yet.");
            }
            else if (rating.Evidence is null)
            {
                reader.Add($"ratings.{expectation.Id}.evidence", "Give the evidence for the rating.");
            }
            else if (rating.Level <= 2 && rating.ImprovementActions is null)
            {
                reader.Add($"ratings.{expectation.Id}.improvementActions", "Say what will improve an expectation rated below established.");
            }
        }
        reader.ThrowIfAny();
        Status = AssessmentStatus.Submitted;
        SubmittedOn = submittedOn;
        SubmittedBy = submittedBy;
    }
}
