// TrainingCoverage: the complaint-handling training each member of staff needs for what they do with complaints, when a
// course counts as current, and how much of an organisation's register is trained (NHS Complaint Standards §1–3:
// staff trained to identify complaints, to listen and welcome them, to resolve them early, and to look into them;
// domain.md §1.4). How long a course stays current is the organisation's refresher policy, not the Standards'.
using IcsComplaints.Learning.Domain.Training;

namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>A course of complaint-handling training.</summary>
/// <param name="Code">Its code in the API.</param>
/// <param name="Title">Its name.</param>
/// <param name="Standard">What of the Complaint Standards it serves.</param>
/// <param name="NeededBy">The roles that need it.</param>
public sealed record TrainingCourse(string Code, string Title, string Standard, IReadOnlyList<ComplaintsRole> NeededBy);

/// <summary>Where one member of staff stands on one course they need.</summary>
/// <param name="Course">The course's code.</param>
/// <param name="LastCompletedOn">The last time they completed it, if ever.</param>
/// <param name="Current">True when that was within <see cref="TrainingCoverage.CurrentForYears"/> years.</param>
/// <param name="DueBy">When it must be done again (or now, when never done or lapsed).</param>
public sealed record CourseStanding(string Course, DateOnly? LastCompletedOn, bool Current, DateOnly DueBy);

/// <summary>Of the staff on the register who need a course, how many are current on it.</summary>
/// <param name="Course">The course's code (or <c>all</c> for every course a person needs).</param>
/// <param name="Needed">Staff on the register who need it.</param>
/// <param name="Current">Of those, staff current on it.</param>
public sealed record CourseCoverage(string Course, int Needed, int Current)
{
    /// <summary>The share current, or <c>null</c> when no one needs it.</summary>
    public double? Share => Needed == 0 ? null : Math.Round((double)Current / Needed, 4);
}

/// <summary>
/// TrainingCoverage: everyone who deals with complaints is trained to identify and welcome them; those who take them
/// at the front line, and those who look into them, to resolve them early; those who look into them, to investigate
/// and respond; those who look into them and senior leaders, to spot harm for the Duty of Candour; senior leaders, to
/// review complaint information and act on its learning. A course is current for <see cref="CurrentForYears"/> years
/// from its completion. Coverage counts the staff on the register on the day asked, and only the courses each needs.
/// </summary>
public static class TrainingCoverage
{
    /// <summary>Years a completed course stays current before it is to be done again.</summary>
    public const int CurrentForYears = 3;

    /// <summary>The code that stands for every course a person needs, in <see cref="Coverage"/>.</summary>
    public const string AllCourses = "all";

    /// <summary>The courses, in the order people take them.</summary>
    public static readonly IReadOnlyList<TrainingCourse> Courses =
    [
        new("identifying-complaints", "Identifying and welcoming complaints",
            "Standards §1 and §2: staff identify complaints, listen with empathy, courtesy and respect, and say how to complain and where to get advocacy",
            [ComplaintsRole.FrontLine, ComplaintsRole.LooksIntoComplaints, ComplaintsRole.SeniorLeader]),
        new("early-resolution", "Resolving complaints early",
            "Standards §2 and §3: resolve at the first point of contact where possible, within the Regulations, capturing learning",
            [ComplaintsRole.FrontLine, ComplaintsRole.LooksIntoComplaints]),
        new("looking-into-complaints", "Looking into complaints and responding",
            "Standards §3 and §4: clarify, plan, agree timescales, gather evidence, reach a conclusion and give a final response",
            [ComplaintsRole.LooksIntoComplaints]),
        new("duty-of-candour", "Spotting harm and the Duty of Candour",
            "Standards §1: spot complaints where mistakes may have caused significant harm and route them through the Duty of Candour",
            [ComplaintsRole.LooksIntoComplaints, ComplaintsRole.SeniorLeader]),
        new("learning-culture", "Leading a just and learning culture",
            "Standards §1: senior staff review what complaints show and make sure learning is acted on",
            [ComplaintsRole.SeniorLeader]),
    ];

    /// <summary>The course with a code, or <c>null</c>.</summary>
    public static TrainingCourse? Course(string? code) => Courses.FirstOrDefault(c => c.Code == code);

    /// <summary>The courses a role needs.</summary>
    public static IEnumerable<TrainingCourse> NeededBy(ComplaintsRole role) => Courses.Where(c => c.NeededBy.Contains(role));

    /// <summary>True when <paramref name="person"/> is on the register on <paramref name="today"/>.</summary>
    public static bool OnRegister(StaffTraining person, DateOnly today) => person.AddedOn <= today && (person.LeftOn is not { } left || left > today);

    /// <summary>Where a person stands on each course they need, on <paramref name="today"/>.</summary>
    public static IReadOnlyList<CourseStanding> Standing(StaffTraining person, DateOnly today) =>
        [.. NeededBy(person.Role).Select(course =>
        {
            var last = person.Completions.Where(c => c.Course == course.Code && c.CompletedOn <= today).Select(c => (DateOnly?)c.CompletedOn).Max();
            var due = last?.AddYears(CurrentForYears);
            return new CourseStanding(course.Code, last, due > today, due is { } d && d > today ? d : today);
        })];

    /// <summary>True when a person is current on every course they need.</summary>
    public static bool FullyTrained(StaffTraining person, DateOnly today) => Standing(person, today).All(s => s.Current);

    /// <summary>
    /// Coverage of the staff on the register on <paramref name="today"/>: first every course a person needs
    /// (<see cref="AllCourses"/>: staff current on all of theirs), then each course in turn.
    /// </summary>
    public static IReadOnlyList<CourseCoverage> Coverage(IEnumerable<StaffTraining> register, DateOnly today)
    {
        var staff = register.Where(p => OnRegister(p, today)).ToList();
        var standings = staff.ToDictionary(p => p.Id, p => Standing(p, today));
        return
        [
            new CourseCoverage(AllCourses, staff.Count, staff.Count(p => standings[p.Id].All(s => s.Current))),
            .. Courses.Select(course => new CourseCoverage(
                course.Code,
                staff.Count(p => course.NeededBy.Contains(p.Role)),
                staff.Count(p => standings[p.Id].Any(s => s.Course == course.Code && s.Current)))),
        ];
    }
}
