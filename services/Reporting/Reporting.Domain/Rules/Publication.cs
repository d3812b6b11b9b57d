// Publication: which output is operational (exact, for the organisation and its commissioner) and which is for publication, and how each is protected under the small-numbers rule (ISB 1523; docs/reporting/measures.md, "Privacy").
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Suppression;

namespace IcsComplaints.Reporting.Domain.Rules;

/// <summary>
/// Outputs meant for publication or shared beyond the commissioner, under <see cref="SmallNumberSuppression"/>. Each
/// output is described whole to a <see cref="PublicationTable"/>, with every sum its definitions imply
/// (docs/reporting/measures.md): complaints received are the sum of those by channel; a rate's denominator is its
/// numerator plus the rest; the responses are split by outcome, and upheld or partly upheld is two of those
/// outcomes; the complaints whose acknowledgement is due, and the responses with an agreed date, are among the
/// complaints received and the responses; in the annual report each subject's complaints are among those received;
/// each of an ICB's figures is the sum of its providers'. What the table withholds is withheld in the output.
/// </summary>
public static class Publication
{
    // The ICB's row in an oversight table: no ODS code contains a space.
    private const string AllProvidersRow = "all providers";

    // The rates of a measure set, in the order of Rates(m).
    private static readonly string[] RateNames =
        ["acknowledgedInTime", "resolvedEarly", "byAgreedDate", "renegotiated", "upheldOrPartly", "reopened", "withAdvocacy", "draftsReviewed", "staffSupported", "staffTold"];

    // Rates whose denominator is a figure of its own, the same for each: the complaints received, the final
    // responses sent, the staff complained about.
    private static readonly Dictionary<string, string> SharedDenominators = new(StringComparer.Ordinal)
    {
        ["withAdvocacy"] = "received",
        ["resolvedEarly"] = "responses", ["renegotiated"] = "responses", ["upheldOrPartly"] = "responses", ["reopened"] = "responses", ["draftsReviewed"] = "responses",
        ["staffSupported"] = "staff", ["staffTold"] = "staff",
    };

    /// <summary>
    /// True when an output is prepared for publication. An organisation's own figures and its ICB's oversight of the
    /// providers it commissions are exact (operational) unless publication is asked for; what is overdue now is
    /// operational only; the KO41 return is exact (NHS England applies its own rules when it publishes); a
    /// provider's view of its peers and the Reg 18 annual report, which the organisation publishes, always are.
    /// </summary>
    public static bool IsForPublication(ReportingOutput output, bool asked) => output switch
    {
        ReportingOutput.Peers or ReportingOutput.AnnualReport => true,
        ReportingOutput.Overdue or ReportingOutput.Ko41Return => false,
        _ => asked,
    };

    /// <summary>One organisation's measures for publication.</summary>
    public static MeasureSet Measures(MeasureSet set)
    {
        var schema = Schema.Of([set], []);
        var table = schema.Table();
        table.Row(set.OrganisationCode, schema.Values(set, null));
        return Apply(table.Withhold(), set.OrganisationCode, set);
    }

    /// <summary>An ICB's providers side by side, and all of them together, for publication.</summary>
    public static (IReadOnlyList<MeasureSet> Providers, MeasureSet AllProviders) Oversight(IReadOnlyList<MeasureSet> providers, MeasureSet allProviders)
    {
        var schema = Schema.Of([.. providers, allProviders], []);
        var table = schema.Table();
        foreach (var provider in providers)
        {
            table.Row(provider.OrganisationCode, schema.Values(provider, null));
        }
        table.TotalRow(AllProvidersRow, schema.Values(allProviders, null));
        var withheld = table.Withhold();
        return ([.. providers.Select(p => Apply(withheld, p.OrganisationCode, p))], Apply(withheld, AllProvidersRow, allProviders));
    }

    /// <summary>A monthly series for publication: each month a count, or a rate with its parts.</summary>
    public static IReadOnlyList<TrendPoint> Trend(IReadOnlyList<TrendPoint> points)
    {
        var rates = points.Any(p => p.Denominator is not null);
        var table = new PublicationTable();
        table.Publish("numerator");
        if (rates)
        {
            table.Publish("denominator");
            table.Unpublished("rest");
            table.Sum("denominator", "numerator", "rest");
        }
        foreach (var point in points)
        {
            var (numerator, denominator) = (point.Numerator ?? 0, point.Denominator ?? 0);
            table.Row(point.Month, figure => figure switch { "numerator" => numerator, "denominator" => denominator, _ => denominator - numerator });
        }
        var withheld = table.Withhold();
        return [.. points.Select(p =>
        {
            var numerator = withheld.Contains((p.Month, "numerator")) ? null : p.Numerator;
            var denominator = withheld.Contains((p.Month, "denominator")) ? null : p.Denominator;
            var shown = numerator is not null && (p.Denominator is null || denominator is not null);
            return new TrendPoint(p.Month, numerator, denominator, shown ? p.Value : null, !shown);
        })];
    }

