using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.RecordStaffInvolved;

/// <summary>Adds a member of staff complained about (NHS Complaint Standards: supporting staff); returns their record's id.</summary>
public sealed class AddStaffInvolved(CaseSteps steps, CaseStore store, IOutbox outbox)
{
    /// <summary>Takes the step.</summary>
    public async Task<long> HandleAsync(Caller caller, Guid caseId, CaseRequests.Staff input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var name = reader.Text(input.Name, "name", 200, "Give the name of the member of staff.") ?? "";
        var role = reader.Text(input.Role, "role", 200, "Give their job role.") ?? "";
        var details = StaffInvolvedRecords.Details(reader, input, steps.Today);
        reader.ThrowIfAny();
        // The staff record's id exists only once saved, so the event is written by a second save in one transaction.
        return await store.InTransactionAsync(async () =>
        {
            StaffInvolved? staff = null;
            await steps.ApplyAsync(c, () => staff = c.AddStaff(name, role, details), ct);
            StaffInvolvedRecords.Publish(outbox, c, staff!, steps.Today);
            await store.SaveAsync(ct);
            return staff!.Id;
        }, ct);
    }
}
