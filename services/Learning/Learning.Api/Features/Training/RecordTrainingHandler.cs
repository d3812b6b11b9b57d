using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Training;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.Training;

/// <summary>A course completed.</summary>
/// <param name="Course">The course's code (GET /api/v1/learning/training/courses).</param>
/// <param name="CompletedOn">The day it was completed (yyyy-MM-dd); today when left out.</param>
public sealed record RecordTrainingRequest(string? Course, string? CompletedOn);

/// <summary>The day a member of staff left the register.</summary>
/// <param name="LeftOn">The day (yyyy-MM-dd); today when left out.</param>
public sealed record LeaveTrainingRegisterRequest(string? LeftOn);

/// <summary>Records a course a member of staff completed, or their leaving the register; only on the caller's own organisation's register.</summary>
public sealed class RecordTrainingHandler(TrainingStore register, IAuditTrail audit, TimeProvider time)
{
    // Training older than this is of no use to coverage, and a date before it is a typing mistake.
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Records a course completed.</summary>
    public async Task<StaffTrainingView> CompleteAsync(Caller caller, Guid id, RecordTrainingRequest? input, CancellationToken ct)
    {
        var organisation = TrainingSupport.Own(caller);
        var today = LondonTime.Today(time);
        var reader = new FieldReader();
        if (string.IsNullOrWhiteSpace(input?.Course))
        {
            reader.Add("course", "Choose the course completed.");
        }
        else if (TrainingCoverage.Course(input.Course) is null)
        {
            reader.Add("course", "Not a course of the training (GET /api/v1/learning/training/courses): " + string.Join(", ", TrainingCoverage.Courses.Select(c => c.Code)) + ".");
        }
        var completedOn = reader.Date(input?.CompletedOn, "completedOn", Earliest, today) ?? today;
        reader.ThrowIfAny();
        return await ChangeAsync(organisation, id, today, person => person.Complete(input!.Course!, completedOn, today), ct);
    }

    /// <summary>Takes a member of staff off the register from a day.</summary>
    public async Task<StaffTrainingView> LeaveAsync(Caller caller, Guid id, LeaveTrainingRegisterRequest? input, CancellationToken ct)
    {
        var organisation = TrainingSupport.Own(caller);
        var today = LondonTime.Today(time);
        var reader = new FieldReader();
        var leftOn = reader.Date(input?.LeftOn, "leftOn", Earliest, today) ?? today;
        reader.ThrowIfAny();
        return await ChangeAsync(organisation, id, today, person => person.Leave(leftOn, today), ct);
    }

    // Someone on another organisation's register is not found, as if they did not exist.
    private async Task<StaffTrainingView> ChangeAsync(string organisation, Guid id, DateOnly today, Action<StaffTraining> change, CancellationToken ct)
    {
        var person = await register.FindAsync(organisation, id, ct) ?? throw new RequestNotFoundException("No one with that identifier is on your organisation's training register.");
        change(person);
        audit.Record(AuditAction.Update, LearningResources.StaffTraining, person.Id.ToString(), organisation);
        await register.SaveAsync(ct);
        return TrainingSupport.View(person, today);
    }
}
