using IcsComplaints.Calendar;
using IcsComplaints.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Measures;

/// <summary>A proportion with its parts.</summary>
/// <param name="Numerator">Those meeting the measure; <c>null</c> when withheld.</param>
/// <param name="Denominator">Those it applies to; <c>null</c> when withheld.</param>
/// <param name="Value">Numerator ÷ denominator, 4 decimals; <c>null</c> when nothing applies or either part is withheld.</param>
/// <param name="Suppressed">A part is withheld under the small-numbers rule (outputs for publication only).</param>
public sealed record Rate(int? Numerator, int? Denominator, double? Value, bool Suppressed = false)
{
    /// <summary>A rate from counts.</summary>
    public static Rate Of(int numerator, int denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round((double)numerator / denominator, 4));
}

/// <summary>
/// The measures of one organisation (or several together) for a period. Each is defined in
/// <see cref="MeasureDefinitions.All"/> and docs/reporting/measures.md. The counts are exact; in an output prepared
/// for publication (<see cref="Publication"/>) a withheld count is <c>null</c>.
/// </summary>
/// <param name="OrganisationCode">ODS code, or the ICB's for its providers together.</param>
/// <param name="Period">The period.</param>
/// <param name="Received">Complaints received (countable cases).</param>
/// <param name="ReceivedByChannel">By channel.</param>
/// <param name="AcknowledgedInTime">Acknowledged by the third working day (Reg 13(3)).</param>
/// <param name="ResolvedEarly">Responses given at early resolution.</param>
/// <param name="MedianWorkingDaysEarly">Median working days to an early-resolution response.</param>
/// <param name="MedianWorkingDaysCloserLook">Median working days to a closer-look response.</param>
/// <param name="ByAgreedDate">Responses sent by the date agreed with the complainant.</param>
/// <param name="Renegotiated">Responses whose date was renegotiated at least once.</param>
/// <param name="BackstopBreaches">Six-month backstops (Reg 14) found missed in the period.</param>
/// <param name="Outcomes">Responses by outcome.</param>
/// <param name="UpheldOrPartly">Responses upheld or partially upheld.</param>
/// <param name="Reopened">Responses whose case was later reopened.</param>
/// <param name="ReferredToOmbudsman">Complaints the complainant took to the Ombudsman, learned of in the period.</param>
/// <param name="WithAdvocacy">Received complaints with an advocacy referral accepted.</param>
/// <param name="DraftsReviewed">Responses whose draft was reviewed by an advocate first.</param>
/// <param name="StaffSupported">Staff complained about (received complaints) offered support.</param>
/// <param name="StaffTold">Staff complained about told.</param>
/// <param name="Survey">Complainant survey: share answering Yes, by question.</param>
/// <param name="Themes">Themes detected in the period's months.</param>
/// <param name="EverydayConcerns">Everyday concerns resolved by the next working day (outside the procedure).</param>
public sealed record MeasureSet(
    string OrganisationCode, string Period, int? Received, IReadOnlyDictionary<string, int?> ReceivedByChannel, Rate AcknowledgedInTime, Rate ResolvedEarly,
    double? MedianWorkingDaysEarly, double? MedianWorkingDaysCloserLook, Rate ByAgreedDate, Rate Renegotiated, int? BackstopBreaches,
    IReadOnlyDictionary<string, int?> Outcomes, Rate UpheldOrPartly, Rate Reopened, int? ReferredToOmbudsman, Rate WithAdvocacy, Rate DraftsReviewed,
    Rate StaffSupported, Rate StaffTold, IReadOnlyDictionary<string, Rate> Survey, int? Themes, int? EverydayConcerns);

/// <summary>What a measure means, exactly.</summary>
/// <param name="Key">Property name.</param>
/// <param name="Definition">Definition.</param>
public sealed record MeasureDefinition(string Key, string Definition);

/// <summary>The definitions, served with the figures so nobody has to guess.</summary>
public static class MeasureDefinitions
{
    /// <summary>Closures that mean the organisation did not deal with the complaint: not counted (KO41 counting rules).</summary>
    public static readonly string[] NotCounted = ["Transferred", "Linked", "Excluded"];

    /// <summary>KO41a outcomes of a resolved complaint.</summary>
    public static readonly string[] Outcomes = ["Upheld", "PartiallyUpheld", "NotUpheld"];

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
        new("backstopBreaches", "Complaints whose six-month backstop (Reg 14) the deadline scan found missed, with the detection in the period."),
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
}

