using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.StartEarlyResolution;

/// <summary>Starts early resolution, due within the organisation's target (<see cref="EarlyResolutionTarget"/>).</summary>
public sealed class StartEarlyResolution(CaseSteps steps, CaseStore store, WorkingDayCalendar calendar)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.EarlyResolution input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.StartedOn, "startedOn", steps.Today);
        reader.ThrowIfAny();
        var target = (await store.SettingsAsync(c.OrganisationCode, ct))?.EarlyResolutionTargetWorkingDays ?? EarlyResolutionTarget.DefaultWorkingDays;
        await steps.ApplyAsync(c, () => c.StartEarlyResolution(on, target, calendar), ct);
    }
}
