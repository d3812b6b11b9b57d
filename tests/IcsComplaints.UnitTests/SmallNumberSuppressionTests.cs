// Over 300 lines on purpose: every published output's suppression (oversight, measures, funnel, trend, annual
// report) checked against the same rule, read together.
using IcsComplaints.Reporting.Api.Api;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;

namespace IcsComplaints.UnitTests;

/// <summary>
/// Small numbers in outputs meant for publication: every count from 1 to 4 is withheld, and nothing withheld (nor
/// the rest of a rate, when that is small) can be worked out from anything else in the same output. Checked by
/// <see cref="PublishedFiguresReader"/> over random tables (fixed seeds) and over the cases that leaked before.
/// </summary>
public sealed class SmallNumberSuppressionTests
{
    private static readonly string[] Channels = ["Email", "Letter", "Online", "Phone"];
    private static readonly string[] Questions = ["keptInformed", "treatedWithRespect"];

    [Fact]
    public void AnOversightTableForPublication_WithholdsEverySmallCount_AndNothingWithheldCanBeWorkedOutFromTheRest()
    {
        var complementary = 0;
        for (var seed = 1; seed <= 150; seed++)
        {
            var random = new Random(seed);
            var providers = Enumerable.Range(1, random.Next(1, 7)).Select(p => RandomSet(random, $"P{p}")).ToList();
            var all = Together(providers, "ICB");

            var (shownProviders, shownAll) = Publication.Oversight(providers, all);

            var reader = new PublishedFiguresReader();
            var rows = providers.Zip(shownProviders).Select(p => Read(reader, p.First.OrganisationCode, p.First, p.Second, providers)).ToList();
            var names = Read(reader, "ICB", all, shownAll, providers);
            foreach (var name in names)
            {
                reader.Total($"ICB.{name}", providers.Select(p => $"{p.OrganisationCode}.{name}"));
            }
            AssertProtected(reader, $"seed {seed}");
            complementary += reader.Names.Count(n => !reader.IsShown(n) && reader.Truth(n) >= SmallNumberSuppression.Threshold && !n.EndsWith(".rest", StringComparison.Ordinal)
                && !n.Contains("not ", StringComparison.Ordinal));
        }
        // The tables were varied enough that small numbers often had to be protected by withholding larger ones.
        Assert.True(complementary > 100, $"{complementary} figures of five or more withheld to protect small ones");
    }

    [Fact]
    public void OneOrganisationsMeasuresForPublication_HideNoSmallNumberBehindTheirOwnTotals()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var set = RandomSet(new Random(seed), "RJ1");

            var shown = Publication.Measures(set);

