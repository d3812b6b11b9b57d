using System.Globalization;
using Grpc.Core;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Learning.Api.Features.ProposeActions;

/// <summary>A change a sent final response committed to.</summary>
/// <param name="Index">Its place in the response, from 0.</param>
/// <param name="Action">What will change.</param>
/// <param name="By">By when.</param>
public sealed record CommittedChange(int Index, string Action, DateOnly By);

/// <summary>
/// Reads from the case service, under the learning service's own identity (ADR 44), the changes a sent final response
/// committed to: <c>FinalResponseSent</c> carries only how many. Case audits each read.
/// </summary>
public interface ICommittedChanges
{
    /// <summary>
    /// The changes, in the response's order; <c>null</c> when case knows no such case or no sent response. Any other
    /// failure (case unreachable, the identity refused) is thrown, so that the message is tried again.
    /// </summary>
    Task<IReadOnlyList<CommittedChange>?> OfAsync(Guid caseId, CancellationToken ct);
}

/// <summary>Case's <c>CaseLearningService</c>, called with the service's token.</summary>
public sealed class CaseCommittedChanges(CaseLearningService.CaseLearningServiceClient cases, ServiceTokenSource tokens) : ICommittedChanges
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommittedChange>?> OfAsync(Guid caseId, CancellationToken ct)
    {
        try
        {
            var found = await cases.GetCommittedChangesAsync(
                new GetCommittedChangesRequest { CaseId = caseId.ToString() }, await tokens.HeadersAsync(ct), DateTime.UtcNow.Add(Deadline), ct);
            return [.. found.Changes.Select(c => new CommittedChange(c.Index, c.Action, DateOnly.ParseExact(c.By, "yyyy-MM-dd", CultureInfo.InvariantCulture)))];
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