    /// <summary>
    /// The annual report (Reg 18), which is published: its measures, and its subject counts, each of which is at most
    /// the complaints received (a complaint counts once under each of its subjects).
    /// </summary>
    public static AnnualReport AnnualReport(AnnualReport report)
    {
        var schema = Schema.Of([report.Measures], [.. report.SubjectMatter.Keys]);
        var table = schema.Table();
        var row = report.OrganisationCode;
        table.Row(row, schema.Values(report.Measures, report.SubjectMatter));
        var withheld = table.Withhold();
        var measures = Apply(withheld, row, report.Measures);
        return report with
        {
            Received = measures.Received,
            DecidedWellFounded = measures.UpheldOrPartly.Numerator,
            ReferredToOmbudsman = measures.ReferredToOmbudsman,
            SubjectMatter = report.SubjectMatter.ToDictionary(s => s.Key, s => withheld.Contains((row, $"subject:{s.Key}")) ? null : s.Value, StringComparer.Ordinal),
            Measures = measures,
            Suppressed = withheld.Count > 0,
        };
    }

    private static MeasureSet Apply(IReadOnlySet<(string Row, string Figure)> withheld, string row, MeasureSet m)
    {
        int? Count(string name, int? value) => withheld.Contains((row, name)) ? null : value;
        Rate Shown(string name, Rate rate)
        {
            var numerator = Count($"{name}:numerator", rate.Numerator);
            var denominator = Count(DenominatorOf(name), rate.Denominator);
            var suppressed = numerator is null || denominator is null;
            return new Rate(numerator, denominator, suppressed ? null : rate.Value, suppressed);
        }

        var early = m.ResolvedEarly;
        return m with
        {
            Received = Count("received", m.Received),
            ReceivedByChannel = m.ReceivedByChannel.ToDictionary(c => c.Key, c => Count($"channel:{c.Key}", c.Value), StringComparer.Ordinal),
            AcknowledgedInTime = Shown("acknowledgedInTime", m.AcknowledgedInTime),
            ResolvedEarly = Shown("resolvedEarly", m.ResolvedEarly),
            ByAgreedDate = Shown("byAgreedDate", m.ByAgreedDate),
            Renegotiated = Shown("renegotiated", m.Renegotiated),
            BackstopBreaches = Count("backstopBreaches", m.BackstopBreaches),
            Outcomes = m.Outcomes.ToDictionary(o => o.Key, o => Count($"outcome:{o.Key}", o.Value), StringComparer.Ordinal),
            UpheldOrPartly = Shown("upheldOrPartly", m.UpheldOrPartly),
            Reopened = Shown("reopened", m.Reopened),
            ReferredToOmbudsman = Count("referredToOmbudsman", m.ReferredToOmbudsman),
            WithAdvocacy = Shown("withAdvocacy", m.WithAdvocacy),
            DraftsReviewed = Shown("draftsReviewed", m.DraftsReviewed),
            StaffSupported = Shown("staffSupported", m.StaffSupported),
            StaffTold = Shown("staffTold", m.StaffTold),
            Survey = m.Survey.ToDictionary(q => q.Key, q => Shown($"survey:{q.Key}", q.Value), StringComparer.Ordinal),
            // A median of one to four responses is one of them, or close to it: the time a named complaint took.
            MedianWorkingDaysEarly = SmallNumberSuppression.IsSmall(early.Numerator ?? 0) ? null : m.MedianWorkingDaysEarly,
            MedianWorkingDaysCloserLook = SmallNumberSuppression.IsSmall((early.Denominator ?? 0) - (early.Numerator ?? 0)) ? null : m.MedianWorkingDaysCloserLook,
            EverydayConcerns = Count("everydayConcerns", m.EverydayConcerns),
        };
    }

    private static string DenominatorOf(string rate) => SharedDenominators.GetValueOrDefault(rate) ?? $"{rate}:denominator";

    private static Rate[] Rates(MeasureSet m) =>
        [m.AcknowledgedInTime, m.ResolvedEarly, m.ByAgreedDate, m.Renegotiated, m.UpheldOrPartly, m.Reopened, m.WithAdvocacy, m.DraftsReviewed, m.StaffSupported, m.StaffTold];

