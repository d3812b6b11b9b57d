using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Intake;

/// <summary>Who records a complaint: a demo user or integration client, the organisation it records for, and how.</summary>
/// <param name="Name">The demo user or client.</param>
/// <param name="Organisation">Its organisation: the one every complaint it records is made to.</param>
/// <param name="ClientCredentials">True for an integration client (client credentials), false for a user (password grant).</param>
/// <param name="AboutProviders">For an ICB: the providers it commissions, which its complaints are about.</param>
internal sealed record Submitter(string Name, string Organisation, bool ClientCredentials, IReadOnlyList<string> AboutProviders);

/// <summary>
/// Complaint bodies as complaints teams and PALS systems send them: a different person each time (about one in twenty
/// complains again, with the same NHS number), patients and representatives, letters, e-mails and calls, a few hundred
/// words of text, made to the demo directory's providers and to its ICB about a provider.
/// </summary>
internal sealed class ComplaintBodies(int seed)
{
    /// <summary>The demo's recording users and clients (./ics credentials), in the proportions they are used.</summary>
    public static readonly IReadOnlyList<Submitter> Submitters =
    [
        new("pals-rj1", "RJ1", ClientCredentials: true, []),
        new("pals-rjz", "RJZ", ClientCredentials: true, []),
        new("handler.rj1", "RJ1", ClientCredentials: false, []),
        new("handler.rjz", "RJZ", ClientCredentials: false, []),
        new("handler.y99901", "Y99901", ClientCredentials: false, []),
        new("handler.r0a", "R0A", ClientCredentials: false, []),
        new("handler.qkk", "QKK", ClientCredentials: false, ["RJ1", "RJZ", "Y99901"]),
    ];

    /// <summary>Signs in every submitter through the gateway (client credentials for the PALS systems, the password grant for handlers).</summary>
    public static Task<DemoTokens> SignInAsync(Uri gateway, string demoPassword, string clientSecret) =>
        DemoTokens.SignInAsync(
            gateway, demoPassword, clientSecret, [.. Submitters.Where(s => s.ClientCredentials).Select(s => s.Name)], Submitters.Select(s => s.Name));

    private readonly Random _random = new(seed);
    private readonly List<Person> _complainedBefore = [];
    private readonly Lock _lock = new();
    private int _people;

    /// <summary>The next complaint: who records it and its JSON body.</summary>
    public (Submitter Submitter, string Json) Next()
    {
        lock (_lock)
        {
            var submitter = Submitters[_random.Next(Submitters.Count)];
            var repeat = _complainedBefore.Count > 0 && _random.Next(20) == 0;
            var person = repeat ? _complainedBefore[_random.Next(_complainedBefore.Count)] : NewPerson();
            if (!repeat)
            {
                _complainedBefore.Add(person);
            }
            return (submitter, Body(submitter, person).ToJsonString());
        }
    }

