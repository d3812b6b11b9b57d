using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Domain.Cases;

namespace IcsComplaints.AdvocacyReferral.Api.Features.RecordCase;

/// <summary>Keeps a case the case service opened, once; the consumer's unit of work saves it.</summary>
public sealed class RecordCaseHandler(CaseStore cases)
{
    /// <summary>Records the case unless it is known already.</summary>
    public async Task HandleAsync(CaseReference opened, CancellationToken ct)
    {
        if (!await cases.ExistsAsync(opened.CaseId, ct))
        {
            cases.Add(opened);
        }
    }
}
