using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.Reporting.Domain.Returns;

/// <summary>
/// What Reg 18 asks an annual report to give (<see cref="AnnualReportContent"/>). The report is published, so its
/// counts are under the small-numbers rule (<see cref="Publication.AnnualReport"/>): a withheld count is <c>null</c>.
/// </summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Period">Financial year.</param>
/// <param name="Received">Complaints received (Reg 18(2)(a)).</param>
/// <param name="DecidedWellFounded">Decided to be well-founded: upheld or partially upheld (Reg 18(2)(b)).</param>
/// <param name="ReferredToOmbudsman">Complainants known to have gone to the Ombudsman (Reg 18(2)(c)).</param>
/// <param name="SubjectMatter">Subject matter of the complaints received (Reg 18(2)(d)), by KO41 subject area: complaints about each (a complaint once under each of its subjects).</param>
/// <param name="MattersOfGeneralImportance">Themes detected for the organisation during the year (Reg 18(2)(d)).</param>
/// <param name="ActionsRaised">Learning actions raised in the year (Reg 18(2)(e): action taken to improve services).</param>
/// <param name="ActionsCompleted">Learning actions completed in the year.</param>
/// <param name="ActionsPublished">Of those, published as "you said, we did".</param>
/// <param name="Measures">The year's measures, for the rest of the report.</param>
/// <param name="Suppressed">True when any count is withheld under the small-numbers rule.</param>
public sealed record AnnualReport(
    string OrganisationCode, string Period, int? Received, int? DecidedWellFounded, int? ReferredToOmbudsman, IReadOnlyDictionary<string, int?> SubjectMatter,
    IReadOnlyList<string> MattersOfGeneralImportance, int ActionsRaised, int ActionsCompleted, int ActionsPublished, MeasureSet Measures, bool Suppressed = false);

/// <summary>A theme detected for the organisation, as the annual report names it.</summary>
/// <param name="Month">First day of the month examined.</param>
/// <param name="Dimension">HcatCategory or SubjectArea.</param>
/// <param name="Code">Category or subject area.</param>
/// <param name="Shared">Shared by the ICB.</param>
public sealed record ReportedTheme(DateOnly? Month, string Dimension, string Code, bool Shared);

/// <summary>A learning action's dates, as the annual report counts them.</summary>
/// <param name="RaisedOn">Raised.</param>
/// <param name="CompletedOn">Completed.</param>
/// <param name="Published">Published as "you said, we did".</param>
public sealed record ReportedAction(DateOnly? RaisedOn, DateOnly? CompletedOn, bool Published);
