using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.RecordConcern;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ListConcerns;

/// <summary>The caller's organisation's informal concerns, for its staff; every list is audited.</summary>
public sealed class ListConcernsHandler(ConcernStore store, IAuditTrail audit)
{
    /// <summary>Most concerns one list returns.</summary>
    public const int PageSize = 500;

    /// <summary>The concerns raised in a period, newest first; with <paramref name="open"/>, the open ones, the soonest follow-up first.</summary>
    public async Task<IReadOnlyList<ConcernView>> ListAsync(Caller caller, DateOnly? from, DateOnly? to, bool open, CancellationToken ct)
    {
        var organisation = OrganisationOf(caller);
        var concerns = open ? await store.ListOpenAsync(organisation, PageSize, ct) : await store.ListAsync(organisation, from, to, PageSize, ct);
        await audit.RecordReadAsync(AuditResources.Concern, $"list:{concerns.Count}", organisation, ct);
        return [.. concerns.Select(ConcernView.Of)];
    }

    /// <summary>One of the organisation's concerns; another organisation's is not found.</summary>
    public async Task<ConcernView?> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var organisation = OrganisationOf(caller);
        if (await store.FindAsync(organisation, id, ct) is not { } concern)
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Concern, concern.Id.ToString(), organisation, ct);
        return ConcernView.Of(concern);
    }

    // Checks that the caller is staff of an organisation, and answers which.
    private static string OrganisationOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.HasAny(ComplaintAccess.ReaderRoles) && caller.OrganisationCode is { } organisation
            ? organisation
            : throw new RequestForbiddenException("Only staff of an organisation read its concerns.");
    }
}