    // The figures every row of a table has (a channel or survey question missing from a row is a zero there), and
    // the sums among them. A denominator several rates share is one figure, shown or withheld as one.
    private sealed record Schema(IReadOnlyList<string> Channels, IReadOnlyList<string> Questions, IReadOnlyList<string> Subjects)
    {
        private IEnumerable<string> AllRates => RateNames.Concat(Questions.Select(q => $"survey:{q}"));

        public static Schema Of(IReadOnlyList<MeasureSet> sets, IReadOnlyList<string> subjects) => new(
            [.. sets.SelectMany(s => s.ReceivedByChannel.Keys).Distinct().Order(StringComparer.Ordinal)],
            [.. sets.SelectMany(s => s.Survey.Keys).Distinct().Order(StringComparer.Ordinal)],
            subjects);

        public PublicationTable Table()
        {
            var table = new PublicationTable();
            foreach (var count in new[] { "received", "responses", "staff", "backstopBreaches", "referredToOmbudsman", "everydayConcerns" })
            {
                table.Publish(count);
            }
            foreach (var channel in Channels)
            {
                table.Publish($"channel:{channel}");
            }
            table.Sum("received", Channels.Select(c => $"channel:{c}"));
            foreach (var rate in AllRates)
            {
                table.Publish($"{rate}:numerator");
                if (!SharedDenominators.ContainsKey(rate))
                {
                    table.Publish(DenominatorOf(rate));
                }
                table.Unpublished($"{rate}:rest");
                table.Sum(DenominatorOf(rate), $"{rate}:numerator", $"{rate}:rest");
            }
            foreach (var outcome in MeasureDefinitions.Outcomes)
            {
                table.Publish($"outcome:{outcome}");
            }
            table.Sum("responses", MeasureDefinitions.Outcomes.Select(o => $"outcome:{o}"));
            table.Sum("upheldOrPartly:numerator", "outcome:Upheld", "outcome:PartiallyUpheld");
            table.Unpublished("acknowledgement not yet due");
            table.Sum("received", DenominatorOf("acknowledgedInTime"), "acknowledgement not yet due");
            table.Unpublished("no agreed date");
            table.Sum("responses", DenominatorOf("byAgreedDate"), "no agreed date");
            foreach (var subject in Subjects)
            {
                table.Publish($"subject:{subject}");
                table.Unpublished($"not about:{subject}");
                table.Sum("received", $"subject:{subject}", $"not about:{subject}");
            }
            return table;
        }

        public Func<string, int> Values(MeasureSet m, IReadOnlyDictionary<string, int?>? subjects)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["received"] = m.Received ?? 0, ["responses"] = m.ResolvedEarly.Denominator ?? 0, ["staff"] = m.StaffSupported.Denominator ?? 0,
                ["backstopBreaches"] = m.BackstopBreaches ?? 0, ["referredToOmbudsman"] = m.ReferredToOmbudsman ?? 0, ["everydayConcerns"] = m.EverydayConcerns ?? 0,
                ["acknowledgement not yet due"] = (m.Received ?? 0) - (m.AcknowledgedInTime.Denominator ?? 0),
                ["no agreed date"] = (m.ResolvedEarly.Denominator ?? 0) - (m.ByAgreedDate.Denominator ?? 0),
            };
            foreach (var channel in Channels)
            {
                values[$"channel:{channel}"] = m.ReceivedByChannel.GetValueOrDefault(channel) ?? 0;
            }
            foreach (var (rate, value) in RateNames.Zip(Rates(m)).Concat(Questions.Select(q => ($"survey:{q}", m.Survey.GetValueOrDefault(q) ?? Rate.Of(0, 0)))))
            {
                values[$"{rate}:numerator"] = value.Numerator ?? 0;
                values[DenominatorOf(rate)] = value.Denominator ?? 0;
                values[$"{rate}:rest"] = (value.Denominator ?? 0) - (value.Numerator ?? 0);
            }
            foreach (var outcome in MeasureDefinitions.Outcomes)
            {
                values[$"outcome:{outcome}"] = m.Outcomes.GetValueOrDefault(outcome) ?? 0;
            }
            foreach (var subject in Subjects)
            {
                var count = subjects?.GetValueOrDefault(subject) ?? 0;
                values[$"subject:{subject}"] = count;
                // Each complaint counts once under a subject, so never more than were received; kept whole if the data disagree.
                values[$"not about:{subject}"] = Math.Max(0, (m.Received ?? 0) - count);
            }
            return figure => values[figure];
        }
    }
}
