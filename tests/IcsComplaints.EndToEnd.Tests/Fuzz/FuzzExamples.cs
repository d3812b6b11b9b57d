using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>A request that would be accepted, as the user who may make it; the fuzz damages one value of it at a time.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, with <c>{case}</c>, <c>{complaint}</c>, <c>{icbComplaint}</c>, <c>{referral}</c> and <c>{action}</c> for the records made for the run.</param>
/// <param name="User">Who sends it.</param>
/// <param name="Body">JSON, with <c>{today}</c> and the same placeholders.</param>
public sealed record FuzzExample(string Method, string Path, string User, string Body);

/// <summary>
/// Valid requests for the routes that store what people type — names, reasons, summaries, comments, dates — so
/// that a damaged value reaches the rule that should refuse it, and a value that slips through is stored where the
/// scan of stored values finds it. Generated bodies rarely get that far: this is where "accepted with a control
/// character" or "year 0001 stored as -infinity" shows.
/// </summary>
public static class FuzzExamples
{
    public static readonly FuzzExample[] All =
    [
        new("POST", "/api/v1/complaints", "handler.rj1", """
            {"organisationCode":"RJ1","channel":"Phone","receivedOn":"{today}","writtenRecordSentOn":"{today}",
             "complainant":{"name":"Sam Okafor","type":"Representative","relationshipToPatient":"Son","phone":"020 7946 0101","email":"sam@example.org",
                            "contactPreference":"Phone","address":{"line1":"1 Demo Street","line2":"Flat 2","town":"London","postcode":"SE1 7EH"}},
             "representation":{"basis":"PersonAsked","consentEvidence":"Verbal","consentRecordedOn":"{today}"},
             "patient":{"name":"Joseph Okafor","nhsNumber":"943 476 5919","dateOfBirth":"1941-09-30"},
             "adjustments":{"needs":["Interpreter","LargePrint"],"interpreterLanguage":"Yoruba","notes":"Call after 10am."},
             "eventDate":"2026-10-02","awareDate":"2026-10-03","description":"My father was discharged without his medicines.",
             "outcomesSought":"An apology."}
            """),
        new("POST", "/api/v1/complaints", "pals-rj1", """{"organisationCode":"RJ1","channel":"Pals","complainant":{"name":"Ada Lovelace"},"description":"The clinic cancelled twice."}"""),
        new("POST", "/api/v1/complaints/{icbComplaint}/exclusion", "handler.qkk", """{"ground":"FreedomOfInformation","reasons":"Dealt with under the Freedom of Information Act.","letterSentOn":"{today}"}"""),
        new("POST", "/api/v1/complaints/{icbComplaint}/time-limit-decision", "handler.qkk", """{"decision":"Considered","goodReason":"In hospital for months.","fairInvestigationPossible":true}"""),
        new("POST", "/api/v1/complaints/{icbComplaint}/best-interests-decision", "handler.qkk", """{"inBestInterests":false,"reasons":"The patient asked us not to share it.","letterSentOn":"{today}"}"""),
        new("POST", "/api/v1/complaints/{icbComplaint}/consent", "handler.qkk", """{"given":true,"recordedOn":"{today}"}"""),
        new("POST", "/api/v1/complaints/{icbComplaint}/withdrawal", "handler.qkk", """{"withdrawnOn":"{today}"}"""),
        new("POST", "/api/v1/concerns", "handler.rj1", """{"kind":"OralComplaintResolved","channel":"Pals","receivedOn":"{today}","resolvedOn":"{today}","domain":"Relationships","summary":"Visitor upset at ward rules; explained and arranged a longer visit."}"""),
        new("POST", "/api/v1/cases/{case}/acknowledgement", "handler.rj1", """{"acknowledgedOn":"{today}","channel":"Letter","discussionOffered":true,"discussedOn":"{today}"}"""),
        new("POST", "/api/v1/cases/{case}/assignment", "handler.rj1", """{"subjectId":"me","name":"Hana Handler"}"""),
        new("POST", "/api/v1/cases/{case}/closer-look", "handler.rj1", """
            {"startedOn":"{today}","reason":"The family want the records reviewed.","issues":["The nine-hour wait","Nobody explained the delay"],
             "outcomesSought":["An explanation","An apology"],"evidence":["A&E records"],"peopleToSpeakTo":["Nurse in charge"],
             "investigator":{"subjectId":"inv-1","name":"Ivy Investigator"},"priorInvolvement":false,"conflictOfInterest":false,
             "impartialityMeasures":"None needed.","responsiblePerson":{"subjectId":"rp-1","name":"Rhys Responsible"}}
            """),
        new("POST", "/api/v1/cases/{case}/response-date", "handler.rj1", """{"agreedOn":"{today}","dueBy":"2027-01-29","withComplainant":true,"reason":"Records arrive late from the archive."}"""),
        new("POST", "/api/v1/cases/{case}/pause", "handler.rj1", """{"reason":"ParallelProcess","detail":"Coroner inquest","from":"{today}"}"""),
        new("POST", "/api/v1/cases/{case}/resumption", "handler.rj1", """{"on":"{today}"}"""),
        new("POST", "/api/v1/cases/{case}/contacts", "investigator.rj1", """{"on":"{today}","channel":"Phone","outgoing":true,"isUpdate":true,"summary":"Told the family the records are requested."}"""),
        new("POST", "/api/v1/cases/{case}/update-frequency", "handler.rj1", """{"everyWorkingDays":5,"agreedOn":"{today}"}"""),
        new("POST", "/api/v1/cases/{case}/staff", "investigator.rj1", """{"name":"Sam Nurse","role":"Staff nurse","toldOn":"{today}","supportOffered":"Occupational health","comments":"I was alone on the ward.","commentsUse":"Quoted in the response.","sawFinalResponseOn":"{today}"}"""),
        new("PUT", "/api/v1/cases/{case}/response-draft", "investigator.rj1", """
            {"complaintSummary":"You told us your father waited nine hours.","outcomesSought":"An explanation and an apology.",
             "investigation":"We read the A&E records.","findings":[{"issue":"The nine-hour wait","conclusion":"Your father waited too long.","reasons":"The records show nine hours.","upheld":true}],
             "apology":"We are sorry.","changes":[{"action":"Hourly checks of patients waiting","by":"2027-03-31"}],"remedy":"None."}
            """),
        new("PUT", "/api/v1/cases/{case}/signatories", "responsible.rj1", """{"responsiblePerson":{"subjectId":"rp-1","name":"Rhys Responsible"},"delegate":{"subjectId":"dd-1","name":"Dee Delegate"}}"""),
        new("POST", "/api/v1/cases/{case}/final-response/signature", "responsible.rj1", """{"name":"Rhys Responsible","title":"Chief Executive"}"""),
        new("POST", "/api/v1/cases/{case}/reopening", "handler.rj1", """{"on":"{today}","reason":"New information from the family."}"""),
        new("POST", "/api/v1/cases/{case}/ombudsman-referral", "handler.rj1", """{"learnedOn":"{today}","ombudsmanReference":"PHSO-12345"}"""),
        new("POST", "/api/v1/cases/{case}/delay-letter", "handler.rj1", """{"sentOn":"{today}","reasons":"The records arrived late."}"""),
        new("POST", "/api/v1/cases/{case}/surveys/Complainant", "handler.rj1", """{"answers":{"takenSeriously":"Yes","keptInformed":"Partly"},"comment":"Thank you."}"""),
        new("PUT", "/api/v1/case-settings", "responsible.rj1", """{"earlyResolutionTargetWorkingDays":3,"reviewWindowWorkingDays":5}"""),
        new("POST", "/api/v1/advocacy/referrals", "handler.rj1", """{"caseId":"{case}","postcode":"SE1 7EH","consent":{"viewCase":true,"reviewDrafts":true,"evidence":"Written","grantedOn":"{today}"}}"""),
        new("POST", "/api/v1/advocacy/referrals/{referral}/acceptance", "advocate.adv01", """{"advocateName":"Ada Advocate","advocateSubjectId":"me"}"""),
        new("POST", "/api/v1/advocacy/referrals/{referral}/decline", "advocate.adv01", """{"reason":"Outside our area."}"""),
        new("POST", "/api/v1/learning/actions", "quality.rj1", """{"organisationCode":"RJ1","caseId":"{case}","whatWillChange":"Hourly checks of patients waiting.","owner":"Ward manager","dueOn":"2027-03-31"}"""),
        new("POST", "/api/v1/learning/actions/{action}/completion", "quality.rj1", """{"evidence":"An audit of March shows hourly checks.","youSaid":"Nobody checked on your father.","weDid":"Nurses now check every hour."}"""),
        new("POST", "/api/v1/learning/actions/{action}/cancellation", "quality.rj1", """{"reason":"Replaced by a wider action."}"""),
        new("PUT", "/api/v1/learning/self-assessments/2019", "quality.rj1", """{"ratings":[{"expectationId":"1.1","level":2,"evidence":"Board minutes.","improvementActions":"Train staff."}]}"""),
        new("POST", "/api/v1/learning/training/staff", "quality.rj1", """{"name":"Dee Marsh","jobTitle":"PALS officer","role":"FrontLine"}"""),
    ];

