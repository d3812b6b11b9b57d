using System.Globalization;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Proto = IcsComplaints.Case.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Features.ShareLearning;

/// <summary>
/// What the learning service reads from a case (ADR 44): the changes its sent final response committed to, to propose
/// them as learning actions. Only the learning service's identity is served, whatever organisation the case belongs
/// to; each read is audited as a read of the case. <c>FinalResponseSent</c> carries only how many there are.
/// </summary>
public sealed class CommittedChangesRead(CaseQueries queries, IAuditTrail audit)
{
    /// <summary>
    /// The changes of the sent final response, in the response's order; <see cref="RequestNotFoundException"/> for an
    /// unknown case or one whose final response has not been sent.
    /// </summary>
    public async Task<Proto.CommittedChanges> HandleAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        if (!caller.Has(Roles.LearningService))
        {
            throw new RequestForbiddenException("Only the learning service reads the changes a final response committed to.");
        }
        var c = await queries.LoadAsync(caseId, ct) ?? throw new RequestNotFoundException();
        if (c.FinalResponseSentOn is not { } sentOn || c.Signature is null || c.Draft is not { } draft)
        {
            throw new RequestNotFoundException();
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        var changes = new Proto.CommittedChanges { OrganisationCode = c.OrganisationCode, SentOn = Iso(sentOn) };
        changes.Changes.AddRange(draft.Changes.Select((x, i) => new Proto.CommittedChange { Index = i, Action = x.Action, By = Iso(x.By) }));
        return changes;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
