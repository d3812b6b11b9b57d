// AnnualReportContent: what the annual report gives: complaints received, decided well-founded, referred to the Ombudsman, their subject matter, matters of general importance and action taken (Reg 18(2)).
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The annual report's data for an organisation and financial year (Reg 18(2)), worked out from the year's measures,
/// the subjects of the complaints received, the themes detected and the learning actions; it is published, so it
/// leaves here protected by <see cref="Publication.AnnualReport"/>.
/// </summary>
public static class AnnualReportContent
{
    /// <summary>The report, ready to publish.</summary>
    /// <param name="organisationCode">ODS code.</param>
    /// <param name="year">The financial year.</param>
    /// <param name="measures">The year's measures (exact).</param>
    /// <param name="subjects">The subject areas of each countable complaint received in the year.</param>
    /// <param name="themes">Themes detected for the organisation in the year's months.</param>
    /// <param name="actions">The organisation's learning actions.</param>
    public static AnnualReport Of(
        string organisationCode, ReportingPeriod year, MeasureSet measures, IEnumerable<IReadOnlyList<string>> subjects, IEnumerable<ReportedTheme> themes,
        IReadOnlyList<ReportedAction> actions)
    {
        var exact = new AnnualReport(
            organisationCode, year.Label, measures.Received, measures.UpheldOrPartly.Numerator, measures.ReferredToOmbudsman,
            // A complaint counts once under each of its subjects.
            subjects.SelectMany(s => s.Distinct()).GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (int?)g.Count(), StringComparer.Ordinal),
            [.. themes.OrderBy(t => t.Month).Select(Describe)],
            actions.Count(a => year.Contains(a.RaisedOn)), actions.Count(a => year.Contains(a.CompletedOn)), actions.Count(a => year.Contains(a.CompletedOn) && a.Published),
            measures);
        return Publication.AnnualReport(exact);
    }

    private static string Describe(ReportedTheme t) =>
        $"{t.Month:yyyy-MM}: {t.Code} ({(t.Dimension == "HcatCategory" ? "HCAT category" : "subject area")}){(t.Shared ? ", shared by the ICB" : "")}";
}
