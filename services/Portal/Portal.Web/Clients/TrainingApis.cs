using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>A course of complaint-handling training, and the roles that need it.</summary>
public sealed record TrainingCourse(string Code, string Title, string Standard, IReadOnlyList<string> NeededBy);

/// <summary>Where a member of staff stands on a course they need.</summary>
public sealed record CourseStanding(string Course, DateOnly? LastCompletedOn, bool Current, DateOnly DueBy);

/// <summary>A course completed.</summary>
public sealed record TrainingCompletion(string Course, DateOnly CompletedOn);

/// <summary>A member of staff on the training register.</summary>
public sealed record StaffTraining(
    Guid Id, string Name, string? JobTitle, string Role, DateOnly AddedOn, DateOnly? LeftOn, bool FullyTrained,
    IReadOnlyList<CourseStanding> Courses, IReadOnlyList<TrainingCompletion> Completions);

/// <summary>Of the staff who need a course, how many are current on it.</summary>
public sealed record CourseCoverage(string Course, int Needed, int Current, double? Share);

/// <summary>An organisation's training coverage on a day.</summary>
public sealed record TrainingCoverageView(string OrganisationCode, DateOnly On, int CurrentForYears, IReadOnlyList<CourseCoverage> Courses)
{
    /// <summary>Staff current on every course they need.</summary>
    public CourseCoverage All => Courses.First(c => c.Course == "all");

    /// <summary>One course's coverage.</summary>
    public CourseCoverage? Of(string course) => Courses.FirstOrDefault(c => c.Course == course);
}

/// <summary>The learning service's calls for the training register and its coverage, one method per call.</summary>
public sealed class TrainingApis(PlatformApi api)
{
    /// <summary>The courses.</summary>
    public Task<ApiResult<ItemList<TrainingCourse>>> CoursesAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<TrainingCourse>>("/api/v1/learning/training/courses", null, ct);

    /// <summary>The caller's organisation's register.</summary>
    public Task<ApiResult<ItemList<StaffTraining>>> RegisterAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<StaffTraining>>("/api/v1/learning/training/staff", null, ct);

    /// <summary>Puts a member of staff on the register.</summary>
    public Task<ApiResult<StaffTraining>> AddAsync(string? name, string? jobTitle, string? role, CancellationToken ct) =>
        api.PostAsync<StaffTraining>("/api/v1/learning/training/staff", new { name, jobTitle, role }, null, ct);

    /// <summary>Records a course a member of staff completed.</summary>
    public Task<ApiResult<StaffTraining>> CompleteAsync(Guid id, string? course, string? completedOn, CancellationToken ct) =>
        api.PostAsync<StaffTraining>($"/api/v1/learning/training/staff/{id}/completions", new { course, completedOn }, null, ct);

    /// <summary>Takes a member of staff off the register.</summary>
    public Task<ApiResult<StaffTraining>> LeaveAsync(Guid id, string? leftOn, CancellationToken ct) =>
        api.PostAsync<StaffTraining>($"/api/v1/learning/training/staff/{id}/departure", new { leftOn }, null, ct);

    /// <summary>The caller's organisation's coverage.</summary>
    public Task<ApiResult<TrainingCoverageView>> CoverageAsync(CancellationToken ct) =>
        api.GetAsync<TrainingCoverageView>("/api/v1/learning/training/coverage", null, ct);

    /// <summary>For an ICB: each provider's coverage.</summary>
    public Task<ApiResult<ItemList<TrainingCoverageView>>> ProvidersAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<TrainingCoverageView>>("/api/v1/learning/training/coverage/providers", null, ct);
}

/// <summary>How the pages name roles and courses.</summary>
public static class TrainingWords
{
    /// <summary>The roles, as the API names them, in words, with what each means.</summary>
    public static readonly IReadOnlyList<(string Value, string Words, string Hint)> Roles =
    [
        ("FrontLine", "Front line", "Meets patients and the public and takes concerns and complaints as they come: reception, wards, PALS"),
        ("LooksIntoComplaints", "Looks into complaints", "Resolves complaints early or investigates them: complaints handlers and investigators"),
        ("SeniorLeader", "Senior leader", "Reviews what complaints show and is accountable for acting on it"),
    ];

    /// <summary>A role in words.</summary>
    public static string Role(string role) => Roles.FirstOrDefault(r => r.Value == role).Words ?? role;

    /// <summary>A share as a percentage with its counts, or "no one needs it".</summary>
    public static string Share(CourseCoverage c) =>
        c.Share is { } share ? $"{share * 100:0.#}% ({c.Current} of {c.Needed})" : "no one needs it";
}
