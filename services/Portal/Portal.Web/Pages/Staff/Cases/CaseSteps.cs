// The table is long because it is the one place every lifecycle step of a case is described; each row is data.
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Pages.Shared;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>How a field is asked, and how its answer is written into the step's JSON body.</summary>
public enum FieldKind
{
    /// <summary>One line of text, sent as a string.</summary>
    Text,

    /// <summary>A whole number, sent as a number.</summary>
    Number,

    /// <summary>Several lines of text, sent as a string.</summary>
    TextArea,

    /// <summary>One item per line, sent as a list of strings.</summary>
    Lines,

    /// <summary>A date in three boxes, sent as <c>YYYY-MM-DD</c> (as typed when it is not a date, so the API names the mistake).</summary>
    Date,

    /// <summary>One of several options, sent as its value (a number when the options are numbers).</summary>
    Radios,

    /// <summary>Yes or No, sent as true or false.</summary>
    YesNo,

    /// <summary>Any of several options, sent as a list.</summary>
    Checkboxes,

    /// <summary>A single box to tick, sent as true when ticked and false otherwise.</summary>
    Flag,

    /// <summary>A member of the organisation's staff with a role, from its directory: sent as <c>{ subjectId, name }</c>.</summary>
    Person,
}

/// <summary>
/// One field of a step: its input id, where its answer goes in the API's body (a dotted path; empty for the body
/// itself), and how it is asked. Options come from <see cref="Options"/>, or from a code list named by
/// <see cref="Source"/> (<c>ko41:subjects</c>, <c>hcat:harm</c>), or, for a person, from the staff directory by <see cref="Role"/>.
/// </summary>
public sealed record StepField(string Id, string ApiName, string Label, FieldKind Kind)
{
    public string? Hint { get; init; }
    public IReadOnlyList<Choice> Options { get; init; } = [];
    public string? Source { get; init; }
    public string? Role { get; init; }

    /// <summary>Radios whose values are numbers (HCAT levels).</summary>
    public bool Numeric { get; init; }
}

/// <summary>
/// A lifecycle step of a case: its page's title and hint, its fields, and the API call it makes. The path may name
/// <c>{caseId}</c>, <c>{complaintId}</c> and <c>{item}</c> (the staff member or HCAT subject the step is about).
/// </summary>
public sealed record CaseStep(string Slug, string Title, string Method, string Path, IReadOnlyList<StepField> Fields)
{
    public string? Hint { get; init; }

    /// <summary>What the success banner on the case page says.</summary>
    public string Done { get; init; } = "Done";

    /// <summary>The button's words.</summary>
    public string Button { get; init; } = "Save";

    /// <summary>The case's id goes in the body as <c>caseId</c> (calls to other services that name the case there).</summary>
    public bool CaseIdInBody { get; init; }

    /// <summary>
    /// When the case page offers the step. This only decides which links to show: the service still decides whether
    /// the step can be taken, and its refusal is shown on the step's page.
    /// </summary>
    public Func<CaseDetail, bool> Offered { get; init; } = _ => true;

    /// <summary>True for a step about one item (a member of staff), reached from that item, not from the list of actions.</summary>
    public bool PerItem { get; init; }

    /// <summary>The answers a step starts with, by input id, from the case as it stands (a member of staff's record).</summary>
    public Func<CaseDetail, string?, IReadOnlyDictionary<string, string[]>>? Prefill { get; init; }

    /// <summary>The path with the case's identifiers filled in.</summary>
    public string PathFor(CaseDetail detail, string? item)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return Path.Replace("{caseId}", detail.Summary.CaseId.ToString(), StringComparison.Ordinal)
            .Replace("{complaintId}", detail.Summary.ComplaintId.ToString(), StringComparison.Ordinal)
            .Replace("{item}", Uri.EscapeDataString(item ?? ""), StringComparison.Ordinal);
    }
}

/// <summary>Every lifecycle step the case page offers, each driving the one step page (<c>/staff/cases/{caseId}/{step}</c>).</summary>
public static class CaseSteps
{
    private static readonly Choice[] Channels = [new("Letter", "Letter"), new("Email", "Email"), new("Phone", "Phone"), new("Meeting", "Meeting"), new("Text", "Text message")];

