using IcsComplaints.Platform.Security;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Api.Features.GetMeasures;

/// <summary>An organisation's measures with their definitions.</summary>
/// <param name="Measures">The figures.</param>
/// <param name="Suppressed">True when prepared for publication: small numbers, and whatever would reveal them, withheld.</param>
/// <param name="Definitions">What each measure means.</param>
public sealed record MeasuresView(MeasureSet Measures, bool Suppressed, IReadOnlyList<MeasureDefinition> Definitions);

/// <summary>An organisation's measures: exact for its own staff and its ICB, or prepared for publication (REST and gRPC).</summary>
public sealed class GetMeasuresHandler(ReportingAccess access, MeasureQueries measures)
{
    /// <summary>The measures of the organisation asked for (or the caller's own) in the period.</summary>
    public async Task<MeasuresView> HandleAsync(Caller caller, string? organisation, string? period, bool publication, CancellationToken ct)
    {
        var code = await access.OrganisationAsync(caller, organisation, ct);
        var set = (await measures.ComputeAsync([code], ReportingPeriods.Parse(period), null, ct)).Single();
        var published = Publication.IsForPublication(ReportingOutput.Measures, publication);
        return new MeasuresView(published ? Publication.Measures(set) : set, published, MeasureDefinitions.All);
    }
}
