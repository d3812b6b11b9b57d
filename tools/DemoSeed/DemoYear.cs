using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcsComplaints.DemoSeed;

/// <summary>
/// Writes a year of demo complaints for the demo ICB (QKK) and the providers it commissions into the fixture, so a
/// commissioner signing in after <c>./ics up</c> sees twelve populated months. Deterministic: the same seed writes
/// the same file. Provider sizes differ and King's (RJZ) acknowledges late far more often than the others, so the
/// funnel plot of acknowledgement within 3 working days (Reg 13(3)) shows an outlier. Some complaints are made to the
/// ICB and transferred to the provider with the complainant's consent (Reg 7(3), 7(5)); the newest wait for consent.
/// </summary>
/// <remarks>
/// Every step is recorded on the day it happened, as the case API allows (ADR 32): a closer look agrees its response
/// date (Reg 13(7)) and some renegotiate it, RJZ missing the date agreed far more often; most responses are drafted,
/// signed and sent (Reg 14), coded for KO41, closed, some with the complainant's survey, and a handful go on to the
/// Ombudsman. The steps of each case are in <see cref="CaseSteps"/>.
/// </remarks>
public static partial class DemoYear
{
    /// <summary>The Idempotency-Keys of generated complaints start so; the fixture's other complaints are kept as written.</summary>
    public const string KeyPrefix = "demo-year-";

    /// <summary>The seed of the committed fixture.</summary>
    public const int DefaultSeed = 18;

    /// <summary>
    /// Complete months covered before the current one: the twelve a commissioner looks at, and no more, so that nothing
    /// done before them can fall inside them on one seeding day and outside on another.
    /// </summary>
    public const int Months = 12;

    /// <summary>The ICB the demo commissioner works for.</summary>
    public const string Icb = "QKK";

    private sealed record Provider(
        string Code, int FewestPerMonth, int MostPerMonth, double LateAcknowledgement, double EarlyResolution, int ExtraDays, double MissedAgreedDate);

    // Sizes differ (a large trust, a smaller one, a GP practice); RJZ is the late acknowledger, the slower responder
    // and the one that most often misses the response date it agreed.
    private static readonly Provider[] Providers =
    [
        new("RJ1", 8, 12, 0.06, 0.35, 0, 0.10),
        new("RJZ", 6, 8, 0.38, 0.35, 25, 0.45),
        new("Y99901", 2, 4, 0.10, 0.65, 0, 0.10),
    ];

    // What the complaint is about, and how it is coded for KO41 (Ko41Coding's lists) once answered.
    private sealed record Theme(string Description, string Issue, string Sought, string[] Subjects, string ServiceArea, string Profession, string? ClinicalAspect = null);

    private static readonly Theme[] Themes =
    [
        new("I waited too long for a follow-up appointment", "The wait for a follow-up appointment", "An appointment date and an explanation of the wait.",
            ["Appointments", "Waiting times"], "Medical", "Administrative and clerical"),
        new("I was sent home without the medication I needed", "Medication on discharge", "To understand why it happened and that it will not happen again.",
            ["Admissions, discharges and transfers", "Clinical treatment"], "Medical", "Nursing, midwifery and health visiting", "Medication"),
        new("staff were dismissive when I raised concerns", "How staff responded to concerns", "An apology and for staff to listen.",
            ["Values and behaviours", "Communications"], "A&E", "Medical"),
        new("my operation was cancelled on the day", "The cancelled operation", "A new date and an explanation.",
            ["Access to treatment or drugs"], "Surgical", "Administrative and clerical"),
        new("my test results were not passed on to my GP", "Passing on test results", "For the results to reach my GP and an explanation.",
            ["Communications"], "Radiology", "Scientific, therapeutic and technical"),
        new("I could not get through on the phone to book", "Telephone access", "To be able to book without calling for days.",
            ["Trust administration"], "Other", "Administrative and clerical"),
        new("my father's care on the ward was poor", "Care on the ward", "An explanation of his care and changes on the ward.",
            ["Patient care", "Privacy, dignity and wellbeing"], "Medical", "Nursing, midwifery and health visiting"),
        new("the referral letter had the wrong details", "The referral letter", "A corrected letter and an apology.",
            ["Trust administration", "Communications"], "Community", "Administrative and clerical"),
    ];

