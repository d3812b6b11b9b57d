namespace IcsComplaints.Reporting.Domain.Returns;

/// <summary>One line of a board report's figures: this period's and the period before's, as written.</summary>
/// <param name="Label">What is counted.</param>
/// <param name="Current">This period's figure ("42", "37 of 42 (88.1%)", "withheld", "none").</param>
/// <param name="Previous">The period before's.</param>
public sealed record BoardRow(string Label, string Current, string Previous);

/// <summary>One part of a board report: what it covers in sentences, then its figures.</summary>
/// <param name="Key">volumes, timeliness, outcomes, themes, learning or experience.</param>
/// <param name="Heading">Its heading.</param>
/// <param name="Narrative">Its sentences, each a paragraph.</param>
/// <param name="Rows">Its figures; none for a part told in sentences only.</param>
public sealed record BoardSection(string Key, string Heading, IReadOnlyList<string> Narrative, IReadOnlyList<BoardRow> Rows);

/// <summary>
/// A quarterly or annual report on complaints for a board: an organisation's, or its ICS's (the ICB and every provider
/// it commissions together). Board papers are published, so every count in it is under the small-numbers rule.
/// </summary>
/// <param name="Scope">The organisation's ODS code, or the ICB's for its ICS.</param>
/// <param name="WholeSystem">True for the ICS: the ICB and its providers together.</param>
/// <param name="Period">The period's label (2026-Q3, 2026/27).</param>
/// <param name="Covers">The period in words ("July to September 2026").</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="PreviousPeriod">The period compared with, in words.</param>
/// <param name="Suppressed">True when any count is withheld.</param>
/// <param name="Sections">Its parts, in order.</param>
public sealed record BoardReport(
    string Scope, bool WholeSystem, string Period, string Covers, DateOnly From, DateOnly To, string PreviousPeriod, bool Suppressed,
    IReadOnlyList<BoardSection> Sections);
