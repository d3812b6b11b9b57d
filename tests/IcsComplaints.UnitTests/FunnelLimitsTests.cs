using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="FunnelLimits"/>: binomial control limits around the overall rate, for each provider's volume.</summary>
public sealed class FunnelLimitsTests
{
    [Fact]
    public void FunnelLimits_NarrowAsVolumeGrows_AndStayWithinZeroAndOne()
    {
        var (lower20, upper20) = FunnelLimits.Of(0.8, 20, FunnelLimits.Warning);
        var (lower200, upper200) = FunnelLimits.Of(0.8, 200, FunnelLimits.Warning);

        // 0.8 ± 1.96 × √(0.8 × 0.2 / 20) = 0.8 ± 0.1753.
        Assert.Equal((0.6247, 0.9753), (lower20, upper20));
        Assert.True(upper200 - lower200 < upper20 - lower20);
        Assert.Equal((0.0, 1.0), FunnelLimits.Of(0.5, 1, FunnelLimits.Alarm));
    }
}
