using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.RecordStaffInvolved;

/// <summary>Updates what is recorded about a member of staff complained about.</summary>
public sealed class UpdateStaffInvolved(CaseSteps steps, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, long staffId, CaseRequests.Staff input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var name = reader.Text(input.Name, "name", 200);
        var role = reader.Text(input.Role, "role", 200);
        var details = StaffInvolvedRecords.Details(reader, input, steps.Today);
        reader.ThrowIfAny();
        StaffInvolved? staff = null;
        await steps.ApplyAsync(c, () => staff = c.UpdateStaff(staffId, name, role, details), ct, () => StaffInvolvedRecords.Publish(outbox, c, staff!, steps.Today));
    }
}
