using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Actions;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Features.ListPublishedSummaries;

/// <summary>A public "you said, we did" entry: no names, no case, only the month.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Month">Month completed, <c>yyyy-MM</c>.</param>
/// <param name="YouSaid">What people told us.</param>
/// <param name="WeDid">What we did.</param>
public sealed record YouSaidWeDid(string OrganisationCode, string Month, string YouSaid, string WeDid);

/// <summary>The public "you said, we did" summaries.</summary>
public sealed class ListPublishedSummariesHandler(LearningDbContext db)
{
    /// <summary>The public "you said, we did" summaries of an organisation, newest first.</summary>
    public async Task<IReadOnlyList<YouSaidWeDid>> HandleAsync(string? organisationCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisationCode))
        {
            throw new RequestValidationException("organisation", "Give the organisation's ODS code.");
        }
        var code = organisationCode.Trim().ToUpperInvariant();
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.OrganisationCode == code && a.Status == ActionStatus.Completed && a.YouSaid != null && a.WeDid != null)
            .OrderByDescending(a => a.ClosedOn).Take(200)
            .Select(a => new { a.ClosedOn, a.YouSaid, a.WeDid })
            .ToListAsync(ct);
        return [.. rows.Select(r => new YouSaidWeDid(code, r.ClosedOn!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.YouSaid!, r.WeDid!))];
    }
}
