using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>
/// <see cref="Publication"/>: which outputs are exact and which are prepared for publication. How a published output
/// is protected is tested in <see cref="SmallNumberSuppressionTests"/>.
/// </summary>
public sealed class PublicationTests
{
    [Theory]
    [InlineData(ReportingOutput.Measures, false, false)]
    [InlineData(ReportingOutput.Measures, true, true)]
    [InlineData(ReportingOutput.Oversight, false, false)]
    [InlineData(ReportingOutput.Funnel, true, true)]
    [InlineData(ReportingOutput.Trend, false, false)]
    [InlineData(ReportingOutput.Overdue, true, false)]
    [InlineData(ReportingOutput.Ko41Return, true, false)]
    [InlineData(ReportingOutput.Peers, false, true)]
    [InlineData(ReportingOutput.AnnualReport, false, true)]
    public void OperationalOutputsAreExactUnlessPublicationIsAsked_PeersAndTheAnnualReportAreAlwaysPublished(ReportingOutput output, bool asked, bool published) =>
        Assert.Equal(published, Publication.IsForPublication(output, asked));
}
