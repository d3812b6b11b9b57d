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

    /// <summary>The concerns raised in a period, newest first.</summary>
    public async Task<IReadOnlyList<ConcernView>> ListAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(ComplaintAccess.ReaderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only staff of an organisation read its concerns.");
        }
        var concerns = await store.ListAsync(organisation, from, to, PageSize, ct);
        await audit.RecordReadAsync(AuditResources.Concern, $"list:{concerns.Count}", organisation, ct);
        return [.. concerns.Select(ConcernView.Of)];
    }
}
