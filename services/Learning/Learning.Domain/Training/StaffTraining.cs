using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Domain.Training;

/// <summary>What a member of staff does with complaints, which decides the training they need (<see cref="Rules.TrainingCoverage"/>).</summary>
public enum ComplaintsRole
{
    /// <summary>Meets patients and the public and takes concerns and complaints as they come (reception, wards, PALS).</summary>
    FrontLine = 1,

    /// <summary>Resolves complaints early or looks into them: complaints handlers and investigators.</summary>
    LooksIntoComplaints = 2,

    /// <summary>Reviews what complaints show and is accountable for acting on it: board members, senior managers.</summary>
    SeniorLeader = 3,
}

/// <summary>
/// One member of staff on an organisation's training register: what they do with complaints, each course they
/// completed and when, and the day they left the register (they then no longer count towards coverage). Holds a name
/// and a job title, nothing else about the person.
/// </summary>
public sealed class StaffTraining
{
    private readonly List<TrainingCompletion> _completions = [];

    private StaffTraining()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The organisation they work for (ODS code).</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Their name, as the organisation knows them.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Their job title, if given.</summary>
    public string? JobTitle { get; private set; }

    /// <summary>What they do with complaints.</summary>
    public ComplaintsRole Role { get; private set; }

    /// <summary>The day they were put on the register.</summary>
    public DateOnly AddedOn { get; private set; }

    /// <summary>The day they left the register (left the organisation or no longer deal with complaints).</summary>
    public DateOnly? LeftOn { get; private set; }

    /// <summary>The courses completed, each time one was.</summary>
    public IReadOnlyList<TrainingCompletion> Completions => _completions;

    /// <summary>A member of staff put on the register today.</summary>
    public static StaffTraining Add(string organisationCode, string name, string? jobTitle, ComplaintsRole role, DateOnly today) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationCode = organisationCode, Name = name, JobTitle = jobTitle, Role = role, AddedOn = today,
    };

    /// <summary>Records a course completed on a day; the same course on the same day twice is recorded once.</summary>
    public TrainingCompletion Complete(string course, DateOnly completedOn, DateOnly today)
    {
        if (LeftOn is { } left)
        {
            throw new RequestStateException($"{Name} left the training register on {left:yyyy-MM-dd}.");
        }
        if (completedOn > today)
        {
            throw new RequestValidationException("completedOn", "The day the course was completed cannot be in the future.");
        }
        var same = _completions.FirstOrDefault(c => c.Course == course && c.CompletedOn == completedOn);
        if (same is not null)
        {
            return same;
        }
        var completion = new TrainingCompletion(Id, course, completedOn);
        _completions.Add(completion);
        return completion;
    }

    /// <summary>Takes them off the register from a day; their completions stay on record.</summary>
    public void Leave(DateOnly leftOn, DateOnly today)
    {
        if (LeftOn is not null)
        {
            throw new RequestStateException($"{Name} already left the training register on {LeftOn:yyyy-MM-dd}.");
        }
        if (leftOn > today || leftOn < AddedOn)
        {
            throw new RequestValidationException("leftOn", $"The day they left is on or after {AddedOn:d MMMM yyyy}, when they were added, and not in the future.");
        }
        LeftOn = leftOn;
    }
}

/// <summary>A course a member of staff completed, and when.</summary>
public sealed class TrainingCompletion
{
    internal TrainingCompletion(Guid staffId, string course, DateOnly completedOn)
    {
        Id = Guid.CreateVersion7();
        StaffId = staffId;
        Course = course;
        CompletedOn = completedOn;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The member of staff.</summary>
    public Guid StaffId { get; private set; }

    /// <summary>The course's code (<see cref="Rules.TrainingCoverage.Courses"/>).</summary>
    public string Course { get; private set; }

    /// <summary>The day it was completed.</summary>
    public DateOnly CompletedOn { get; private set; }
}
