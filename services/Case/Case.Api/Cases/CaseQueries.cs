using IcsComplaints.Case.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>A case as the API shows it.</summary>
/// <param name="CaseId">Identifier.</param>
/// <param name="ComplaintId">The complaint it handles.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation handling it.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="AcknowledgementDueBy">Acknowledgement deadline (Reg 13(3)).</param>
public sealed record CaseView(
    Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, CaseStage Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy);

/// <summary>Reads cases for the REST and gRPC APIs alike.</summary>
public sealed class CaseQueries(CaseDbContext db)
{
    /// <summary>Most cases one list returns.</summary>
    public const int PageSize = 100;

    /// <summary>One case, or <c>null</c>.</summary>
    public Task<CaseView?> GetAsync(Guid caseId, CancellationToken ct) =>
        Views(db.Cases.Where(c => c.Id == caseId)).FirstOrDefaultAsync(ct);

    /// <summary>Cases matching the filter, newest first.</summary>
    public async Task<IReadOnlyList<CaseView>> ListAsync(string? reference, CancellationToken ct)
    {
        var cases = db.Cases.AsQueryable();
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var canonical = ComplaintReference.Normalise(reference)
                ?? throw new RequestValidationException("reference", "Give a complaint reference such as K3QX-9HF7 (eight letters and digits).");
            cases = cases.Where(c => c.Reference == canonical);
        }
        return await Views(cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.OpenedAt).Take(PageSize)).ToListAsync(ct);
    }

    private static IQueryable<CaseView> Views(IQueryable<ComplaintCase> cases) =>
        cases.AsNoTracking().Select(c => new CaseView(
            c.Id, c.ComplaintId, c.Reference, c.OrganisationCode, c.Stage, c.ReceivedOn, c.AcknowledgementDueBy));
}
