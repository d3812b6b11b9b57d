using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="AnnualReportContent"/>: what the Reg 18(2) annual report gives, and that it leaves ready to publish.</summary>
public sealed class AnnualReportContentTests
{
    [Fact]
    public void TheReport_CountsEachComplaintOnceUnderEachSubject_NamesTheYearsThemes_AndCountsTheYearsActions()
    {
        var year = ReportingPeriods.FinancialYear(2025);
        IReadOnlyList<string>[] subjects =
        [
            .. Enumerable.Repeat<IReadOnlyList<string>>(["Communications", "Communications"], 10),
            .. Enumerable.Repeat<IReadOnlyList<string>>(["Clinical treatment", "Communications"], 10),
        ];
        ReportedTheme[] themes = [new(new DateOnly(2025, 7, 1), "HcatCategory", "Safety", true), new(new DateOnly(2025, 5, 1), "SubjectArea", "Communications", false)];
        ReportedAction[] actions =
        [
            new(new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 1), true), new(new DateOnly(2024, 1, 1), new DateOnly(2025, 4, 2), false),
            new(new DateOnly(2026, 4, 1), null, false),
        ];

        var report = AnnualReportContent.Of("RJ2", year, Received("RJ2", 20), subjects, themes, actions);

        Assert.Equal(("2025/26", 20, 0, 0), (report.Period, report.Received, report.DecidedWellFounded, report.ReferredToOmbudsman));
        Assert.Equal([("Communications", (int?)20), ("Clinical treatment", (int?)10)], report.SubjectMatter.Select(s => (s.Key, s.Value)));
        Assert.Equal(["2025-05: Communications (subject area)", "2025-07: Safety (HCAT category), shared by the ICB"], report.MattersOfGeneralImportance);
        Assert.Equal((1, 2, 1), (report.ActionsRaised, report.ActionsCompleted, report.ActionsPublished));
        Assert.False(report.Suppressed);
    }

    [Fact]
    public void TheReport_IsPreparedForPublication_SoASmallSubjectIsWithheld()
    {
        IReadOnlyList<string>[] subjects = [.. Enumerable.Repeat<IReadOnlyList<string>>(["Communications"], 18), ["Access"], ["Access"]];

        var report = AnnualReportContent.Of("RJ2", ReportingPeriods.FinancialYear(2025), Received("RJ2", 20), subjects, [], []);

        Assert.Null(report.SubjectMatter["Access"]);
        Assert.True(report.Suppressed);
    }

    // An organisation's year with only its complaints received (all online, all acknowledged in time): nothing small.
    private static MeasureSet Received(string organisation, int received)
    {
        var none = Rate.Of(0, 0);
        return new MeasureSet(
            organisation, "2025/26", received, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Online"] = received }, Rate.Of(received, received), none, null, null,
            none, none, 0, new Dictionary<string, int?>(StringComparer.Ordinal) { ["Upheld"] = 0, ["PartiallyUpheld"] = 0, ["NotUpheld"] = 0 }, none, none, 0,
            Rate.Of(0, received), none, none, none, new Dictionary<string, Rate>(StringComparer.Ordinal), 0, 0);
    }
}
