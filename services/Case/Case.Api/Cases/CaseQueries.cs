using IcsComplaints.Case.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.ServiceDefaults.Audit;
using IcsComplaints.ServiceDefaults.Security;
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
/// <param name="OnHold">Decisions intake still needs before the case can move on: time-limit, best-interests, routing.</param>
/// <param name="TransferredFromOrganisationCode">Where it came from, when transferred.</param>
/// <param name="ClosedOn">When it closed.</param>
/// <param name="Closure">Why it closed.</param>
/// <param name="Outcome">For a resolved complaint: Upheld, PartiallyUpheld or NotUpheld.</param>
public sealed record CaseView(
    Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, CaseStage Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy,
    IReadOnlyList<string> OnHold, string? TransferredFromOrganisationCode, DateOnly? ClosedOn, CaseClosure? Closure, string? Outcome);

/// <summary>
/// Reads cases for the REST and gRPC APIs alike, only those the caller may see: staff see their own
/// organisation's cases, a complainant their own; anyone else sees nothing, and a case they may not see is
/// reported as not found, never as forbidden.
/// </summary>
public sealed class CaseQueries(CaseDbContext db, IAuditTrail audit)
{
    /// <summary>Most cases one list returns.</summary>
    public const int PageSize = 100;

    /// <summary>Roles that see their own organisation's cases.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson, Roles.QualityLead, Roles.IcbCommissioner, Roles.IntegrationSystem];

    /// <summary>One case, or <c>null</c> when it does not exist or the caller may not see it. Reads are audited.</summary>
    public async Task<CaseView?> GetAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var found = await Views(Visible(caller).Where(c => c.Id == caseId)).FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            await audit.RecordReadAsync(AuditResources.Case, found.CaseId.ToString(), found.OrganisationCode, ct);
        }
        return found;
    }

    /// <summary>Cases matching the filter that the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<CaseView>> ListAsync(Caller caller, string? reference, CancellationToken ct)
    {
        var cases = Visible(caller);
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var canonical = ComplaintReference.Normalise(reference)
                ?? throw new RequestValidationException("reference", "Give a complaint reference such as K3QX-9HF7 (eight letters and digits).");
            cases = cases.Where(c => c.Reference == canonical);
        }
        return await Views(cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.OpenedAt).Take(PageSize)).ToListAsync(ct);
    }

    private IQueryable<ComplaintCase> Visible(Caller caller)
    {
        if (caller.HasAny(ReaderRoles) && caller.OrganisationCode is { } organisation)
        {
            return db.Cases.Where(c => c.OrganisationCode == organisation);
        }
        if (caller.Has(Roles.Complainant) && caller.IsAuthenticated)
        {
            return db.Cases.Where(c => c.ComplainantSubjectId == caller.SubjectId);
        }
        // Advocates see cases only under a consent grant (advocacy referrals); until then, nothing.
        return db.Cases.Where(_ => false);
    }

    private static IQueryable<CaseView> Views(IQueryable<ComplaintCase> cases) =>
        cases.AsNoTracking().Select(c => new CaseView(
            c.Id, c.ComplaintId, c.Reference, c.OrganisationCode, c.Stage, c.ReceivedOn, c.AcknowledgementDueBy,
            Holds(c.AwaitingTimeLimitDecision, c.AwaitingBestInterestsDecision, c.AwaitingRouting),
            c.TransferredFromOrganisationCode, c.ClosedOn, c.Closure, c.Outcome));

    private static string[] Holds(bool timeLimit, bool bestInterests, bool routing) =>
        [.. new[] { (timeLimit, "time-limit"), (bestInterests, "best-interests"), (routing, "routing") }.Where(h => h.Item1).Select(h => h.Item2)];
}
