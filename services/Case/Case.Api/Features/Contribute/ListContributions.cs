using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Case.Api.Features.Contribute;

/// <summary>
/// What the caller's organisation owes to co-ordinated responses led by others (Reg 9): every open case it was asked
/// to contribute to, soonest response date first, with its section and sign-off as they stand. Only the
/// contributing organisation's staff see it; the lead's own staff see their cases in the work queue.
/// </summary>
public sealed class ListContributions(ContributionReads reads, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>Most contributions one list returns.</summary>
    public const int PageSize = 200;

    /// <summary>The REST endpoint: <c>GET /api/v1/cases/contributions</c>.</summary>
    public static async Task<Ok<ItemList<ContributionTask>>> GetAsync(Caller caller, ListContributions list, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ContributionTask>(await list.HandleAsync(caller, ct)));

    /// <summary>The contributions the caller's organisation owes or has given, on cases still open.</summary>
    public async Task<IReadOnlyList<ContributionTask>> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganisationCode is not { } organisation || !caller.ActsFor(organisation, CaseQueries.DetailRoles))
        {
            throw new RequestForbiddenException("An organisation's staff see the contributions it was asked for.");
        }
        var cases = await reads.OpenCasesContributedToAsync(organisation, PageSize, ct);
        if (cases.Count > 0)
        {
            await audit.RecordReadAsync(AuditResources.Case, $"contributions:{cases.Count}", organisation, ct);
        }
        var today = LondonTime.Today(time);
        return [.. cases
            .Select(c => (Case: c, Part: c.Contributions.First(x => x.OrganisationCode == organisation), DueBy: CaseClock.ResponseDueBy(c, today, calendar)))
            .OrderBy(x => x.DueBy ?? DateOnly.MaxValue).ThenBy(x => x.Case.ReceivedOn)
            .Select(x => new ContributionTask(
                x.Case.Id, x.Case.Reference, x.Case.OrganisationCode, x.Case.Stage, x.Case.Plan?.Issues ?? [], x.DueBy, x.Part.Text, x.Part.SignedOffOn))];
    }
}
