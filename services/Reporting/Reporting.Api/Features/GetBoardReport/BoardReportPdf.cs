// BoardReportPdf: the quarterly or annual board report on complaints, part by part (BoardReportContent), as an A4 document for the board's papers.
using IcsComplaints.Reporting.Domain.Returns;

namespace IcsComplaints.Reporting.Api.Features.GetBoardReport;

/// <summary>
/// Draws a <see cref="BoardReport"/> as an A4 PDF: the same sentences and figures as the JSON, already prepared for
/// publication, each part's figures beside those of the period before.
/// </summary>
public static class BoardReportPdf
{
    /// <summary>The document's title, "Complaints report to the board: July to September 2026".</summary>
    public static string TitleOf(BoardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Complaints report to the board: {report.Covers}";
    }

    /// <summary>The PDF's bytes.</summary>
    /// <param name="report">The report as published.</param>
    /// <param name="whose">Whose it is in words: "King's College Hospital NHS Foundation Trust (RJZ)", or the ICS's.</param>
    public static byte[] Render(BoardReport report, string whose)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var doc = new ReportDocument($"{TitleOf(report)}: {whose}", "A report on complaints received and handled, for a board's papers");
        doc.Text(TitleOf(report), doc.Fonts.Title, after: 4);
        doc.Text(whose, doc.Fonts.Subtitle, after: 10);
        doc.Text($"Each figure is set beside the same for {report.PreviousPeriod}. Board papers are published, so counts of 1 to 4, and any figure from which one could be worked out, " +
            (report.Suppressed ? "are withheld: they read \"withheld\"." : "would be withheld; none is."), doc.Fonts.Body, after: 8);
        foreach (var section in report.Sections)
        {
            doc.Section(section.Heading, null);
            foreach (var paragraph in section.Narrative)
            {
                doc.Text(paragraph, doc.Fonts.Body, after: 4);
            }
            if (section.Rows.Count > 0)
            {
                doc.Space(4);
                doc.Table(section.Heading, ["", report.Period, "Period before"], [.. section.Rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Current, r.Previous])]);
            }
        }
        // The footer shares a line with the page number: the code, not the whole name.
        return doc.Finish($"{report.Scope}{(report.WholeSystem ? " and its providers" : "")}, {report.Covers}");
    }
}