    private JsonObject Body(Submitter submitter, Person patient)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var channel = Pick("Letter", "Email", "Email", "Phone");
        var representative = _random.Next(6) == 0 ? NewPerson() : null;
        var complainant = representative ?? patient;
        var body = new JsonObject
        {
            ["organisationCode"] = submitter.Organisation,
            ["channel"] = submitter.ClientCredentials ? "Pals" : channel,
            ["complainant"] = new JsonObject
            {
                ["name"] = complainant.Name,
                ["email"] = complainant.Email,
                ["phone"] = complainant.Phone,
                ["type"] = representative is null ? "Patient" : "Representative",
                ["address"] = new JsonObject
                {
                    ["line1"] = complainant.Street, ["town"] = complainant.Town, ["postcode"] = complainant.Postcode,
                },
                ["contactPreference"] = channel == "Phone" ? "Phone" : Pick("Email", "Letter"),
            },
            ["patient"] = new JsonObject
            {
                ["name"] = patient.Name, ["nhsNumber"] = patient.NhsNumber, ["dateOfBirth"] = Date(patient.DateOfBirth),
            },
            ["eventDate"] = Date(today.AddDays(-_random.Next(3, 200))),
            ["description"] = Description(),
            ["desiredOutcome"] = Pick(Outcomes),
        };
        if (representative is not null)
        {
            body["complainant"]!["relationshipToPatient"] = Pick("Daughter", "Son", "Wife", "Husband", "Partner", "Carer");
            body["representation"] = new JsonObject
            {
                ["basis"] = "PersonAsked", ["consentEvidence"] = "Written", ["consentRecordedOn"] = Date(today.AddDays(-_random.Next(0, 10))),
            };
        }
        // A call or a visit is oral: staff send the written record the same day (Reg 13(2)); a PALS system records it.
        if (submitter.ClientCredentials || channel == "Phone")
        {
            body["writtenRecordSentOn"] = Date(today);
        }
        if (submitter.AboutProviders.Count > 0)
        {
            body["aboutOrganisationCodes"] = new JsonArray(Pick([.. submitter.AboutProviders]));
            body["shareWithProviderConsent"] = Pick("Given", "Given", "Refused");
        }
        if (_random.Next(10) == 0)
        {
            body["adjustments"] = new JsonObject { ["needs"] = new JsonArray(Pick("LargePrint", "EasyRead", "Advocate")) };
        }
        return body;
    }

    private string Description() => Description(_random);

    /// <summary>Five to nine sentences, about 600 to 1,100 characters: what a written complaint usually runs to.</summary>
    internal static string Description(Random random)
    {
        var text = new StringBuilder();
        text.Append(Openings[random.Next(Openings.Length)]).Append(' ');
        var sentences = random.Next(4, 8);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Middles[random.Next(Middles.Length)]).Append(' ');
        }
        return text.Append(Closings[random.Next(Closings.Length)]).ToString();
    }

    private Person NewPerson() => People.Draw(_random, Interlocked.Increment(ref _people));

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    private static readonly string[] Openings =
    [
        "I am writing to complain about the care my mother received on the ward after her hip operation.",
        "I would like to make a formal complaint about how my appointment was handled at the outpatient clinic.",
        "I am complaining about the way I was treated when I attended the emergency department with chest pain.",
        "I want to raise a complaint about the delay in getting a referral from my practice to the hospital.",
        "This complaint is about my father's discharge from hospital and what happened in the days after.",
        "I am writing about the repeated cancellation of my son's operation and the lack of any explanation.",
    ];

    private static readonly string[] Middles =
    [
        "Nobody explained what was happening or when we could expect to hear anything, and the phone was not answered for days.",
        "When I asked the nurse in charge about the medication, I was told it was not her job and to ask someone else.",
        "The letter with the appointment arrived two days after the appointment itself, so it was recorded that I did not attend.",
        "We waited more than six hours in the corridor, and at no point did anyone check on her or offer her a drink.",
        "The discharge summary listed the wrong medication, which the pharmacy noticed only when we collected the prescription.",
        "I was told three different things by three different members of staff about whether the scan had been booked.",
        "My concerns about his confusion were dismissed, and I was made to feel that I was wasting everyone's time.",
        "The test results were not passed on to my GP, so the follow-up that was needed did not happen for several weeks.",
        "Staff were kind when they had time, but it was clear the ward was short of people and nobody was in charge.",
        "I have kept a diary of the calls I made and the answers I was given, and can share it if that would help.",
        "Her hearing aids went missing during the stay, which made it very hard for her to understand what she was told.",
        "The consultant was courteous, but the plan he described was not what was written in the notes afterwards.",
    ];

    private static readonly string[] Closings =
    [
        "I would like an explanation of what went wrong and what will be done so that it does not happen to someone else.",
        "Please look into this and tell me what you find; I am happy to meet to discuss it.",
        "I hope this complaint leads to changes, and I would like to know what they are.",
        "I would like an apology and a clear account of the decisions that were made about her care.",
    ];

    private static readonly string[] Outcomes =
    [
        "An explanation and an apology.", "A new appointment and an assurance the booking system will be checked.",
        "For the ward to review how it communicates with families.", "To understand why this happened and what has changed since.",
    ];
}
