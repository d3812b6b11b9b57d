// MeasureDefinitions: what each measure counts, under the KO41 counting rules and Regs 13(3), 14 and 18(2) (domain.md §2, §3.2; docs/reporting/measures.md).
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>What a measure means, exactly.</summary>
/// <param name="Key">Property name.</param>
/// <param name="Definition">Definition.</param>
public sealed record MeasureDefinition(string Key, string Definition);

/// <summary>
/// The measures: their definitions, served with the figures so nobody has to guess, and how each is worked out.
/// Complaints are counted as KO41 counts them (<see cref="Ko41Counting"/>).
/// </summary>
public static class MeasureDefinitions
{
    /// <summary>KO41a: substantive evidence supports the complaint.</summary>
    public const string Upheld = "Upheld";

    /// <summary>KO41a: one or more of several issues, not all, upheld.</summary>
    public const string PartiallyUpheld = "PartiallyUpheld";

    /// <summary>KO41a outcomes of a resolved complaint.</summary>
    public static readonly string[] Outcomes = [Upheld, PartiallyUpheld, "NotUpheld"];

    /// <summary>Every measure.</summary>
    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        new("received", "Cases opened at the organisation with a date received in the period, except those it transferred on (counted by the organisation that dealt with them), linked as duplicates (the either/or rule) or excluded under Reg 8."),
        new("receivedByChannel", "The same, by the channel the complaint arrived through (Online, Phone, Letter, Email, InPerson, Pals)."),
        new("acknowledgedInTime", "Of the complaints received in the period that were acknowledged or whose acknowledgement day has passed: those acknowledged by the third working day after receipt (Reg 13(3))."),
        new("resolvedEarly", "Of the final responses sent in the period: those given at early resolution rather than after a closer look."),
        new("medianWorkingDaysEarly", "Median working days from receipt to the final response, for responses sent in the period at early resolution."),
        new("medianWorkingDaysCloserLook", "Median working days from receipt to the final response, for responses sent in the period after a closer look."),
        new("byAgreedDate", "Of the final responses sent in the period with a response date agreed with the complainant: those sent by the date in force (the last agreed, moved on by pauses)."),
        new("renegotiated", "Of the final responses sent in the period: those whose response date was renegotiated at least once."),
        new("backstopBreaches", "Complaints whose six-month backstop (Reg 14) the deadline scan found missed, counted in the period that holds the backstop's last day, unless the response was sent within it or the complaint closed by then."),
        new("outcomes", "Final responses sent in the period (first responses only), by KO41a outcome: Upheld, PartiallyUpheld, NotUpheld."),
        new("upheldOrPartly", "Of the final responses sent in the period: upheld or partially upheld (Reg 18(2)(b): well-founded)."),
        new("reopened", "Of the final responses sent in the period: those whose case was reopened afterwards."),
        new("referredToOmbudsman", "Complaints the organisation learned in the period had been taken to the Parliamentary and Health Service Ombudsman."),
        new("withAdvocacy", "Of the complaints received in the period: those with a referral accepted by an independent advocacy service."),
        new("draftsReviewed", "Of the final responses sent in the period: those whose draft an advocate reviewed (completed, waived or expired review) first."),
        new("staffSupported", "Of the staff complained about recorded on complaints received in the period: those recorded as offered support."),
        new("staffTold", "Of the same staff: those recorded as told of the complaint."),
        new("survey", "Complainant experience survey answers given in the period's months: share answering Yes, by question."),
        new("themes", "Themes the learning service detected for the organisation (as a provider, or for an ICB across its providers) in the period's months."),
        new("everydayConcerns", "Everyday conversations and oral complaints resolved by the next working day (Reg 8(1)(c)), recorded in the period; outside the complaint procedure and KO41."),
    ];

    /// <summary>True for an outcome that decides the complaint well-founded (Reg 18(2)(b)): upheld or partially upheld.</summary>
    public static bool IsWellFounded(string? outcome) => outcome is Upheld or PartiallyUpheld;

    /// <summary>
    /// True when a complaint's acknowledgement counts towards <c>acknowledgedInTime</c>: it was acknowledged, or the
    /// day it was due by has passed (one due today may still be acknowledged in time).
    /// </summary>
    public static bool AcknowledgementApplies(bool? acknowledgedInTime, DateOnly? dueBy, DateOnly today) => acknowledgedInTime is not null || dueBy < today;

    /// <summary>
    /// The measures of each organisation, in code order, and of all of them together when <paramref name="together"/>
    /// names the ICB (whose own system themes then count too).
    /// </summary>
    public static IReadOnlyList<MeasureSet> Calculate(
        MeasureInputs inputs, IReadOnlyCollection<string> organisations, ReportingPeriod period, string? together, DateOnly today)
    {
        MeasureSet For(string label, Func<string, bool> includes, bool system) => Calculate(
            label, period, today,
            [.. inputs.Received.Where(r => includes(r.OrganisationCode))], [.. inputs.Responded.Where(r => includes(r.OrganisationCode))],
            inputs.Backstops.Count(includes), inputs.Ombudsman.Count(includes), [.. inputs.Staff.Where(s => includes(s.OrganisationCode))],
            [.. inputs.Survey.Where(s => includes(s.OrganisationCode))],
            inputs.Themes.Count(t => includes(t) || (system && t.Length == 0)), inputs.Concerns.Count(includes));

        var sets = organisations.Order(StringComparer.Ordinal).Select(o => For(o, x => x == o, false)).ToList();
        if (together is not null)
        {
            sets.Add(For(together, _ => true, true));
        }
        return sets;
    }

    /// <summary>The median, or <c>null</c> for none.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static MeasureSet Calculate(
        string organisation, ReportingPeriod period, DateOnly today, List<ReceivedCase> received, List<RespondedCase> responded, int backstops, int ombudsman,
        List<StaffRecord> staff, List<SurveyResponse> survey, int themes, int concerns)
    {
        var ackApplies = received.Where(r => AcknowledgementApplies(r.AcknowledgedInTime, r.AcknowledgementDueBy, today)).ToList();
        var agreed = responded.Where(r => r.ByAgreedDate is not null).ToList();
        return new MeasureSet(
            organisation, period.Label, received.Count,
            received.GroupBy(r => r.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int?)g.Count()),
            Rate.Of(ackApplies.Count(r => r.AcknowledgedInTime == true), ackApplies.Count),
            Rate.Of(responded.Count(r => r.ResolvedEarly), responded.Count),
            Median(responded.Where(r => r.ResolvedEarly && r.WorkingDaysTaken is not null).Select(r => r.WorkingDaysTaken!.Value)),
            Median(responded.Where(r => !r.ResolvedEarly && r.WorkingDaysTaken is not null).Select(r => r.WorkingDaysTaken!.Value)),
            Rate.Of(agreed.Count(r => r.ByAgreedDate == true), agreed.Count),
            Rate.Of(responded.Count(r => r.Renegotiations > 0), responded.Count),
            backstops,
            Outcomes.ToDictionary(o => o, o => (int?)responded.Count(r => r.Outcome == o)),
            Rate.Of(responded.Count(r => IsWellFounded(r.Outcome)), responded.Count),
            Rate.Of(responded.Count(r => r.Reopened > 0), responded.Count),
            ombudsman,
            Rate.Of(received.Count(r => r.Advocacy), received.Count),
            Rate.Of(responded.Count(r => r.DraftReviews > 0), responded.Count),
            Rate.Of(staff.Count(s => s.SupportOffered), staff.Count), Rate.Of(staff.Count(s => s.Told), staff.Count),
            survey.GroupBy(s => s.Question).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Rate.Of(g.Count(a => a.Answer == "Yes"), g.Count())),
            themes, concerns);
    }
}
