using System.Text.Json.Nodes;
using IcsComplaints.Calendar;
using IcsComplaints.DemoSeed;
using IcsComplaints.TestKit;

namespace IcsComplaints.Deployment.Tests;

/// <summary>
/// The generated year of demo complaints (<see cref="DemoYear"/>): deterministic, committed as generated, and spread
/// as a commissioner's dashboard needs — every provider in every month, sizes that differ, mostly timely
/// acknowledgements with one provider the outlier, outcomes of every kind, transfers from the ICB, open cases;
/// responses agreed, signed and sent on their own days, coded, closed, surveyed and now and then taken to the Ombudsman.
/// </summary>
public sealed class DemoYearTests
{
    private static readonly string FixturePath = Repository.PathOf("deploy", "demo", "complaints.json");

    private static readonly string[] Providers = ["RJ1", "RJZ", "Y99901"];

    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void TheSameSeed_WritesTheSameYear_AndAnotherSeedAnother()
    {
        var once = string.Join("\n", DemoYear.Generate(DemoYear.DefaultSeed).Select(c => c.ToJsonString()));
        var again = string.Join("\n", DemoYear.Generate(DemoYear.DefaultSeed).Select(c => c.ToJsonString()));
        var other = string.Join("\n", DemoYear.Generate(DemoYear.DefaultSeed + 1).Select(c => c.ToJsonString()));

        Assert.Equal(once, again);
        Assert.NotEqual(once, other);
    }

    [Fact]
    public void TheCommittedFixture_IsWhatTheGeneratorWrites()
    {
        var committed = File.ReadAllText(FixturePath);

        Assert.Equal(committed, DemoYear.Rewrite(committed, DemoYear.DefaultSeed));
    }

    [Theory]
    [InlineData("2026-12-06")]
    [InlineData("2027-01-31")]
    [InlineData("2027-03-01")]
    [InlineData("2028-02-29")]
    public void EveryMonthOfTheLastTwelveComplete_HasComplaintsHandledByEveryProvider(string today)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var year = Year(day);
        var thisMonth = new DateOnly(day.Year, day.Month, 1);

