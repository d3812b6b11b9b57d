using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="PeerComparison"/>: peers only as quartiles of rates resting on no small number, over at least three peers.</summary>
public sealed class PeerComparisonTests
{
    [Fact]
    public void PeerQuantiles_Interpolate()
    {
        double[] sorted = [0.5, 0.6, 0.7, 0.9];

        Assert.Equal((0.575, 0.65, 0.75), (PeerComparison.Quantile(sorted, 0.25), PeerComparison.Quantile(sorted, 0.5), PeerComparison.Quantile(sorted, 0.75)));
    }

    [Fact]
    public void PeerDistributions_LeaveOutPeersWhoseRatesRestOnSmallNumbers()
    {
        (int, int)[] peers = [(2, 10), (8, 10), (3, 4), (10, 10), (0, 12), (5, 20)];

        var rate = PeerComparison.Distribution("acknowledgedInTime", 9, 10, peers);

        // Counted: 10 of 10, 0 of 12 and 5 of 20; not 2 of 10, 8 of 10 (2 not) or 3 of 4.
        Assert.Equal((3, false, 0.9), (rate.Peers, rate.Suppressed, rate.Own));
        Assert.Equal((0.125, 0.25, 0.625), (rate.LowerQuartile, rate.Median, rate.UpperQuartile));
        Assert.True(PeerComparison.Distribution("acknowledgedInTime", 9, 10, peers.Take(4)).Suppressed);
    }
}