    // The stages the case service's procedure moves through (Case.Domain StageTransitions), by name.
    private static readonly string[] ClockRunning = ["Received", "Acknowledged", "EarlyResolution", "CloserLook", "ResponseDrafted", "Reopened"];
    private static readonly string[] BeingResolved = ["Acknowledged", "EarlyResolution", "CloserLook", "ResponseDrafted", "Reopened"];

    private static bool In(CaseDetail d, params string[] stages) => stages.Contains(d.Summary.Stage);

    private static bool Open(CaseDetail d) => d.Summary.Stage != "Closed";

    private static StepField Date(string id, string api, string label, string? hint = "For example, 15 3 2026. Leave empty for today.") =>
        new(id, api, label, FieldKind.Date) { Hint = hint };

    private static StepField Area(string id, string api, string label, string? hint = null) => new(id, api, label, FieldKind.TextArea) { Hint = hint };

    private static StepField Line(string id, string api, string label, string? hint = null) => new(id, api, label, FieldKind.Text) { Hint = hint };

    private static StepField Lines(string id, string api, string label) => new(id, api, label, FieldKind.Lines) { Hint = "One on each line." };

    private static StepField YesNo(string id, string api, string label, string? hint = null) => new(id, api, label, FieldKind.YesNo) { Hint = hint };

    private static StepField Radios(string id, string api, string label, params Choice[] options) => new(id, api, label, FieldKind.Radios) { Options = options };

    private static StepField Person(string id, string api, string label, string role) => new(id, api, label, FieldKind.Person) { Role = role };

    private static StepField Coded(string id, string api, string label, bool many) =>
        new(id, api, label, many ? FieldKind.Checkboxes : FieldKind.Radios) { Source = "ko41:" + api };

    private static readonly StepField[] StaffFields =
    [
        Line("staff-name", "name", "Name"),
        Line("staff-role", "role", "Job role"),
        Line("staff-work-email", "workEmail", "Their work email address",
            "We will email them that a complaint mentions them, with the support offered, and send them the final response when it goes. Leave empty to tell them yourself."),
        Date("told-on", "toldOn", "When were they told about the complaint?", "For example, 15 3 2026."),
        Area("support-offered", "supportOffered", "Support offered to them", "For example occupational health, their union or a named colleague."),
        Area("staff-comments", "comments", "Their comments"),
        Area("comments-use", "commentsUse", "How their comments were used in the response"),
        Date("saw-response-on", "sawFinalResponseOn", "When did they see the final response?", "For example, 15 3 2026."),
    ];

