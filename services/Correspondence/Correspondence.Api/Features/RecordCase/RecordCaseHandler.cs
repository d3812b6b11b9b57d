using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Cases;

namespace IcsComplaints.Correspondence.Api.Features.RecordCase;

/// <summary>Remembers a case the case service opened: who handles it and the reference its messages quote.</summary>
public sealed class RecordCaseHandler(MessageStore store)
{
    /// <summary>Records the case once, however often the event arrives.</summary>
    public Task HandleAsync(Guid caseId, Guid complaintId, string reference, string organisationCode, DateOnly receivedOn, CancellationToken ct) =>
        store.AddCaseAsync(KnownCase.Opened(caseId, complaintId, reference, organisationCode, receivedOn), ct);
}
