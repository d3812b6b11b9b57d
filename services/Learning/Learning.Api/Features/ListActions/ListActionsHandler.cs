using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Learning.Api.Features.ListActions;

/// <summary>Lists an organisation's learning actions, overdue ones flagged.</summary>
public sealed class ListActionsHandler(ActionQueries actions, Commissioning commissioning, TimeProvider time)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Actions of an organisation the caller may see (their own, or an ICB's provider), most urgent first.</summary>
    public async Task<IReadOnlyList<ActionView>> HandleAsync(Caller caller, string? organisationCode, ActionStatus? status, bool overdueOnly, Guid? caseId, Guid? themeId, CancellationToken ct)
    {
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var today = Today;
        var found = await actions.OfOrganisationAsync(organisation, status, overdueOnly ? today : null, caseId, themeId, 500, ct);
        return [.. found.Select(a => ActionSupport.View(a, today))];
    }
}