/// <summary>Computes measures from the read models.</summary>
public sealed class MeasureQueries(ReportingDbContext db, TimeProvider time)
{
    /// <summary>The measures for each of the organisations, and for all of them together (keyed by <paramref name="together"/>), in a period.</summary>
    public async Task<IReadOnlyList<MeasureSet>> ComputeAsync(IReadOnlyCollection<string> organisations, ReportingPeriod period, string? together, CancellationToken ct)
    {
        var today = LondonTime.Today(time);
        var orgs = organisations.ToList();
        var received = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                && (c.Closure == null || !MeasureDefinitions.NotCounted.Contains(c.Closure)))
            .Select(c => new ReceivedRow(c.CaseId, c.OrganisationCode, c.Channel ?? "Unknown", c.AcknowledgedInTime, c.AcknowledgementDueBy, c.Advocacy))
            .ToListAsync(ct);
        var responded = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ResponseSentOn >= period.From && c.ResponseSentOn <= period.To)
            .Select(c => new RespondedRow(c.OrganisationCode, c.ResolvedEarly == true, c.WorkingDaysTaken, c.ByAgreedDate, c.Renegotiations, c.Outcome, c.Reopened, c.DraftReviews))
            .ToListAsync(ct);
        var backstops = await db.MissedDeadlines.AsNoTracking()
            .Where(m => orgs.Contains(m.OrganisationCode) && m.Deadline == "Backstop" && m.DetectedOn >= period.From && m.DetectedOn <= period.To)
            .Select(m => m.OrganisationCode).ToListAsync(ct);
        var ombudsman = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.OmbudsmanOn >= period.From && c.OmbudsmanOn <= period.To)
            .Select(c => c.OrganisationCode).ToListAsync(ct);
        var receivedIds = received.Select(r => r.CaseId).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => receivedIds.Contains(s.CaseId)).Select(s => new { s.OrganisationCode, s.Told, s.SupportOffered }).ToListAsync(ct);
        var firstMonth = new DateOnly(period.From.Year, period.From.Month, 1);
        var surveys = await db.SurveyAnswers.AsNoTracking()
            .Where(s => orgs.Contains(s.OrganisationCode) && s.Kind == "Complainant" && s.Month >= firstMonth && s.Month <= period.To)
            .Select(s => new { s.OrganisationCode, s.Question, s.Answer }).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking()
            .Where(t => (orgs.Contains(t.OrganisationCode) || (together != null && t.IcbCode == together && t.OrganisationCode == "")) && t.Month >= firstMonth && t.Month <= period.To)
            .Select(t => t.OrganisationCode).ToListAsync(ct);
        var concerns = await db.Concerns.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To)
            .Select(c => c.OrganisationCode).ToListAsync(ct);

        MeasureSet For(string label, Func<string, bool> includes, bool system) => Build(
            label, period, today,
            [.. received.Where(r => includes(r.OrganisationCode))], [.. responded.Where(r => includes(r.OrganisationCode))],
            backstops.Count(includes), ombudsman.Count(includes),
            staff.Count(s => includes(s.OrganisationCode)), staff.Count(s => includes(s.OrganisationCode) && s.SupportOffered), staff.Count(s => includes(s.OrganisationCode) && s.Told),
            [.. surveys.Where(s => includes(s.OrganisationCode)).Select(s => (s.Question, s.Answer))],
            themes.Count(t => includes(t) || (system && t.Length == 0)), concerns.Count(includes));

        var sets = orgs.Order(StringComparer.Ordinal).Select(o => For(o, x => x == o, false)).ToList();
        if (together is not null)
        {
            sets.Add(For(together, _ => true, true));
        }
        return sets;
    }

    private static MeasureSet Build(
        string organisation, ReportingPeriod period, DateOnly today, List<ReceivedRow> received, List<RespondedRow> responded, int backstops, int ombudsman,
        int staff, int supported, int told, List<(string Question, string Answer)> survey, int themes, int concerns)
    {
        var ackApplies = received.Where(r => r.AcknowledgedInTime is not null || r.AcknowledgementDueBy < today).ToList();
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
            MeasureDefinitions.Outcomes.ToDictionary(o => o, o => (int?)responded.Count(r => r.Outcome == o)),
            Rate.Of(responded.Count(r => r.Outcome is "Upheld" or "PartiallyUpheld"), responded.Count),
            Rate.Of(responded.Count(r => r.Reopened > 0), responded.Count),
            ombudsman,
            Rate.Of(received.Count(r => r.Advocacy), received.Count),
            Rate.Of(responded.Count(r => r.DraftReviews > 0), responded.Count),
            Rate.Of(supported, staff), Rate.Of(told, staff),
            survey.GroupBy(s => s.Question).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Rate.Of(g.Count(a => a.Answer == "Yes"), g.Count())),
            themes, concerns);
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

    private sealed record ReceivedRow(Guid CaseId, string OrganisationCode, string Channel, bool? AcknowledgedInTime, DateOnly? AcknowledgementDueBy, bool Advocacy);

    private sealed record RespondedRow(string OrganisationCode, bool ResolvedEarly, int? WorkingDaysTaken, bool? ByAgreedDate, int Renegotiations, string? Outcome, int Reopened, int DraftReviews);
}