            var reader = new PublishedFiguresReader();
            Read(reader, "RJ1", set, shown, [set]);
            AssertProtected(reader, $"seed {seed}");
        }
    }

    [Fact]
    public void WithholdingOnlyTheSmallCounts_LeavesThemToBeWorkedOutFromTheTotal()
    {
        // As published before: each provider's small counts withheld, the ICB's total shown exactly.
        var providers = new[] { Set("RJ2", received: 20, letters: 8), Set("RPG", received: 12, letters: 0), Set("Z99902", received: 3, letters: 0) };
        var all = Together(providers, "QKK");
        var shown = providers.Select(p => p.OrganisationCode == "Z99902" ? p with { Received = null, ReceivedByChannel = p.ReceivedByChannel.ToDictionary(c => c.Key, _ => (int?)null) } : p);

        var reader = new PublishedFiguresReader();
        foreach (var (truth, published) in providers.Zip(shown))
        {
            reader.Figure($"{truth.OrganisationCode}.received", truth.Received!.Value, published.Received);
        }
        reader.Figure("QKK.received", all.Received!.Value, all.Received);
        reader.Total("QKK.received", providers.Select(p => $"{p.OrganisationCode}.received"));

        // 35 − 20 − 12: the reader works the three back.
        Assert.Equal(["Z99902.received"], reader.WorkedOut(reader.Names));

        var (protectedProviders, protectedAll) = Publication.Oversight(providers, all);
        Assert.Null(protectedProviders.Single(p => p.OrganisationCode == "Z99902").Received);
        Assert.True(protectedProviders.Count(p => p.Received is null) + (protectedAll.Received is null ? 1 : 0) >= 2, "another figure of the sum is withheld with it");
    }

    [Fact]
    public void AFunnelForPublication_GivesAWithheldProviderNoFigureAndNoLimits_WhileTheOperationalFunnelShowsItsRealCounts()
    {
        // Z99902 acknowledged 3 of its 40 complaints in time: limits for its volume (40) would give its count away.
        var providers = new[] { Acknowledged("RJ2", 32, 40), Acknowledged("RPG", 20, 25), Acknowledged("Z99902", 3, 40), Acknowledged("Y99901", 2, 3) };
        var all = Together(providers, "QKK");

        var operational = FunnelLimits.Plot("acknowledgedInTime", "2023-Q3", providers, all, publication: false);
        var published = FunnelLimits.Plot("acknowledgedInTime", "2023-Q3", providers, all, publication: true);

        var z = operational.Points.Single(p => p.OrganisationCode == "Z99902");
        Assert.Equal((3, 40, "BelowAlarm", false), (z.Numerator, z.Denominator, z.Position, z.Lower95 is null));
        var y = operational.Points.Single(p => p.OrganisationCode == "Y99901");
        Assert.Equal((2, 3, "TooFew"), (y.Numerator, y.Denominator, y.Position));
        var withheld = published.Points.Where(p => p.Suppressed).ToList();
        Assert.Contains(withheld, p => p.OrganisationCode == "Z99902");
        Assert.Contains(withheld, p => p.OrganisationCode == "Y99901");
        Assert.All(withheld, p => Assert.Equal(
            (null, null, null, null, null, null, null, "Withheld"),
            (p.Numerator, p.Denominator, p.Value, p.Lower95, p.Upper95, p.Lower998, p.Upper998, p.Position)));
        // With the overall rate shown, two withheld providers must not be the only unknowns of its sum: the reader
        // cannot split 57 − 32 − 20 between them, nor 108 − 40 − 25.
        Assert.True(published.Target is null || withheld.Count >= 2);
        Assert.True(published.Suppressed);
        Assert.DoesNotContain("Z99902", Charts.Funnel(published), StringComparison.Ordinal);
    }

    [Fact]
    public void ATrendForPublication_WithholdsSmallCountsAndRatesWhoseRestIsSmall_AndShowsTheOthers()
    {
        TrendPoint[] points =
        [
            new("2026-01", 10, 30, 0.3333), new("2026-02", 7, 9, 0.7778), new("2026-03", 3, 20, 0.15), new("2026-04", 0, 0, null), new("2026-05", 12, 12, 1),
        ];

        var shown = Publication.Trend(points);

        Assert.Equal([false, true, true, false, false], shown.Select(p => p.Suppressed));
        Assert.All(shown.Where(p => p.Suppressed), p => Assert.Equal((null, null), (p.Value, p.Numerator)));
        Assert.Equal(points[0], shown[0]);
        Assert.Equal(
            [12, null, 0],
            Publication.Trend([new("2026-01", 12, null, 12), new("2026-02", 4, null, 4), new("2026-03", 0, null, 0)]).Select(p => p.Numerator));
    }

    [Fact]
    public void TheAnnualReport_IsPublishedWithSmallNumbersWithheld_AndNoneCanBeWorkedOut()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var random = new Random(seed);
            var set = RandomSet(random, "RJ1");
            var subjects = new Dictionary<string, int?>(StringComparer.Ordinal)
            {
                ["Communications"] = set.Received, ["Clinical treatment"] = random.Next(0, set.Received!.Value + 1), ["Values and behaviours"] = random.Next(0, Math.Min(5, set.Received.Value + 1)),
            };
            var exact = new AnnualReport("RJ1", "2025/26", set.Received, set.UpheldOrPartly.Numerator, set.ReferredToOmbudsman, subjects, [], 4, 2, 1, set);

            var published = Publication.AnnualReport(exact);

            Assert.Equal((published.Measures.Received, published.Measures.UpheldOrPartly.Numerator, published.Measures.ReferredToOmbudsman),
                (published.Received, published.DecidedWellFounded, published.ReferredToOmbudsman));
            Assert.Equal((4, 2, 1), (published.ActionsRaised, published.ActionsCompleted, published.ActionsPublished));
            var reader = new PublishedFiguresReader();
            Read(reader, "RJ1", set, published.Measures, [set]);
            foreach (var (subject, count) in subjects)
            {
                reader.Figure($"RJ1.subject {subject}", count!.Value, published.SubjectMatter[subject]);
                reader.Unpublished($"RJ1.not about {subject}", set.Received.Value - count.Value);
                reader.Total("RJ1.received", $"RJ1.subject {subject}", $"RJ1.not about {subject}");
            }
            AssertProtected(reader, $"seed {seed}");
            Assert.Equal(reader.Names.Any(n => !reader.IsShown(n) && !n.Contains("rest", StringComparison.Ordinal) && !n.Contains("not ", StringComparison.Ordinal)), published.Suppressed);
        }
    }

    [Fact]
    public void SmallNumbers_AreCountsOfOneToFour_ZeroIsNot() =>
        Assert.Equal([false, true, true, false, false], new[] { 0, 1, 4, 5, 120 }.Select(SmallNumberSuppression.IsSmall));

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(0, 12, true)]
    [InlineData(5, 10, true)]
    [InlineData(12, 12, true)]
    [InlineData(3, 40, false)]
    [InlineData(8, 10, false)]
    [InlineData(4, 4, false)]
    public void ARateIsSafeToPublish_OnlyWhenItsNumeratorDenominatorAndRestAreEachZeroOrFiveOrMore(int numerator, int denominator, bool safe) =>
        Assert.Equal(safe, SmallNumberSuppression.IsSafeRate(numerator, denominator));

    private static void AssertProtected(PublishedFiguresReader reader, string table)
    {
        var published = reader.Names.Where(n => !n.EndsWith(".rest", StringComparison.Ordinal) && !n.Contains(".not ", StringComparison.Ordinal)).ToList();
        Assert.All(published.Where(n => SmallNumberSuppression.IsSmall(reader.Truth(n))), n => Assert.False(reader.IsShown(n), $"{table}: {n} ({reader.Truth(n)}) is shown"));
        var guarded = reader.Names.Where(n => !reader.IsShown(n) && (published.Contains(n) || SmallNumberSuppression.IsSmall(reader.Truth(n))));
        var workedOut = reader.WorkedOut(guarded);
        Assert.True(workedOut.Count == 0, $"{table}: worked out {string.Join(", ", workedOut.Select(n => $"{n} = {reader.Truth(n)}"))}");
    }

    // One row of an output as a reader sees it, with the sums its definitions imply (docs/reporting/measures.md).
    // Returns the names of its figures, so that an ICB's row can be tied to its providers'.
    private static List<string> Read(PublishedFiguresReader reader, string row, MeasureSet truth, MeasureSet shown, IReadOnlyList<MeasureSet> table)
    {
        var names = new List<string>();
        string N(string name) => $"{row}.{name}";
        void Figure(string name, int value, int? published)
        {
            reader.Figure(N(name), value, published);
            names.Add(name);
        }
        void Unpublished(string name, int value)
        {
            reader.Unpublished(N(name), value);
            names.Add(name);
        }
        void Total(string total, params string[] parts) => reader.Total(N(total), parts.Select(N));
        void ReadRate(string name, Rate exact, Rate published)
        {
            Figure($"{name} numerator", exact.Numerator!.Value, published.Numerator);
            Figure($"{name} denominator", exact.Denominator!.Value, published.Denominator);
            Unpublished($"{name}.rest", exact.Denominator.Value - exact.Numerator.Value);
            Total($"{name} denominator", $"{name} numerator", $"{name}.rest");
            Assert.True(published.Value is null || (published.Numerator is not null && published.Denominator is not null), $"{row} {name}: a value without its parts");
            Assert.Equal(published.Numerator is null || published.Denominator is null, published.Suppressed);
        }
        // A key missing from a published dictionary is a zero shown.
        static int? Shown(IReadOnlyDictionary<string, int?> published, string key) => published.TryGetValue(key, out var value) ? value : 0;

        var channels = table.SelectMany(s => s.ReceivedByChannel.Keys).Distinct().ToList();
        Figure("received", truth.Received!.Value, shown.Received);
        foreach (var channel in channels)
        {
            Figure(channel, truth.ReceivedByChannel.GetValueOrDefault(channel) ?? 0, Shown(shown.ReceivedByChannel, channel));
        }
        Total("received", [.. channels]);
        ReadRate("acknowledgedInTime", truth.AcknowledgedInTime, shown.AcknowledgedInTime);
        Unpublished("not yet due.rest", truth.Received.Value - truth.AcknowledgedInTime.Denominator!.Value);
        Total("received", "acknowledgedInTime denominator", "not yet due.rest");
        ReadRate("withAdvocacy", truth.WithAdvocacy, shown.WithAdvocacy);
        Total("received", "withAdvocacy denominator");

        ReadRate("resolvedEarly", truth.ResolvedEarly, shown.ResolvedEarly);
        ReadRate("renegotiated", truth.Renegotiated, shown.Renegotiated);
        ReadRate("upheldOrPartly", truth.UpheldOrPartly, shown.UpheldOrPartly);
        ReadRate("reopened", truth.Reopened, shown.Reopened);
        ReadRate("draftsReviewed", truth.DraftsReviewed, shown.DraftsReviewed);
        foreach (var rate in new[] { "renegotiated", "upheldOrPartly", "reopened", "draftsReviewed" })
        {
            Total("resolvedEarly denominator", $"{rate} denominator");
        }
        foreach (var outcome in truth.Outcomes.Keys)
        {
            Figure(outcome, truth.Outcomes[outcome]!.Value, shown.Outcomes[outcome]);
        }
        Total("resolvedEarly denominator", [.. truth.Outcomes.Keys]);
        Total("upheldOrPartly numerator", "Upheld", "PartiallyUpheld");
        ReadRate("byAgreedDate", truth.ByAgreedDate, shown.ByAgreedDate);
        Unpublished("no agreed date.rest", truth.ResolvedEarly.Denominator!.Value - truth.ByAgreedDate.Denominator!.Value);
        Total("resolvedEarly denominator", "byAgreedDate denominator", "no agreed date.rest");

        ReadRate("staffSupported", truth.StaffSupported, shown.StaffSupported);
        ReadRate("staffTold", truth.StaffTold, shown.StaffTold);
        Total("staffSupported denominator", "staffTold denominator");
        foreach (var question in table.SelectMany(s => s.Survey.Keys).Distinct())
        {
            ReadRate($"survey {question}", truth.Survey.GetValueOrDefault(question) ?? Rate.Of(0, 0), shown.Survey.GetValueOrDefault(question) ?? Rate.Of(0, 0));
        }
        Figure("backstopBreaches", truth.BackstopBreaches!.Value, shown.BackstopBreaches);
        Figure("referredToOmbudsman", truth.ReferredToOmbudsman!.Value, shown.ReferredToOmbudsman);
        Figure("everydayConcerns", truth.EverydayConcerns!.Value, shown.EverydayConcerns);
        Assert.True(shown.MedianWorkingDaysEarly is null || !SmallNumberSuppression.IsSmall(truth.ResolvedEarly.Numerator!.Value), $"{row}: the median of a few");
        return names;
    }

    // A provider's quarter: many counts small, so that tables need protecting.
    private static MeasureSet RandomSet(Random random, string organisation)
    {
        int Count() => random.Next(3) == 0 ? random.Next(0, 5) : random.Next(0, 16);
        int UpTo(int most) => random.Next(0, most + 1);
        Rate Part(int of) => Rate.Of(UpTo(of), of);

        var channels = Channels.Where(_ => random.Next(2) == 0).ToDictionary(c => c, _ => (int?)Count(), StringComparer.Ordinal);
        var received = channels.Values.Sum(v => v!.Value);
        var acknowledgementDue = Math.Max(0, received - random.Next(0, 3));
        var (upheld, partly, notUpheld) = (Count(), Count(), Count());
        var responses = upheld + partly + notUpheld;
        var agreed = UpTo(responses);
        var staff = Count();
        var early = UpTo(responses);
        return new MeasureSet(
            organisation, "2023-Q3", received, channels, Part(acknowledgementDue), Rate.Of(early, responses),
            early > 0 ? random.Next(1, 10) : null, responses > early ? random.Next(10, 40) : null, Part(agreed), Part(responses), Count(),
            new Dictionary<string, int?>(StringComparer.Ordinal) { ["Upheld"] = upheld, ["PartiallyUpheld"] = partly, ["NotUpheld"] = notUpheld },
            Rate.Of(upheld + partly, responses), Part(responses), Count(), Part(received), Part(responses), Part(staff), Part(staff),
            Questions.Where(_ => random.Next(2) == 0).ToDictionary(q => q, _ => Part(Count()), StringComparer.Ordinal), random.Next(0, 3), Count());
    }

    private static MeasureSet Set(string organisation, int received, int letters)
    {
        var channels = new Dictionary<string, int?>(StringComparer.Ordinal) { ["Letter"] = letters, ["Online"] = received - letters };
        var none = Rate.Of(0, 0);
        return new MeasureSet(
            organisation, "2023-Q3", received, channels.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal), Rate.Of(received, received), none, null, null, none, none, 0,
            new Dictionary<string, int?>(StringComparer.Ordinal) { ["Upheld"] = 0, ["PartiallyUpheld"] = 0, ["NotUpheld"] = 0 }, none, none, 0, Rate.Of(0, received), none,
            none, none, new Dictionary<string, Rate>(StringComparer.Ordinal), 0, 0);
    }

    private static MeasureSet Acknowledged(string organisation, int inTime, int of) => Set(organisation, of, 0) with { AcknowledgedInTime = Rate.Of(inTime, of) };

    // An ICB's providers together, added up here from the definitions rather than by the code under test.
    private static MeasureSet Together(IReadOnlyList<MeasureSet> sets, string code)
    {
        Rate Add(Func<MeasureSet, Rate> rate) => Rate.Of(sets.Sum(s => rate(s).Numerator!.Value), sets.Sum(s => rate(s).Denominator!.Value));
        Dictionary<string, int?> AddCounts(Func<MeasureSet, IReadOnlyDictionary<string, int?>> counts) => sets.SelectMany(s => counts(s))
            .GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int?)g.Sum(c => c.Value!.Value), StringComparer.Ordinal);
        return new MeasureSet(
            code, "2023-Q3", sets.Sum(s => s.Received!.Value), AddCounts(s => s.ReceivedByChannel), Add(s => s.AcknowledgedInTime), Add(s => s.ResolvedEarly), 5, 25,
            Add(s => s.ByAgreedDate), Add(s => s.Renegotiated), sets.Sum(s => s.BackstopBreaches!.Value), AddCounts(s => s.Outcomes), Add(s => s.UpheldOrPartly),
            Add(s => s.Reopened), sets.Sum(s => s.ReferredToOmbudsman!.Value), Add(s => s.WithAdvocacy), Add(s => s.DraftsReviewed), Add(s => s.StaffSupported),
            Add(s => s.StaffTold),
            sets.SelectMany(s => s.Survey.Keys).Distinct(StringComparer.Ordinal).ToDictionary(q => q, q => Add(s => s.Survey.GetValueOrDefault(q) ?? Rate.Of(0, 0)), StringComparer.Ordinal),
            sets.Sum(s => s.Themes!.Value), sets.Sum(s => s.EverydayConcerns!.Value));
    }
}
