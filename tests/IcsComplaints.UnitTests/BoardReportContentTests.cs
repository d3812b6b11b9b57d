using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="BoardReportContent"/>: the periods a board report covers, and sentences that never give away a withheld figure.</summary>
public sealed class BoardReportContentTests
{
    [Theory]
    [InlineData("2026-Q3", "July to September 2026", "April to June 2026")]
    [InlineData("2026-Q1", "January to March 2026", "October to December 2025")]
    [InlineData("2026/27", "1 April 2026 to 31 March 2027", "1 April 2025 to 31 March 2026")]
    public void AQuarterOrAFinancialYear_IsComparedWithTheOneBefore(string asked, string covers, string before)
    {
        var (period, previous) = BoardReportContent.Periods(asked);

        Assert.Equal((covers, before), (BoardReportContent.InWords(period), BoardReportContent.InWords(previous)));
    }

    [Theory]
    [InlineData("2026-11")]
    [InlineData("2026")]
    [InlineData("2025-12..2026-11")]
    [InlineData("")]
    [InlineData(null)]
    public void AMonthAYearOrARunOfMonths_IsNotABoardsPeriod(string? asked) =>
        Assert.Equal(["period"], Assert.Throws<RequestValidationException>(() => BoardReportContent.Periods(asked)).Errors.Keys);

    [Fact]
    public void AWithheldCount_IsSaidToBeWithheld_AndNoSentenceGivesItAway()
    {
        var (period, previous) = BoardReportContent.Periods("2026-Q3");
        var now = Received(null, new Rate(null, null, null, Suppressed: true));
        var before = Received(12, Rate.Of(12, 12));

        var report = BoardReportContent.Of("RJ1", false, period, previous, now, before, [["Access"], ["Access"]], [], []);

        var volumes = report.Sections.Single(s => s.Key == "volumes");
        Assert.StartsWith("The number of complaints received is withheld", volumes.Narrative[0], StringComparison.Ordinal);
        // Two about access is a small number: the subject is not named.
        Assert.DoesNotContain(volumes.Narrative, n => n.Contains("access", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new BoardRow("Complaints received", "withheld", "12"), volumes.Rows[0]);
        Assert.StartsWith("Acknowledged within 3 working days: withheld", report.Sections.Single(s => s.Key == "timeliness").Narrative[0], StringComparison.Ordinal);
        Assert.True(report.Suppressed);
    }

    [Fact]
    public void TheLearningPart_CountsTheActionsOfEachPeriod_AndThoseStillOpenAtItsEnd()
    {
        var (period, previous) = BoardReportContent.Periods("2026-Q3");
        ReportedAction[] actions =
        [
            new(new DateOnly(2026, 7, 2), new DateOnly(2026, 8, 1), true), new(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), false),
            new(new DateOnly(2026, 9, 1), null, false), new(new DateOnly(2026, 6, 1), new DateOnly(2026, 10, 5), false),
        ];

        var learning = BoardReportContent.Of("RJ1", false, period, previous, Received(12, Rate.Of(12, 12)), Received(12, Rate.Of(12, 12)), [], [], actions)
            .Sections.Single(s => s.Key == "learning");

        Assert.Equal(
            ["2 learning actions were raised and 1 completed; 1 of those completed was published as \"you said, we did\".", "2 learning actions were still open at the end of the period."],
            learning.Narrative);
        Assert.Equal([new BoardRow("Learning actions raised", "2", "2"), new BoardRow("Learning actions completed", "1", "1"), new BoardRow("Published as \"you said, we did\"", "1", "0")], learning.Rows);
    }

    // A quarter with only complaints received, acknowledged as given.
    private static MeasureSet Received(int? received, Rate acknowledged)
    {
        var none = Rate.Of(0, 0);
        return new MeasureSet(
            "RJ1", "2026-Q3", received, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Online"] = received }, acknowledged, none, null, null,
            none, none, 0, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Upheld"] = 0, ["PartiallyUpheld"] = 0, ["NotUpheld"] = 0 }, none, none, 0,
            none, none, none, none, new Dictionary<string, Rate>(StringComparer.Ordinal), 0, 0);
    }
}