    /// <summary>The steps, in the order the case page lists them.</summary>
    public static readonly IReadOnlyList<CaseStep> All =
    [
        new("acknowledge", "Acknowledge the complaint", "POST", "/api/v1/cases/{caseId}/acknowledgement",
            [Date("acknowledged-on", "acknowledgedOn", "When was it acknowledged?"), Radios("channel", "channel", "How was it acknowledged?", Channels),
             new("discussion-offered", "discussionOffered", "Discussion", FieldKind.Flag) { Options = [new("true", "We offered to discuss how the complaint will be handled and how long it will take")] },
             Date("discussed-on", "discussedOn", "When did the discussion take place, if it did?", "For example, 15 3 2026.")])
        { Hint = "The acknowledgement is due by the third working day after the complaint was received.", Done = "Complaint acknowledged", Offered = d => In(d, "Received") },
        new("early-resolution", "Resolve it early", "POST", "/api/v1/cases/{caseId}/early-resolution", [Date("started-on", "startedOn", "When did early resolution start?")])
        { Hint = "For a complaint that can be put right quickly, at the first point of contact.", Done = "Early resolution started", Offered = d => In(d, "Acknowledged", "Reopened") },
        new("resolve-early", "Record the early resolution", "POST", "/api/v1/cases/{caseId}/early-resolution/resolution",
            [Date("resolved-on", "resolvedOn", "When was it resolved?"), Radios("resolution-channel", "channel", "How did you talk with them?", Channels),
             Area("discussed", "discussed", "What did you discuss?"),
             Area("agreed", "agreed", "What did you agree?", "The explanation you gave, any apology, and what will be done."),
             Radios("outcome", "outcome", "What is the outcome?", new("Upheld", "Upheld"), new("PartiallyUpheld", "Partly upheld"), new("NotUpheld", "Not upheld"))])
        {
            Hint = "We will write to the complainant to confirm what you agreed, and offer a closer look if they are not satisfied.",
            Done = "Early resolution recorded. A letter confirming it is being sent to the complainant.", Offered = d => In(d, "EarlyResolution"),
        },
        new("closer-look", "Take a closer look", "POST", "/api/v1/cases/{caseId}/closer-look",
            [Date("started-on", "startedOn", "When did the closer look start?"), Area("reason", "reason", "Why a closer look?", "Needed when moving on from early resolution or going back from a draft."),
             Lines("issues", "issues", "The issues the response must answer"), Lines("outcomes", "outcomesSought", "What the complainant wants to achieve"),
             Lines("evidence", "evidence", "Evidence to gather"), Lines("people", "peopleToSpeakTo", "Who will be spoken to"),
             Person("investigator", "investigator", "Who will investigate?", "investigator"),
             YesNo("prior-involvement", "priorInvolvement", "Was the investigator involved in what is complained about?"),
             YesNo("conflict", "conflictOfInterest", "Does the investigator have any other conflict of interest?"),
             Area("impartiality", "impartialityMeasures", "How is impartiality protected?", "Only if either answer is yes."),
             Person("responsible-person", "responsiblePerson", "Who is responsible for the final response?", "responsible-person")])
        { Hint = "The investigation plan: what will be looked into, how, and by whom.", Done = "Closer look started", Offered = d => In(d, "Acknowledged", "EarlyResolution", "ResponseDrafted", "Reopened") },
        new("response-date", "Agree the response date", "POST", "/api/v1/cases/{caseId}/response-date",
            [Date("agreed-on", "agreedOn", "When was it agreed?"), Date("due-by", "dueBy", "Response date", "For example, 15 3 2026."),
             YesNo("with-complainant", "withComplainant", "Was it agreed with the complainant?", "Answer no if they declined to discuss it and you set the date."),
             Area("reason", "reason", "Why this date?")])
        { Done = "Response date agreed", Offered = d => In(d, ClockRunning) && (d.Agreements?.Count ?? 0) == 0 },
        new("renegotiate-date", "Renegotiate the response date", "POST", "/api/v1/cases/{caseId}/response-date",
            [Date("agreed-on", "agreedOn", "When was the new date agreed?"), Date("due-by", "dueBy", "New response date", "For example, 15 3 2026."),
             YesNo("with-complainant", "withComplainant", "Was it agreed with the complainant?"), Area("reason", "reason", "Why does the date change?")])
        { Hint = "A new agreement with the complainant, with the reason for the change.", Done = "New response date agreed", Offered = d => In(d, ClockRunning) && (d.Agreements?.Count ?? 0) > 0 },
        new("update-frequency", "Agree how often to update the complainant", "POST", "/api/v1/cases/{caseId}/update-frequency",
            [new("every", "everyWorkingDays", "Every how many working days?", FieldKind.Number), Date("agreed-on", "agreedOn", "When was it agreed?")])
        { Done = "Update frequency agreed", Offered = d => In(d, ClockRunning) },
        new("pause", "Pause the clock", "POST", "/api/v1/cases/{caseId}/pause",
            [Radios("reason", "reason", "Why is the clock paused?", new("AwaitingConsent", "Waiting for the patient's consent"),
                new("AwaitingComplainant", "Waiting for the complainant"), new("ParallelProcess", "A parallel process, such as an inquest, claim or regulator")),
             Line("detail", "detail", "What is awaited, or which process", "A few words, without personal details."), Date("from", "from", "First day paused")])
        { Done = "Clock paused", Offered = d => In(d, ClockRunning) && !d.Summary.Paused },
        new("resume", "Restart the clock", "POST", "/api/v1/cases/{caseId}/resumption", [Date("on", "on", "When did the clock restart?")])
        { Done = "Clock restarted", Offered = d => d.Summary.Paused },
        new("contact", "Log a contact or update", "POST", "/api/v1/cases/{caseId}/contacts",
            [Date("on", "on", "When?"), Radios("channel", "channel", "How?", Channels),
             Radios("direction", "outgoing", "Who made contact?", new("true", "We contacted the complainant"), new("false", "The complainant contacted us")),
             new("is-update", "isUpdate", "Update", FieldKind.Flag) { Options = [new("true", "This was an update on progress")] },
             Area("summary", "summary", "What was said?")])
        { Done = "Contact logged", Offered = Open },
        new("staff", "Add a member of staff complained about", "POST", "/api/v1/cases/{caseId}/staff", StaffFields)
        { Hint = "Tell them early, offer support, and let them comment.", Done = "Member of staff added", Offered = Open },
        new("staff-update", "Update a member of staff complained about", "PUT", "/api/v1/cases/{caseId}/staff/{item}", StaffFields)
        {
            Hint = "What you leave empty keeps what was recorded before.", Done = "Member of staff updated", PerItem = true,
            Prefill = (d, item) => d.Staff?.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == item) is { } s
                ? new Dictionary<string, string[]>
                {
                    ["staff-name"] = [s.Name], ["staff-role"] = [s.Role], ["staff-work-email"] = [s.WorkEmail ?? ""], ["support-offered"] = [s.SupportOffered ?? ""], ["staff-comments"] = [s.Comments ?? ""],
                    ["comments-use"] = [s.CommentsUse ?? ""],
                }
                : new Dictionary<string, string[]>(),
        },
        new("assignment", "Assign the case", "POST", "/api/v1/cases/{caseId}/assignment", [Person("handler", "", "Who handles it?", "complaints-handler")])
        { Done = "Case assigned", Offered = Open },
        new("signatories", "Choose who signs the response", "PUT", "/api/v1/cases/{caseId}/signatories",
            [Person("responsible-person", "responsiblePerson", "Responsible person", "responsible-person"),
             Person("delegate", "delegate", "A delegate who may sign for them (optional)", "responsible-person")])
        { Hint = "The final response is signed by the responsible person or someone they name (Reg 4, Reg 14).", Done = "Signatories chosen", Offered = Open },
        new("advocacy-referral", "Refer to an independent advocate", "POST", "/api/v1/advocacy/referrals",
            [Line("postcode", "postcode", "The complainant's postcode", "To find the advocacy service for where they live."),
             new("view-case", "consent.viewCase", "What the complainant agreed to", FieldKind.Flag) { Options = [new("true", "The advocate may follow the case")] },
             new("review-drafts", "consent.reviewDrafts", "Drafts", FieldKind.Flag) { Options = [new("true", "The advocate may read and comment on drafts of the response")] },
             Radios("evidence", "consent.evidence", "How did the complainant consent?", new("Written", "In writing"), new("Verbal", "Verbally"), new("Electronic", "Electronically")),
             Date("granted-on", "consent.grantedOn", "When did they consent?")])
        { Hint = "With the complainant's consent, the advocacy service of their area is asked to help them.", Done = "Referred to advocacy", CaseIdInBody = true, Button = "Refer", Offered = Open },
        new("consent", "Record the consent to share with the provider", "POST", "/api/v1/complaints/{complaintId}/consent",
            [YesNo("given", "given", "Did the complainant consent?"), Date("recorded-on", "recordedOn", "When were they asked?")])
        { Hint = "A complaint made to the commissioner goes to the provider only with consent (Reg 7(3)).", Done = "Consent recorded", Offered = d => d.Summary.OnHold?.Count > 0 },
        new("routing", "Handle or transfer the complaint", "POST", "/api/v1/complaints/{complaintId}/routing",
            [Radios("decision", "decision", "What will happen?", new("HandleAsCommissioner", "We handle it as the commissioner"), new("Transfer", "Transfer it to the organisation that should handle it")),
             Line("to", "toOrganisationCode", "For a transfer: that organisation's ODS code")])
        { Hint = "Reg 6(5) and 7(5): a transfer needs the complainant's consent.", Done = "Routing decided", Offered = d => d.Summary.OnHold?.Count > 0 },
        new("parties", "Record a joint complaint", "POST", "/api/v1/complaints/{complaintId}/parties",
            [Lines("organisations", "organisations", "ODS codes of every organisation complained about"), Line("lead", "leadOrganisationCode", "ODS code of the lead organisation")])
        { Hint = "One co-ordinated response from the lead organisation, with each other organisation's part (Reg 9).", Done = "Joint complaint recorded", Offered = d => In(d, BeingResolved) },
        new("coding", "Code the complaint for KO41", "PUT", "/api/v1/cases/{caseId}/coding",
            [Coded("subjects", "subjects", "Subjects", true), Coded("service-area", "serviceArea", "Service area", false), Coded("professions", "professions", "Professions or staff groups", true),
             Coded("clinical", "clinicalSubCategories", "Clinical treatment sub-categories (only for clinical treatment)", true),
             Line("site", "siteOdsCode", "ODS code of the site (optional)"), Coded("age-band", "ageBand", "Patient's age band", false),
             Coded("complainant-status", "complainantStatus", "Who complained", false)])
        { Done = "KO41 coding saved" },
        new("hcat-complaint", "Code the complaint with HCAT", "PUT", "/api/v1/learning/cases/{caseId}/hcat/Complaint", [])
        { Hint = "For each problem category the complaint raises, how severe it is; then the harm and the stages of care.", Done = "HCAT coding saved" },
        new("delay-letter", "Record the delay letter", "POST", "/api/v1/cases/{caseId}/delay-letter",
            [Date("sent-on", "sentOn", "When was it sent?"), Area("reasons", "reasons", "Why has the response not gone?")])
        { Hint = "Owed when no response has gone six months after receipt, or a later date agreed (Reg 14).", Done = "Delay letter recorded", Offered = d => In(d, ClockRunning) },
        new("sign", "Sign the final response", "POST", "/api/v1/cases/{caseId}/final-response/signature",
            [Line("signatory-name", "name", "Your name as printed"), Line("signatory-title", "title", "Your title as printed")])
        { Hint = "The responsible person, or their delegate, signs the draft as it stands (Reg 14(2)).", Done = "Final response signed", Button = "Sign", Offered = d => In(d, "ResponseDrafted") },
        new("send", "Send the final response", "POST", "/api/v1/cases/{caseId}/final-response/sending",
            [Date("sent-on", "sentOn", "When was it sent?"), Radios("channel", "channel", "How?", new("Letter", "By post"), new("Email", "By email"))])
        { Done = "Final response sent", Button = "Record as sent", Offered = d => In(d, "ResponseDrafted") && d.Signature is not null },
        new("close", "Close the case", "POST", "/api/v1/cases/{caseId}/closure", [Date("closed-on", "closedOn", "When?")])
        { Hint = "The outcome (upheld, partly upheld, not upheld) follows from the findings of the response.", Done = "Case closed", Button = "Close the case", Offered = d => In(d, "FinalResponseSent", "ReferredToOmbudsman") },
        new("reopen", "Reopen the case", "POST", "/api/v1/cases/{caseId}/reopening", [Date("on", "on", "When?"), Area("reason", "reason", "Why?")])
        { Done = "Case reopened", Button = "Reopen", Offered = d => In(d, "FinalResponseSent", "Closed", "ReferredToOmbudsman") },
        new("ombudsman-referral", "Record an Ombudsman referral", "POST", "/api/v1/cases/{caseId}/ombudsman-referral",
            [Date("learned-on", "learnedOn", "When did you learn of it?"), Line("ombudsman-reference", "ombudsmanReference", "The Ombudsman's reference")])
        { Done = "Ombudsman referral recorded", Offered = d => In(d, "FinalResponseSent", "Closed") },
    ];

    /// <summary>The step with this slug, or null.</summary>
    public static CaseStep? Find(string? slug) => All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields of the HCAT step, from the scheme: a severity per category, the harm, the stages of care.</summary>
    public static IReadOnlyList<StepField> HcatFields(HcatScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var levels = scheme.Severity.Select(l => new Choice(l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{l.Level}: {l.Name}")).ToList();
        return
        [
            .. scheme.Categories.Select(c => new StepField("severity-" + c.Key, "severities." + c.Key, $"{c.Name} ({c.Domain.ToLowerInvariant()})", FieldKind.Radios)
            {
                Options = levels, Numeric = true, Hint = "Leave empty if the complaint does not raise it.",
            }),
            new StepField("harm", "harm", "Harm", FieldKind.Radios)
            {
                Options = [.. scheme.Harm.Select(l => new Choice(l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{l.Level}: {l.Name}"))], Numeric = true,
            },
            new StepField("stages", "stagesOfCare", "Stages of care", FieldKind.Checkboxes) { Options = [.. scheme.StagesOfCare.Select(s => new Choice(s, s))] },
        ];
    }
}
