// AnnualReportPdf: the annual report on complaints, section by section as Reg 18(2) sets it out (domain.md §2, Reg 18), as an A4 document for a board.
using System.Globalization;
using IcsComplaints.Reporting.Domain.Returns;
using static IcsComplaints.Reporting.Domain.Returns.ReportWords;

namespace IcsComplaints.Reporting.Api.Features.GetAnnualReportPdf;

/// <summary>
/// Draws an <see cref="AnnualReport"/> as an A4 PDF: the same figures as the JSON, already prepared for publication,
/// so a withheld count is written "withheld" and nothing the JSON withholds appears. One heading per part of
/// Reg 18(2), each with its figures as a table whose numbers are right-aligned; long text wraps and tables run on to
/// the next page with their header repeated; every page is numbered.
/// </summary>
public static class AnnualReportPdf
{
    /// <summary>The document's title, "Complaints annual report 2025/26".</summary>
    public static string TitleOf(AnnualReport report) => $"Complaints annual report {report.Period}";

    /// <summary>The PDF's bytes.</summary>
    /// <param name="report">The report as published.</param>
    /// <param name="organisationName">The organisation's name in the directory, or <c>null</c> when it has none.</param>
    public static byte[] Render(AnnualReport report, string? organisationName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var whose = organisationName is null ? report.OrganisationCode : $"{organisationName} ({report.OrganisationCode})";
        using var doc = new ReportDocument($"{TitleOf(report)}: {whose}",
            "Annual report on complaints under regulation 18 of the Local Authority Social Services and National Health Service Complaints (England) Regulations 2009");
        Write(doc, report, whose);
        return doc.Finish($"{whose}, {report.Period}");
    }

    private static void Write(ReportDocument w, AnnualReport r, string whose)
    {
        var first = int.Parse(r.Period[..4], CultureInfo.InvariantCulture);
        w.Text(TitleOf(r), w.Fonts.Title, after: 4);
        w.Text(whose, w.Fonts.Subtitle, after: 2);
        w.Text($"Financial year 1 April {first} to 31 March {first + 1}", w.Fonts.Body, after: 10);
        w.Text("This report gives what regulation 18 of the Local Authority Social Services and National Health Service Complaints (England) " +
            "Regulations 2009 asks of an organisation's annual report on the complaints it received and how it handled them.", w.Fonts.Body, after: 4);
        w.Text(r.Suppressed
            ? "The report is published, so counts of 1 to 4, and any figure from which one could be worked out, are withheld: they read \"withheld\"."
            : "The report is published, so counts of 1 to 4, and any figure from which one could be worked out, would be withheld; none is.", w.Fonts.Body, after: 8);

        w.Section("Complaints received", "Regulation 18(2)(a)");
        w.Table("Complaints received in the year", ("Complaints", "Number"), [
            ("Complaints received", Count(r.Received)),
            .. r.Measures.ReceivedByChannel.Select(c => (Channel(c.Key), Count(c.Value)))]);

        w.Section("Complaints decided to be well-founded", "Regulation 18(2)(b)");
        w.Table("Final responses in the year by outcome", ("Outcome", "Number"), [
            ("Decided to be well-founded (upheld or partly upheld)", Count(r.DecidedWellFounded)),
            .. r.Measures.Outcomes.Select(o => (Words(o.Key), Count(o.Value)))]);

        w.Section("Complaints referred to the Health Service Commissioner", "Regulation 18(2)(c)");
        w.Table("Complaints the complainant took to the Parliamentary and Health Service Ombudsman", ("Complaints", "Number"), [
            ("Referred to the Ombudsman", Count(r.ReferredToOmbudsman))]);

        w.Section("Subject matter of the complaints", "Regulation 18(2)(d)");
        w.Text("By KO41 subject area; a complaint about more than one subject counts once under each.", w.Fonts.Body, after: 4);
        if (r.SubjectMatter.Count == 0)
        {
            w.Text("No complaint received in the year was coded by subject.", w.Fonts.Body, after: 6);
        }
        else
        {
            w.Table("Complaints received by subject area", ("Subject area", "Complaints"), [.. r.SubjectMatter.Select(s => (s.Key, Count(s.Value)))]);
        }

        w.Section("Matters of general importance", "Regulation 18(2)(d)");
        w.Text("Themes detected in the complaints during the year, by the platform's stated statistical rule:", w.Fonts.Body, after: 4);
        foreach (var theme in r.MattersOfGeneralImportance.DefaultIfEmpty("No theme was detected in the year."))
        {
            w.Text($"• {theme}", w.Fonts.Body, after: 2, indent: 8);
        }
        w.Space(6);
        var m = r.Measures;
        w.Table("The way complaints were handled", ("Measure", "Figure"), [
            ("Acknowledged within 3 working days", Share(m.AcknowledgedInTime)),
            ("Resolved at early resolution", Share(m.ResolvedEarly)),
            ("Responded to by the date agreed with the complainant", Share(m.ByAgreedDate)),
            ("Response date renegotiated", Share(m.Renegotiated)),
            ("Case reopened after the response", Share(m.Reopened)),
            ("Supported by an advocate", Share(m.WithAdvocacy)),
            ("Past the six-month backstop", Count(m.BackstopBreaches))]);

        w.Section("Action taken to improve services", "Regulation 18(2)(e)");
        w.Table("Learning actions from complaints", ("Learning actions", "Number"), [
            ("Raised in the year", Count(r.ActionsRaised)),
            ("Completed in the year", Count(r.ActionsCompleted)),
            ("Completed and published as \"you said, we did\"", Count(r.ActionsPublished))]);
    }
}
