using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="MeasureDefinitions"/>: every measure defined, and worked out as defined.</summary>
public sealed class MeasureDefinitionsTests
{
    [Fact]
    public void MediansHandleEvenCounts_AndNone()
    {
        Assert.Equal(24.5, MeasureDefinitions.Median([20, 29, 24, 25]));
        Assert.Null(MeasureDefinitions.Median([]));
    }

    [Fact]
    public void EveryMeasure_HasADefinition()
    {
        var keys = typeof(MeasureSet).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Except(["organisationCode", "period"]).Order(StringComparer.Ordinal);

        Assert.Equal(keys, MeasureDefinitions.All.Select(d => d.Key).Order(StringComparer.Ordinal));
    }
}