    /// <summary>The example with its placeholders filled in.</summary>
    public static (string Path, JsonNode Body) Fill(FuzzExample example, IReadOnlyDictionary<string, string> records)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Fill(string text) => records.Aggregate(text.Replace("{today}", today, StringComparison.Ordinal), (t, r) => t.Replace("{" + r.Key + "}", r.Value, StringComparison.Ordinal));
        return (Fill(example.Path), JsonNode.Parse(Fill(example.Body))!);
    }

    /// <summary>Paths of every text or date leaf of a body: the values a person types.</summary>
    public static IReadOnlyList<string> Leaves(JsonNode node, string path = "")
    {
        return node switch
        {
            JsonObject o => [.. o.SelectMany(p => p.Value is null ? [] : Leaves(p.Value, path.Length == 0 ? p.Key : path + "." + p.Key))],
            JsonArray a => [.. a.SelectMany((item, i) => item is null ? [] : Leaves(item, $"{path}[{i}]"))],
            JsonValue v when v.TryGetValue<string>(out _) => [path],
            _ => [],
        };
    }

    /// <summary>A copy of the body with the leaf at <paramref name="path"/> replaced.</summary>
    public static JsonNode With(JsonNode body, string path, JsonNode? value)
    {
        var copy = body.DeepClone();
        var parts = System.Text.RegularExpressions.Regex.Split(path, @"\.|(?=\[)").Where(p => p.Length > 0).ToList();
        JsonNode parent = copy;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            parent = Step(parent, parts[i]);
        }
        var last = parts[^1];
        if (last.StartsWith('['))
        {
            ((JsonArray)parent)[int.Parse(last[1..^1], CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            ((JsonObject)parent)[last] = value;
        }
        return copy;
    }

    private static JsonNode Step(JsonNode node, string part) =>
        part.StartsWith('[') ? node[int.Parse(part[1..^1], CultureInfo.InvariantCulture)]! : node[part]!;

    /// <summary>Damage to a typed value: text that must be refused, dates at the ends of time, and wrong JSON types.</summary>
    public static readonly Gen<JsonNode?> Damage = Gen.Frequency(
        (6, Gen.OneOf(FuzzInputs.HostileStrings).Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.OneOf("0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2014-12-31", "2036-01-01", "2026-02-30").Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.OneOf<JsonNode?>(null, JsonValue.Create(1), new JsonArray(JsonValue.Create("a"), null), new JsonObject()).Select(n => n?.DeepClone())));
}