    // The file is read by people and by DemoFixture, never put in a page: apostrophes stay apostrophes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string SecondIssue = "Communication about the delay";

    /// <summary>The generated complaints, oldest first, as fixture entries.</summary>
    public static IReadOnlyList<JsonObject> Generate(int seed)
    {
        var random = new Random(seed);
        var planned = new List<(Dating When, string MadeTo, string HandledBy)>();
        for (var monthsBack = Months; monthsBack >= 0; monthsBack--)
        {
            foreach (var provider in Providers)
            {
                var count = random.Next(provider.FewestPerMonth, provider.MostPerMonth + 1);
                for (var i = 0; i < count; i++)
                {
                    planned.Add((new Dating(monthsBack, random.Next(1, 29)), provider.Code, provider.Code));
                }
            }
            for (var i = 0; i < 2; i++)
            {
                var about = Providers[random.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 }].Code;
                planned.Add((new Dating(monthsBack, random.Next(1, 29)), Icb, about));
            }
        }
        planned.Sort((a, b) => a.When.MonthsBack != b.When.MonthsBack ? b.When.MonthsBack.CompareTo(a.When.MonthsBack) : a.When.Day.CompareTo(b.When.Day));
        return [.. planned.Select((p, i) => Complaint(random, i + 1, p.When, p.MadeTo, p.HandledBy))];
    }

    /// <summary>
    /// Where a generated complaint sits: day <see cref="Day"/> of the month <see cref="MonthsBack"/> months before the
    /// seeding day's. Its steps are planned in days before a horizon, <see cref="ReceivedAgo"/> on the day it was
    /// received and 0 at the horizon, and a step past the horizon is not written. For a past month the horizon is the
    /// last day that lies before the current month whatever the lengths of the months between (28 days a month), so
    /// what happened in the last twelve complete months is the same on any seeding day. A complaint of the current month
    /// has its whole course written; the seeder stops at the seeding day.
    /// </summary>
    private sealed record Dating(int MonthsBack, int Day)
    {
        private const int WholeCourse = 400;

        public int ReceivedAgo => MonthsBack == 0 ? WholeCourse : 28 * MonthsBack - Day;

        public string On(int ago) => DemoDates.InMonth(MonthsBack, Day, ReceivedAgo - ago);

        public string WorkingDayOn(int ago) => DemoDates.WorkingDayInMonth(MonthsBack, Day, ReceivedAgo - ago);
    }

    /// <summary>The fixture with its generated complaints replaced by those of <paramref name="seed"/>; hand-written complaints stay first, as they were.</summary>
    public static string Rewrite(string fixtureJson, int seed)
    {
        var root = JsonNode.Parse(fixtureJson)?.AsObject() ?? throw new InvalidDataException("The fixture is not a JSON object.");
        var kept = (root["complaints"] as JsonArray ?? [])
            .Where(c => c?["idempotencyKey"]?.GetValue<string>().StartsWith(KeyPrefix, StringComparison.Ordinal) != true)
            .Select(c => c!.DeepClone());
        var complaints = kept.Concat(Generate(seed)).ToList();
        // One complaint a line: the file stays readable and a regenerated year shows in a diff complaint by complaint.
        var text = new StringBuilder();
        text.Append("{\n  \"about\": ").Append(JsonSerializer.Serialize(About, Readable)).Append(",\n  \"complaints\": [\n");
        for (var i = 0; i < complaints.Count; i++)
        {
            text.Append("    ").Append(complaints[i]!.ToJsonString(Readable)).Append(i + 1 < complaints.Count ? ",\n" : "\n");
        }
        return text.Append("  ]\n}\n").ToString();
    }

    private const string About =
        "The demo complaints ./ics up records through the gateway with tools/DemoSeed, each by a demo user of the organisation it was made to "
        + "and with its own Idempotency-Key, then the steps each complaint's handlers take on it, in order. A date written {today} or {today-N} "
        + "(N days before) is filled in on the day; a response date written {workday-N} or {workday+N} is the first working day on or after it. "
        + "{month-K/D} is day D of the month K months before the seeding day's, {month-K/D+N} N days later, {workday:month-K/D+N} the first working day on or after it; "
        + "a step's \"on\" is the day it happened, and neither a complaint nor a step dated after the seeding day is made, nor any step after it. "
        + "The complaints keyed " + KeyPrefix + "… are a year across the demo ICB's providers, written by "
        + "dotnet run --project tools/DemoSeed -- --generate deploy/demo/complaints.json (DemoYear); the others are kept as written.";

    private static JsonObject Complaint(Random random, int number, Dating when, string madeTo, string handledBy)
    {
        var provider = Providers.Single(p => p.Code == handledBy);
        var theme = Themes[random.Next(Themes.Length)];
        var channel = madeTo == Icb ? Pick(random, ("Phone", 4), ("Email", 4), ("Letter", 2)) : Pick(random, ("Email", 35), ("Letter", 30), ("Phone", 20), ("InPerson", 15));
        var oral = channel is "Phone" or "InPerson";
        var name = $"Demo Year Complainant {number.ToString("000", CultureInfo.InvariantCulture)}";
        var complainant = oral
            ? new JsonObject { ["name"] = name, ["phone"] = $"020 7946 0{number % 1000:000}", ["contactPreference"] = "Phone" }
            : new JsonObject { ["name"] = name, ["email"] = $"demo.year.{number}@example.org" };
        var daysAgo = when.ReceivedAgo;
        var request = new JsonObject
        {
            ["organisationCode"] = madeTo,
            ["receivedOn"] = when.On(daysAgo),
            ["channel"] = channel,
            ["complainant"] = complainant,
            ["description"] = $"Demo year complaint {number}: {theme.Description}.",
        };
        if (oral)
        {
            // Reg 13(2): an oral complaint is written down and the record sent to the complainant, here the same day.
            request["writtenRecordSentOn"] = when.On(daysAgo);
        }
        var steps = new JsonArray();
        var arrivedAgo = daysAgo;
        var awaitingConsent = false;
        if (madeTo == Icb)
        {
            request["aboutOrganisationCodes"] = new JsonArray(handledBy);
            // The newest ICB complaints are still waiting for the complainant's answer, so that list is not empty.
            awaitingConsent = when.MonthsBack == 0 || (when.MonthsBack == 1 && when.Day >= 15);
            if (!awaitingConsent)
            {
                request["shareWithProviderConsent"] = "Given";
                // The ICB's own time, a day or two, before the provider has it (Reg 7(5)); the provider's clock
                // still counts from the day the ICB received it.
                arrivedAgo = daysAgo - random.Next(1, 3);
                if (arrivedAgo >= 0)
                {
                    steps.Add(Step($"handler.{Icb}", "POST", "complaints/{complaintId}/routing", when.On(arrivedAgo),
                        new JsonObject { ["decision"] = "Transfer", ["toOrganisationCode"] = handledBy, ["decidedOn"] = when.On(arrivedAgo) }));
                }
            }
        }
        if (!awaitingConsent && arrivedAgo >= 0)
        {
            foreach (var step in CaseSteps(random, provider, theme, when, arrivedAgo))
            {
                steps.Add(step);
            }
        }
        var complaint = new JsonObject
        {
            ["user"] = $"handler.{madeTo.ToLowerInvariant()}",
            ["idempotencyKey"] = KeyPrefix + number.ToString("000", CultureInfo.InvariantCulture),
            ["request"] = request,
        };
        if (steps.Count > 0)
        {
            complaint["steps"] = steps;
        }
        return complaint;
    }

    private static JsonObject Step(string user, string method, string path, string on, JsonObject body) => new()
    {
        ["user"] = user.ToLowerInvariant(),
        ["method"] = method,
        ["path"] = path,
        ["on"] = on,
        ["body"] = body,
    };

    private static string Pick(Random random, params (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        throw new InvalidOperationException("Unreachable: the roll is below the total weight.");
    }
}