        for (var back = 1; back <= 12; back++)
        {
            var month = thisMonth.AddMonths(-back);
            foreach (var provider in Providers)
            {
                Assert.Contains(year, c => c.HandledBy == provider && c.ReceivedOn >= month && c.ReceivedOn < month.AddMonths(1));
            }
        }
    }

    [Fact]
    public void TheYear_HasAFewHundredComplaints_FromProvidersOfDifferentSizes()
    {
        var year = Year(Today);
        var sizes = Providers.Select(p => year.Count(c => c.HandledBy == p)).ToList();

        Assert.InRange(year.Count, 250, 400);
        Assert.True(sizes[0] > sizes[1] && sizes[1] > sizes[2], $"RJ1, RJZ, Y99901: {string.Join(", ", sizes)}");
        Assert.True(year.Select(c => c.Request["channel"]!.GetValue<string>()).Distinct().Count() >= 4);
        Assert.All(year, c => Assert.Equal($"handler.{c.Request["organisationCode"]!.GetValue<string>().ToLowerInvariant()}", c.Complaint.User));
    }

    [Fact]
    public void MostAreAcknowledgedWithinThreeWorkingDays_SomeLate_AndRjzIsTheOutlier()
    {
        var year = Year(Today);
        double LateShare(string provider)
        {
            var acknowledged = year.Where(c => c.HandledBy == provider && c.AcknowledgedOn is not null).ToList();
            return acknowledged.Count(c => c.AcknowledgedOn!.Value.DayNumber - c.ReceivedOn.DayNumber > 3) / (double)acknowledged.Count;
        }
        var acknowledged = year.Where(c => c.AcknowledgedOn is not null).ToList();

        // Within 3 calendar days is always within 3 working days; late ones are 9 days or more, always past them.
        Assert.All(acknowledged, c => Assert.True(c.AcknowledgedOn!.Value.DayNumber - c.ReceivedOn.DayNumber is >= 0 and (<= 3 or >= 9)));
        Assert.True(acknowledged.Count(c => c.AcknowledgedOn!.Value.DayNumber - c.ReceivedOn.DayNumber <= 3) > 0.7 * acknowledged.Count);
        Assert.True(LateShare("RJZ") > 2 * LateShare("RJ1") && LateShare("RJZ") > 2 * LateShare("Y99901"), $"late: RJ1 {LateShare("RJ1"):P0}, RJZ {LateShare("RJZ"):P0}, Y99901 {LateShare("Y99901"):P0}");
        Assert.True(LateShare("RJ1") > 0);
    }

    [Fact]
    public void TheDrafts_HoldEveryOutcome_AndSomeCasesAreStillOpen_SomePastTheBackstop()
    {
        var year = Year(Today);
        var outcomes = year.Where(c => c.Findings is not null).Select(c => Outcome(c.Findings!)).ToList();
        var notDrafted = year.Where(c => c.Findings is null).ToList();

        Assert.All(new[] { "Upheld", "PartiallyUpheld", "NotUpheld" }, o => Assert.True(outcomes.Count(x => x == o) >= 30, $"{o}: {outcomes.Count(x => x == o)}"));
        Assert.True(outcomes.Count > year.Count / 2);
        Assert.Contains(notDrafted, c => c.ReceivedOn < Today.AddMonths(-6));
        Assert.True(notDrafted.Count(c => c.ReceivedOn < Today.AddMonths(-2)) >= 5);
        // A drafted response is signed by the organisation's responsible person before anything else happens to it.
        Assert.All(year.Where(c => c.Findings is not null && c.Paths.Contains("final-response/signature")), c => Assert.Equal(
            ($"responsible.{c.HandledBy.ToLowerInvariant()}", "final-response/signature"), (c.Complaint.Steps[c.Paths.IndexOf("response-draft") + 1].User, c.Paths[c.Paths.IndexOf("response-draft") + 1])));
        // The newest complaints are still being answered, but for a few resolved early.
        var newest = year.Where(c => c.ReceivedOn > Today.AddDays(-28)).ToList();
        Assert.True(newest.Count(c => !c.Paths.Contains("final-response/sending")) > newest.Count * 3 / 4, $"{newest.Count(c => c.Paths.Contains("final-response/sending"))} of the {newest.Count} newest sent");
    }

    [Fact]
    public void MostResponsesAreSent_NeverBeforeTheyAreSigned_ThenCodedAndClosed_InThatOrder()
    {
        var year = Year(Today);
        var sent = year.Where(c => c.Paths.Contains("final-response/sending")).ToList();

        Assert.True(sent.Count > year.Count / 2, $"{sent.Count} of {year.Count} sent");
        Assert.All(sent, c =>
        {
            Assert.True(c.DateOf("final-response/signature", "signedOn") <= c.DateOf("final-response/sending", "sentOn"));
            var after = c.Paths.SkipWhile(p => p != "final-response/signature").ToList();
            Assert.Equal(["final-response/signature", "final-response/sending", "coding"], after.Take(3));
            Assert.Equal(after.Where(p => p is "closure" or "surveys/Complainant" or "ombudsman-referral"), after.Skip(3));
        });
        Assert.True(year.Count(c => c.Paths.Contains("closure")) > sent.Count * 3 / 4);
        Assert.Contains(sent, c => !c.Paths.Contains("closure"));
        Assert.All(sent.Where(c => c.Paths.Contains("closure")), c => Assert.True(c.DateOf("closure", "closedOn") >= c.DateOf("final-response/sending", "sentOn")));
        // Coded for KO41 with the subjects of what it was about; a clinical aspect always with its sub-category.
        Assert.All(sent, c =>
        {
            var coding = c.Complaint.Steps[c.Paths.IndexOf("coding")].Body;
            var subjects = coding["subjects"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            Assert.NotEmpty(subjects);
            Assert.Equal(subjects.Contains("Clinical treatment"), coding["clinicalSubCategories"] is not null);
        });
    }

    [Fact]
    public void ACloserLookAgreesItsResponseDate_AWorkingDayAfterTheAgreement_SomeRenegotiated_AndRjzMissesItMostOften()
    {
        var calendar = new WorkingDayCalendar(BankHolidays.Embedded());
        var days = new[] { Today, new DateOnly(2027, 1, 2), new DateOnly(2027, 4, 3), new DateOnly(2028, 2, 29) };
        var kept = new Dictionary<string, bool>();

        foreach (var today in days)
        {
            var year = Year(today);
            Assert.All(year.Where(c => c.Paths.Contains("closer-look") && c.Paths.Contains("response-draft")), c => Assert.Contains("response-date", c.Paths));
            foreach (var c in year.Where(c => c.Paths.Contains("response-date")))
            {
                var agreements = c.Complaint.Steps.Where(s => s.Path.EndsWith("/response-date", StringComparison.Ordinal)).Select(s => s.BodyOn(today)).ToList();
                Assert.All(agreements, a => Assert.True(Day(a, "dueBy") > Day(a, "agreedOn") && calendar.IsWorkingDay(Day(a, "dueBy")) && Day(a, "agreedOn") <= today));
                Assert.All(agreements.Skip(1), a => Assert.False(string.IsNullOrWhiteSpace(a["reason"]?.GetValue<string>())));
                if (c.Paths.Contains("final-response/sending"))
                {
                    // Which side of the date in force a response fell never depends on the day the demo is seeded.
                    var keptIt = c.DateOf("final-response/sending", "sentOn", today) <= Day(agreements[^1], "dueBy");
                    Assert.Equal(kept.GetValueOrDefault(c.Complaint.IdempotencyKey, keptIt), keptIt);
                    kept[c.Complaint.IdempotencyKey] = keptIt;
                }
            }
        }
        var first = Year(Today);
        double Missed(string provider)
        {
            var answered = first.Where(c => c.HandledBy == provider && kept.ContainsKey(c.Complaint.IdempotencyKey)).ToList();
            return answered.Count(c => !kept[c.Complaint.IdempotencyKey]) / (double)answered.Count;
        }
        Assert.True(Missed("RJZ") > 2 * Missed("RJ1") && Missed("RJ1") > 0, $"missed: RJ1 {Missed("RJ1"):P0}, RJZ {Missed("RJZ"):P0}");
        Assert.True(first.Count(c => c.Paths.Count(p => p == "response-date") > 1) >= 10);
    }

    [Fact]
    public void AHandfulGoToTheOmbudsmanAfterTheirResponse_AndSomeAnswerTheSurveyOnceClosed()
    {
        var year = Year(Today);
        var ombudsman = year.Where(c => c.Paths.Contains("ombudsman-referral")).ToList();
        var surveyed = year.Where(c => c.Paths.Contains("surveys/Complainant")).ToList();

        Assert.InRange(ombudsman.Count, 4, 25);
        Assert.All(ombudsman, c => Assert.True(c.DateOf("ombudsman-referral", "learnedOn") > c.DateOf("final-response/sending", "sentOn")));
        Assert.Equal(Providers, ombudsman.Select(c => c.HandledBy).Concat(Providers).Distinct().Order(StringComparer.Ordinal));
        Assert.True(surveyed.Count >= 30, $"{surveyed.Count} surveys");
        Assert.All(surveyed, c => Assert.InRange(c.DateOf("surveys/Complainant", "answeredOn"), c.DateOf("closure", "closedOn"), Today));
    }

    [Fact]
    public void SomeAreMadeToTheIcb_AndTransferredWithConsent_WhileTheNewestWaitForIt()
    {
        var year = Year(Today);
        var toIcb = year.Where(c => c.Request["organisationCode"]!.GetValue<string>() == DemoYear.Icb).ToList();
        var transferred = toIcb.Where(c => c.Complaint.Steps.Count > 0).ToList();

        Assert.InRange(toIcb.Count, 20, 40);
        Assert.All(transferred, c =>
        {
            Assert.Equal("Given", c.Request["shareWithProviderConsent"]!.GetValue<string>());
            var routing = c.Complaint.Steps[0];
            Assert.Equal(("handler.qkk", "complaints/{complaintId}/routing", c.HandledBy), (routing.User, routing.Path, routing.Body["toOrganisationCode"]!.GetValue<string>()));
            Assert.All(c.Complaint.Steps.Skip(1), s => Assert.True(s.OnCase));
            // The ICB's own time, a day or two, comes before the provider acknowledges it.
            Assert.InRange(c.DateOf("{complaintId}/routing", "decidedOn").DayNumber - c.ReceivedOn.DayNumber, 1, 2);
            Assert.True(c.AcknowledgedOn is null || c.AcknowledgedOn >= c.DateOf("{complaintId}/routing", "decidedOn"));
        });
        Assert.Contains(toIcb, c => c.Complaint.Steps.Count == 0 && c.Request["shareWithProviderConsent"] is null);
        Assert.Equal(Providers, transferred.Select(c => c.HandledBy).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatHappenedInTheLastTwelveCompleteMonths_IsTheSameWhicheverDayTheDemoIsSeeded()
    {
        var days = new[] { Today, new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), new DateOnly(2028, 2, 29), new DateOnly(2027, 7, 15) };

        // Per complaint received in those months: the month and day it came, counted back from the seeding day's
        // month, and the steps made before the current month. (A step's own day can move by a day or two with the
        // lengths of the months between; the figures for the twelve months as a whole cannot.)
        var seen = days.Select(today =>
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            return string.Join("\n", Year(today).Where(c => c.ReceivedOn < thisMonth && c.ReceivedOn >= thisMonth.AddMonths(-12)).Select(c =>
                $"{c.Complaint.IdempotencyKey} {(thisMonth.Year - c.ReceivedOn.Year) * 12 + thisMonth.Month - c.ReceivedOn.Month}/{c.ReceivedOn.Day}: "
                + string.Join(", ", c.Complaint.Steps.Where(s => DemoDates.HasHappenedBy(s.On, thisMonth.AddDays(-1))).Select(s => s.Path))));
        }).ToList();

        Assert.All(seen, s => Assert.Equal(seen[0], s));
        Assert.True(seen[0].Split('\n').Length > 200);
    }

    [Fact]
    public void EveryStepIsDatedOnOrAfterReceipt_AndNoLaterThanToday()
    {
        foreach (var c in Year(Today))
        {
            foreach (var step in c.Complaint.Steps)
            {
                var body = step.BodyOn(Today);
                foreach (var field in new[] { "decidedOn", "acknowledgedOn", "startedOn", "agreedOn", "signedOn", "sentOn", "closedOn", "answeredOn", "learnedOn" })
                {
                    if (body[field] is { } date)
                    {
                        Assert.InRange(DateOnly.Parse(date.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), c.ReceivedOn, Today);
                    }
                }
            }
        }
    }

    private static DateOnly Day(JsonObject body, string field) => DateOnly.Parse(body[field]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Outcome(JsonArray findings)
    {
        var upheld = findings.Count(f => f!["upheld"]!.GetValue<bool>());
        return upheld == findings.Count ? "Upheld" : upheld == 0 ? "NotUpheld" : "PartiallyUpheld";
    }

    // What the seeder makes on that day: the complaints received by then, and each one's steps until the first still ahead.
    private static List<Generated> Year(DateOnly today) =>
    [
        .. DemoFixture.Load(FixturePath).Complaints
            .Where(c => c.IdempotencyKey.StartsWith(DemoYear.KeyPrefix, StringComparison.Ordinal) && c.ReceivedBy(today))
            .Select(c => new Generated(c with { Steps = [.. c.Steps.TakeWhile(s => s.HappenedBy(today))] }, today)),
    ];

    private sealed class Generated(DemoComplaint complaint, DateOnly today)
    {
        public DemoComplaint Complaint { get; } = complaint;

        public JsonObject Request { get; } = complaint.RequestOn(today);

        public DateOnly ReceivedOn => DateOnly.Parse(Request["receivedOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        public string HandledBy => Request["aboutOrganisationCodes"] is JsonArray about ? about[0]!.GetValue<string>() : Request["organisationCode"]!.GetValue<string>();

        public DateOnly? AcknowledgedOn => Complaint.Steps.FirstOrDefault(s => s.Path.EndsWith("/acknowledgement", StringComparison.Ordinal))?.BodyOn(today)["acknowledgedOn"] is { } on
            ? DateOnly.Parse(on.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;

        /// <summary>The steps' paths under <c>cases/{caseId}/</c> (or <c>complaints/{complaintId}/</c>), in order.</summary>
        public List<string> Paths { get; } = [.. complaint.Steps.Select(s => s.Path[(s.Path.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace("{caseId}/", "", StringComparison.Ordinal))];

        public DateOnly DateOf(string path, string field) => DateOf(path, field, today);

        public DateOnly DateOf(string path, string field, DateOnly on) => Day(Complaint.Steps[Paths.IndexOf(path)].BodyOn(on), field);

        public JsonArray? Findings => Complaint.Steps.FirstOrDefault(s => s.Path.EndsWith("/response-draft", StringComparison.Ordinal))?.Body["findings"] as JsonArray;
    }
}
