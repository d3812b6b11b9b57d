using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Training;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Learning.Api.Features.Training;

/// <summary>A course completed, as shown.</summary>
/// <param name="Course">The course's code.</param>
/// <param name="CompletedOn">The day.</param>
public sealed record CompletionView(string Course, DateOnly CompletedOn);

/// <summary>A member of staff on the training register, as shown to their organisation's quality lead.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Name.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="Role">What they do with complaints.</param>
/// <param name="AddedOn">Put on the register.</param>
/// <param name="LeftOn">Left the register.</param>
/// <param name="FullyTrained">Current on every course they need, today.</param>
/// <param name="Courses">Where they stand on each course they need, today.</param>
/// <param name="Completions">Every course completed, the latest first.</param>
public sealed record StaffTrainingView(
    Guid Id, string Name, string? JobTitle, ComplaintsRole Role, DateOnly AddedOn, DateOnly? LeftOn, bool FullyTrained,
    IReadOnlyList<CourseStanding> Courses, IReadOnlyList<CompletionView> Completions);

/// <summary>An organisation's training coverage on a day; names no one.</summary>
/// <param name="OrganisationCode">The organisation.</param>
/// <param name="On">The day it is worked out for.</param>
/// <param name="CurrentForYears">Years a course stays current.</param>
/// <param name="Courses">First every course a person needs (<c>all</c>), then each course.</param>
public sealed record CoverageView(string OrganisationCode, DateOnly On, int CurrentForYears, IReadOnlyList<CourseCoverage> Courses);

/// <summary>What the training use cases share: whose register the caller keeps, and how a person and coverage are shown.</summary>
public static class TrainingSupport
{
    /// <summary>The caller's organisation, when the caller keeps its training register (its quality lead or responsible person).</summary>
    public static string Own(Caller caller) =>
        LearningAccess.GovernedOrganisation(caller, "The quality lead or responsible person keeps the organisation's training register.");

    /// <summary>A member of staff as shown on <paramref name="today"/>.</summary>
    public static StaffTrainingView View(StaffTraining person, DateOnly today) => new(
        person.Id, person.Name, person.JobTitle, person.Role, person.AddedOn, person.LeftOn, TrainingCoverage.FullyTrained(person, today),
        TrainingCoverage.Standing(person, today),
        [.. person.Completions.OrderByDescending(c => c.CompletedOn).ThenBy(c => c.Course, StringComparer.Ordinal).Select(c => new CompletionView(c.Course, c.CompletedOn))]);

    /// <summary>An organisation's coverage on <paramref name="today"/>.</summary>
    public static CoverageView Coverage(string organisationCode, IEnumerable<StaffTraining> register, DateOnly today) =>
        new(organisationCode, today, TrainingCoverage.CurrentForYears, TrainingCoverage.Coverage(register, today));
}
