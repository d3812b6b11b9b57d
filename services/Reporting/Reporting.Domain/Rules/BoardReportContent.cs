// BoardReportContent: what a quarterly or annual board report on complaints says, part by part, from figures already
// prepared for publication: volumes, timeliness against Reg 13(3) and the agreed date (Reg 14), outcomes, themes, the
// learning acted on ("you said, we did", NHS Complaint Standards §4) and what complainants said in the survey, each
// against the period before. Boards publish their papers, so the figures are under the small-numbers rule.
using System.Globalization;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using static IcsComplaints.Reporting.Domain.Returns.ReportWords;
using IcsComplaints.Validation;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// The board report for a calendar quarter or a financial year: each part's sentences and its figures beside those
/// of the period before. A withheld count reads "withheld" and no sentence gives it away; a subject area is named
/// only when at least <see cref="SmallNumberSuppression.Threshold"/> complaints raised it.
/// </summary>
public static class BoardReportContent
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    // The complainants' survey (My Expectations, 2014), as the report words each question.
    private static readonly Dictionary<string, string> SurveyQuestions = new(StringComparer.Ordinal)
    {
        ["takenSeriously"] = "Felt their complaint was taken seriously",
        ["keptInformed"] = "Were kept informed about their complaint",
        ["updatesBeforeOutcome"] = "Had updates before the outcome",
        ["updatesPersonal"] = "Found the updates personal to them",
        ["madeADifference"] = "Felt their complaint made a difference",
        ["wouldComplainAgain"] = "Would feel confident complaining in future",
    };

    /// <summary>
    /// The period a board report covers: a calendar quarter (<c>2026-Q3</c>) or a financial year (<c>2026/27</c>),
    /// with the period before it to compare with; anything else is a field error.
    /// </summary>
    public static (ReportingPeriod Period, ReportingPeriod Previous) Periods(string? text, string field = "period")
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || !(value.Contains("-Q", StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal)))
        {
            throw new RequestValidationException(field, "Give a quarter (2026-Q3) or a financial year (2026/27).");
        }
        var period = ReportingPeriods.Parse(value, field);
        if (value.Contains('/', StringComparison.Ordinal))
        {
            return (period, ReportingPeriods.FinancialYear(period.From.Year - 1));
        }
        var before = period.From.AddMonths(-3);
        return (period, ReportingPeriods.Parse($"{before.Year}-Q{((before.Month - 1) / 3) + 1}", field));
    }

    /// <summary>A period in words: "July to September 2026", "1 April 2026 to 31 March 2027".</summary>
    public static string InWords(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Label.Contains('/', StringComparison.Ordinal)
            ? $"{period.From.ToString("d MMMM yyyy", British)} to {period.To.ToString("d MMMM yyyy", British)}"
            : $"{period.From.ToString("MMMM", British)} to {period.To.ToString("MMMM yyyy", British)}";
    }

    /// <summary>The report, from figures already prepared for publication.</summary>
    /// <param name="scope">The organisation's ODS code, or the ICB's for its ICS.</param>
    /// <param name="wholeSystem">True for the ICS.</param>
    /// <param name="period">The period.</param>
    /// <param name="previous">The period before.</param>
    /// <param name="now">The period's measures, for publication.</param>
    /// <param name="before">The period before's measures, for publication.</param>
    /// <param name="subjects">The subject areas of each countable complaint received in the period.</param>
    /// <param name="themes">Themes detected in the period's months.</param>
    /// <param name="actions">The learning actions.</param>
    public static BoardReport Of(
        string scope, bool wholeSystem, ReportingPeriod period, ReportingPeriod previous, MeasureSet now, MeasureSet before,
        IEnumerable<IReadOnlyList<string>> subjects, IReadOnlyList<ReportedTheme> themes, IReadOnlyList<ReportedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var was = InWords(previous);
        return new BoardReport(
            scope, wholeSystem, period.Label, InWords(period), period.From, period.To, was, Withheld(now) || Withheld(before),
            [
                Volumes(now, before, was, subjects),
                Timeliness(now, before, was),
                Outcomes(now, before, was),
                Themes(themes),
                Learning(period, previous, actions),
                Experience(now, before),
            ]);
    }

    private static BoardSection Volumes(MeasureSet now, MeasureSet before, string was, IEnumerable<IReadOnlyList<string>> subjects)
    {
        var narrative = new List<string>
        {
            now.Received is { } received
                ? $"{Complaints(received)} received{Compared(received, before.Received, was)}."
                : "The number of complaints received is withheld: it is small enough, or near enough to another figure, that a complainant could be recognised.",
        };
        // A complaint counts once under each of its subjects; small counts are not named.
        var named = subjects.SelectMany(s => s.Distinct()).GroupBy(s => s, StringComparer.Ordinal)
            .Select(g => (Subject: g.Key, Count: g.Count())).Where(s => s.Count >= SmallNumberSuppression.Threshold)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Subject, StringComparer.Ordinal).Take(3).ToList();
        if (named.Count > 0)
        {
            narrative.Add($"The subjects raised most were {List(named.Select(s => $"{s.Subject.ToLowerInvariant()} ({s.Count})"))}.");
        }
        if (now.EverydayConcerns is > 0 and var concerns)
        {
            narrative.Add($"A further {concerns} everyday {(concerns == 1 ? "concern was" : "concerns were")} resolved by the next working day, outside the complaints procedure.");
        }
        return new("volumes", "Complaints received", narrative,
        [
            new("Complaints received", Count(now.Received), Count(before.Received)),
            .. now.ReceivedByChannel.Keys.Union(before.ReceivedByChannel.Keys).Order(StringComparer.Ordinal)
                .Select(c => new BoardRow(Channel(c), Count(now.ReceivedByChannel.GetValueOrDefault(c, 0)), Count(before.ReceivedByChannel.GetValueOrDefault(c, 0)))),
            new("Everyday concerns resolved by the next working day", Count(now.EverydayConcerns), Count(before.EverydayConcerns)),
        ]);
    }

    private static BoardSection Timeliness(MeasureSet now, MeasureSet before, string was) => new("timeliness", "Timeliness",
        [
            RateSentence(now.AcknowledgedInTime, before.AcknowledgedInTime, was, "of complaints were acknowledged within 3 working days (regulation 13(3))", "No acknowledgement fell due", "Acknowledged within 3 working days"),
            RateSentence(now.ByAgreedDate, before.ByAgreedDate, was, "of responses with an agreed date were sent by it", "No response with an agreed date was sent", "Responded to by the agreed date"),
            now.BackstopBreaches switch
            {
                0 => "No complaint passed the six-month backstop without a response.",
                { } n => $"{Complaints(n)} passed the six-month backstop without a response (regulation 14).",
                null => "The number of complaints past the six-month backstop is withheld.",
            },
        ],
        [
            new("Acknowledged within 3 working days", Share(now.AcknowledgedInTime), Share(before.AcknowledgedInTime)),
            new("Responded to by the agreed date", Share(now.ByAgreedDate), Share(before.ByAgreedDate)),
            new("Response date renegotiated", Share(now.Renegotiated), Share(before.Renegotiated)),
            new("Median working days to an early-resolution response", Days(now.MedianWorkingDaysEarly), Days(before.MedianWorkingDaysEarly)),
            new("Median working days to a response after a closer look", Days(now.MedianWorkingDaysCloserLook), Days(before.MedianWorkingDaysCloserLook)),
            new("Past the six-month backstop", Count(now.BackstopBreaches), Count(before.BackstopBreaches)),
        ]);

    private static BoardSection Outcomes(MeasureSet now, MeasureSet before, string was) => new("outcomes", "Outcomes",
        [
            RateSentence(now.UpheldOrPartly, before.UpheldOrPartly, was, "of final responses upheld the complaint in whole or in part", "No final response was sent", "Upheld or partly upheld"),
            RateSentence(now.ResolvedEarly, before.ResolvedEarly, was, "of complaints answered were resolved early, without a closer look", "No complaint was answered", "Resolved early"),
            now.ReferredToOmbudsman switch
            {
                0 => "No complainant was known to have taken their complaint to the Ombudsman.",
                { } n => $"{n} {(n == 1 ? "complainant was" : "complainants were")} known to have taken their complaint to the Ombudsman.",
                null => "The number of complaints taken to the Ombudsman is withheld.",
            },
        ],
        [
            .. MeasureDefinitions.Outcomes.Select(o => new BoardRow(Words(o), Count(now.Outcomes.GetValueOrDefault(o, 0)), Count(before.Outcomes.GetValueOrDefault(o, 0)))),
            new("Upheld or partly upheld", Share(now.UpheldOrPartly), Share(before.UpheldOrPartly)),
            new("Resolved early", Share(now.ResolvedEarly), Share(before.ResolvedEarly)),
            new("Reopened after the response", Share(now.Reopened), Share(before.Reopened)),
            new("Supported by an advocate", Share(now.WithAdvocacy), Share(before.WithAdvocacy)),
            new("Taken to the Ombudsman", Count(now.ReferredToOmbudsman), Count(before.ReferredToOmbudsman)),
        ]);

    private static BoardSection Themes(IReadOnlyList<ReportedTheme> themes) => new("themes", "Themes",
        themes.Count == 0
            ? ["No theme was detected: no category or subject area rose above what its own history led us to expect."]
            : [
                $"{themes.Count} {(themes.Count == 1 ? "theme was" : "themes were")} detected, where complaints about a category or subject area rose above what its own history led us to expect:",
                .. themes.OrderBy(t => t.Month).Select(t => $"{t.Month?.ToString("MMMM yyyy", British)}: {t.Code} ({(t.Dimension == "HcatCategory" ? "HCAT category" : "subject area")}){(t.Shared ? ", shared across the ICS" : "")}."),
            ],
        []);

    private static BoardSection Learning(ReportingPeriod period, ReportingPeriod previous, IReadOnlyList<ReportedAction> actions)
    {
        int Raised(ReportingPeriod p) => actions.Count(a => p.Contains(a.RaisedOn));
        int Completed(ReportingPeriod p) => actions.Count(a => p.Contains(a.CompletedOn));
        int Published(ReportingPeriod p) => actions.Count(a => p.Contains(a.CompletedOn) && a.Published);
        var open = actions.Count(a => a.RaisedOn <= period.To && (a.CompletedOn is null || a.CompletedOn > period.To));
        return new("learning", "Learning from complaints",
            [
                Raised(period) + Completed(period) == 0
                    ? "No learning actions were raised or completed."
                    : $"{Actions(Raised(period))} raised and {Completed(period)} completed; {Published(period)} of those completed {(Published(period) == 1 ? "was" : "were")} published as \"you said, we did\".",
                $"{Actions(open)} still open at the end of the period.",
            ],
            [
                new("Learning actions raised", Count(Raised(period)), Count(Raised(previous))),
                new("Learning actions completed", Count(Completed(period)), Count(Completed(previous))),
                new("Published as \"you said, we did\"", Count(Published(period)), Count(Published(previous))),
            ]);
    }

    private static BoardSection Experience(MeasureSet now, MeasureSet before)
    {
        var questions = SurveyQuestions.Keys.Where(q => now.Survey.ContainsKey(q) || before.Survey.ContainsKey(q)).ToList();
        var answered = now.Survey.Values.Select(r => r.Denominator ?? 0).DefaultIfEmpty(0).Max();
        return new("experience", "What complainants told us",
            [
                answered == 0
                    ? "No complainant answered the experience survey about a complaint answered in the period, or too few to report without recognising them."
                    : "Complainants answered the experience survey after their response. Each figure is the share who agreed.",
            ],
            [.. questions.Select(q => new BoardRow(SurveyQuestions[q], Share(now.Survey.GetValueOrDefault(q, Rate.Of(0, 0))), Share(before.Survey.GetValueOrDefault(q, Rate.Of(0, 0)))))]);
    }

    // True when the set holds a figure withheld under the small-numbers rule.
    private static bool Withheld(MeasureSet m) =>
        m.Received is null || m.ReceivedByChannel.Values.Any(v => v is null) || m.Outcomes.Values.Any(v => v is null) || m.BackstopBreaches is null
        || m.ReferredToOmbudsman is null || m.EverydayConcerns is null
        || new[] { m.AcknowledgedInTime, m.ResolvedEarly, m.ByAgreedDate, m.Renegotiated, m.UpheldOrPartly, m.Reopened, m.WithAdvocacy }.Concat(m.Survey.Values).Any(r => r.Suppressed);

    // "88.1% of complaints were acknowledged … (37 of 42), against 80.0% in …"; a withheld share is said to be withheld.
    private static string RateSentence(Rate now, Rate before, string was, string what, string none, string label) => now switch
    {
        { Denominator: 0 } => $"{none} in the period.",
        { Value: { } v, Numerator: { } n, Denominator: { } d } => $"{Percent(v)} {what} ({n} of {d}){(before.Value is { } b ? $", against {Percent(b)} in {was}" : "")}.",
        _ => $"{label}: withheld, as a complainant could be recognised from the figure.",
    };

    private static string Compared(int now, int? before, string was) => before switch
    {
        null => "",
        _ when before == now => $", the same as in {was}",
        0 => $", against none in {was}",
        _ => $", {(now > before ? "up" : "down")} from {before} in {was}",
    };

    private static string Complaints(int n) => n switch
    {
        0 => "No complaints were",
        1 => "1 complaint was",
        _ => $"{n} complaints were",
    };

    private static string Actions(int n) => n switch
    {
        0 => "No learning actions were",
        1 => "1 learning action was",
        _ => $"{n} learning actions were",
    };

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 1 ? all[0] : $"{string.Join(", ", all.SkipLast(1))} and {all[^1]}";
    }

    private static string Days(double? days) => days?.ToString("0.#", CultureInfo.InvariantCulture) ?? "none";
}
