using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.CaseSettings;

/// <summary>
/// Changes how the organisation runs the procedure: its early-resolution target (<see cref="EarlyResolutionTarget"/>)
/// and its draft review window (<see cref="AdvocateReviewWindow"/>); the responsible person or quality lead does this.
/// </summary>
public sealed class ChangeCaseSettings(CaseStore store, TimeProvider time)
{
    /// <summary>Takes the step; returns the settings as they now stand.</summary>
    public async Task<OrganisationSettings> HandleAsync(Caller caller, CaseRequests.Settings input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        if (!caller.HasAny([Roles.ResponsiblePerson, Roles.QualityLead]) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("The responsible person or quality lead sets how the organisation runs the procedure.");
        }
        var reader = new FieldReader();
        EarlyResolutionTarget.Check(input.EarlyResolutionTargetWorkingDays, "earlyResolutionTargetWorkingDays", reader.Errors);
        AdvocateReviewWindow.Check(input.ReviewWindowWorkingDays, "reviewWindowWorkingDays", reader.Errors);
        if (input is { EarlyResolutionTargetWorkingDays: null, ReviewWindowWorkingDays: null })
        {
            reader.Add("body", "Give earlyResolutionTargetWorkingDays, reviewWindowWorkingDays or both.");
        }
        reader.ThrowIfAny();
        var settings = await store.SettingsToChangeAsync(organisation, ct);
        settings.Change(input.EarlyResolutionTargetWorkingDays, input.ReviewWindowWorkingDays, caller.SubjectId, time.GetUtcNow());
        await store.SaveAsync(ct);
        return settings;
    }
}
