using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ListComplaints;

/// <summary>The complaints made to or handled by the caller's organisation, newest first, for its staff.</summary>
public sealed class ListComplaintsHandler(ComplaintQueries queries)
{
    /// <summary>Most complaints one list returns.</summary>
    public const int PageSize = 200;

    /// <summary>Filtered by state and route; with <paramref name="pendingOnly"/>, those waiting for a decision.</summary>
    public async Task<IReadOnlyList<ComplaintSummary>> ListAsync(
        Caller caller, ComplaintState? state, ComplaintRoute? route, bool pendingOnly, DateOnly? before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(ComplaintAccess.ReaderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only staff of an organisation list its complaints.");
        }
        var complaints = await queries.ListAsync(organisation, state, route, pendingOnly, before, PageSize, ct);
        return [.. complaints.Select(c => new ComplaintSummary(
            c.Id, c.Reference, c.OrganisationCode, c.HandlingOrganisationCode, c.ReceivedOn, c.Channel, c.State, c.Route, c.PendingDecisions()))];
    }
}
