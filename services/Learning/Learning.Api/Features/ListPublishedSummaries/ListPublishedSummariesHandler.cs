using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.ListPublishedSummaries;

/// <summary>A public "you said, we did" entry: no names, no case, only the month.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Month">Month completed, <c>yyyy-MM</c>.</param>
/// <param name="YouSaid">What people told us.</param>
/// <param name="WeDid">What we did.</param>
public sealed record YouSaidWeDid(string OrganisationCode, string Month, string YouSaid, string WeDid);

/// <summary>The public "you said, we did" summaries.</summary>
public sealed class ListPublishedSummariesHandler(ActionQueries actions)
{
    /// <summary>The public "you said, we did" summaries of an organisation, newest first.</summary>
    public async Task<IReadOnlyList<YouSaidWeDid>> HandleAsync(string? organisationCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisationCode))
        {
            throw new RequestValidationException("organisation", "Give the organisation's ODS code.");
        }
        var code = organisationCode.Trim().ToUpperInvariant();
        var rows = await actions.PublishedSummariesAsync(code, 200, ct);
        return [.. rows.Select(r => new YouSaidWeDid(code, r.ClosedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.YouSaid, r.WeDid))];
    }
}
