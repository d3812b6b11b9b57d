using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Training;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.Training;

/// <summary>A member of staff to put on the register.</summary>
/// <param name="Name">Their name.</param>
/// <param name="JobTitle">Their job title (optional).</param>
/// <param name="Role">What they do with complaints: FrontLine, LooksIntoComplaints or SeniorLeader.</param>
public sealed record AddToTrainingRegisterRequest(string? Name, string? JobTitle, string? Role);

/// <summary>Puts a member of staff on the caller's organisation's training register.</summary>
public sealed class AddToTrainingRegisterHandler(TrainingStore register, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Puts a member of staff on the caller's organisation's register.</summary>
    public async Task<StaffTrainingView> HandleAsync(Caller caller, AddToTrainingRegisterRequest? input, CancellationToken ct)
    {
        var organisation = TrainingSupport.Own(caller);
        var reader = new FieldReader();
        var name = reader.Line(input?.Name, "name", 200, "Enter the name of the member of staff.");
        var jobTitle = reader.Line(input?.JobTitle, "jobTitle", 200);
        var role = reader.Enum<ComplaintsRole>(input?.Role, "role", "Choose what they do with complaints.");
        reader.ThrowIfAny();
        var today = LondonTime.Today(time);
        var person = StaffTraining.Add(organisation, name!, jobTitle, role!.Value, today);
        register.Add(person);
        audit.Record(AuditAction.Create, LearningResources.StaffTraining, person.Id.ToString(), organisation);
        await register.SaveAsync(ct);
        return TrainingSupport.View(person, today);
    }
}
