using System.Text.Json;
using System.Text.Json.Nodes;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// The shapes of the case, intake, identity, learning and advocacy APIs that the handler's and the advocate's pages
// read, by the APIs' JSON names (the portal keeps its own copies: ADR 18). Enumerations arrive by name, as strings.

/// <summary>A deadline of a case.</summary>
public sealed record DeadlineView(string Kind, DateOnly DueOn, int WorkingDaysLeft, bool Met, bool Done);

/// <summary>A member of staff named on a case.</summary>
public sealed record StaffRef(string? SubjectId, string Name);

/// <summary>A case in the work queue (no personal data).</summary>
public sealed record CaseView(
    Guid CaseId, Guid ComplaintId, string Reference, string OrganisationCode, string Stage, DateOnly ReceivedOn, DateOnly AcknowledgementDueBy,
    IReadOnlyList<string>? OnHold, string? TransferredFromOrganisationCode, DateOnly? ClosedOn, string? Closure, string? Outcome, string? Handler,
    string? HandlerSubjectId, JsonElement? Investigator, DeadlineView? NextDeadline, IReadOnlyList<string>? Missed, bool Paused)
{
    /// <summary>The investigator's name, whether the API gives a name or a person.</summary>
    public string? InvestigatorName => Investigator switch
    {
        { ValueKind: JsonValueKind.String } name => name.GetString(),
        { ValueKind: JsonValueKind.Object } person when person.TryGetProperty("name", out var name) => name.GetString(),
        _ => null,
    };
}

/// <summary>The investigation plan of a closer look.</summary>
public sealed record InvestigationPlan(IReadOnlyList<string> Issues, IReadOnlyList<string> OutcomesSought, IReadOnlyList<string> Evidence, IReadOnlyList<string> PeopleToSpeakTo);

/// <summary>The investigator's conflict check.</summary>
public sealed record ConflictCheck(bool PriorInvolvement, bool ConflictOfInterest, string? ImpartialityMeasures, string CheckedBy, DateOnly CheckedOn);

/// <summary>A response date agreed (or renegotiated).</summary>
public sealed record ResponseDateAgreement(long Id, DateOnly AgreedOn, DateOnly DueBy, bool WithComplainant, string Reason, string RecordedBy);

/// <summary>A pause of the clock.</summary>
public sealed record ClockPause(long Id, string Reason, string Detail, DateOnly From, DateOnly? Until);

/// <summary>A contact logged.</summary>
public sealed record ContactLogEntry(long Id, DateOnly On, string Channel, bool Outgoing, bool IsUpdate, string Summary, string RecordedBy);

/// <summary>A member of staff complained about.</summary>
public sealed record StaffInvolved(
    long Id, string Name, string Role, DateOnly? ToldOn, string? SupportOffered, string? Comments, string? CommentsUse, DateOnly? SawFinalResponseOn,
    string? WorkEmail = null);

/// <summary>A finding of the draft response.</summary>
public sealed record ResponseFinding(string Issue, string Conclusion, string Reasons, bool Upheld);

/// <summary>A change committed to in the draft response.</summary>
public sealed record ResponseChange(string Action, DateOnly By);

/// <summary>The draft final response.</summary>
public sealed record ResponseDraft(
    string? ComplaintSummary, string? OutcomesSought, string? Investigation, IReadOnlyList<ResponseFinding>? Findings, string? Apology,
    IReadOnlyList<ResponseChange>? Changes, string? Remedy);

/// <summary>The signature on the final response.</summary>
public sealed record ResponseSignature(StaffRef SignedBy, string Title, string? OnBehalfOf, DateOnly SignedOn, int DraftVersion);

/// <summary>KO41 coding.</summary>
public sealed record CaseCoding(
    IReadOnlyList<string> Subjects, string ServiceArea, IReadOnlyList<string> Professions, IReadOnlyList<string> ClinicalSubCategories,
    string? SiteOdsCode, string AgeBand, string ComplainantStatus);

/// <summary>Another organisation's part of a co-ordinated response (Reg 9).</summary>
public sealed record ContributionView(long Id, string OrganisationCode, string? Text, string? SignedOffBy, DateOnly? SignedOffOn);

/// <summary>A review of a shared draft, as the case records it; an advocate's verdict is Approved or ChangesAsked.</summary>
public sealed record CaseDraftReview(
    long Id, int Version, string ReviewerCode, string Kind, DateOnly SharedOn, DateOnly WindowEndsOn, string Status, DateOnly? ClosedOn, int Comments,
    string? ContributorComment, string? Verdict = null);

/// <summary>Everything about a case, for the staff handling it.</summary>
public sealed record CaseDetail(
    CaseView Summary, DateOnly? AcknowledgedOn, bool DiscussionOffered, DateOnly? DiscussedOn, DateOnly? EarlyResolutionDueBy,
    DateOnly? CloserLookStartedOn, string? EscalationReason, InvestigationPlan? Plan, StaffRef? Investigator, ConflictCheck? ConflictCheck,
    StaffRef? ResponsiblePerson, StaffRef? SigningDelegate, DateOnly? ResponseDueBy, DateOnly Backstop, int PausedWorkingDays,
    IReadOnlyList<DeadlineView>? Deadlines, IReadOnlyList<ResponseDateAgreement>? Agreements, IReadOnlyList<ClockPause>? Pauses,
    int? UpdateEveryWorkingDays, DateOnly? NextUpdateDue, IReadOnlyList<ContactLogEntry>? Contacts, IReadOnlyList<StaffInvolved>? Staff,
    ResponseDraft? Draft, IReadOnlyList<string>? MissingFromResponse, ResponseSignature? Signature, DateOnly? FinalResponseSentOn,
    DateOnly? DelayLetterSentOn, CaseCoding? Coding, IReadOnlyList<ContributionView>? Contributions, int ReopenCount,
    DateOnly? OmbudsmanReferralLearnedOn, IReadOnlyList<CaseDraftReview>? Reviews, EarlyResolutionRecord? EarlyResolution = null);

/// <summary>How a complaint was resolved early: what was discussed and agreed.</summary>
public sealed record EarlyResolutionRecord(DateOnly ResolvedOn, string Channel, string Discussed, string Agreed);

/// <summary>A complaint found by the intake search, with the case that handles it.</summary>
public sealed record ComplaintMatch(
    Guid Id, string Reference, string OrganisationCode, DateOnly ReceivedOn, string State, Guid? CaseId, string? ComplainantName, string? PatientName);

/// <summary>What the intake search looks for (a POST body: personal data stays out of URLs).</summary>
public sealed record ComplaintSearch(string? Reference, string? Name, string? NhsNumber, string? DateOfBirth);

/// <summary>A member of the organisation's staff, from its directory.</summary>
public sealed record StaffMember(string SubjectId, string DisplayName, IReadOnlyList<string>? Roles);

/// <summary>A code of a coding list and how people read it.</summary>
public sealed record CodeLabel(string Code, string Label);

/// <summary>An HCAT problem category.</summary>
public sealed record HcatCategory(string Key, string Name, string Domain);

/// <summary>A level of an HCAT scale.</summary>
public sealed record ScaleLevel(int Level, string Name);

/// <summary>The HCAT scheme: categories, severity and harm scales, stages of care.</summary>
public sealed record HcatScheme(IReadOnlyList<HcatCategory> Categories, IReadOnlyList<ScaleLevel> Severity, IReadOnlyList<ScaleLevel> Harm, IReadOnlyList<string> StagesOfCare);

/// <summary>An advocate's comment on a shared draft.</summary>
public sealed record ReviewComment(string Section, string Text, string? AuthorName, DateTimeOffset At);

/// <summary>A message about a case as its staff see it: which, to whom by role, how and where it stands; never the address.</summary>
public sealed record SentMessage(
    Guid Id, string Template, string Recipient, string Status, string? Channel, bool LargePrint, int Attempts,
    DateTimeOffset QueuedAt, DateTimeOffset? SentAt, string? Reason, string? RecipientCode = null, string? Delivery = null, bool DeliveryFailed = false,
    bool CopyKept = false);

/// <summary>A file on a case; Scan is Pending (being checked for viruses), Clean or Quarantined (a virus was found).</summary>
public sealed record CaseDocument(Guid Id, string FileName, string Type, long SizeBytes, string AddedBy, DateTimeOffset AddedAt, string Scan, DateTimeOffset? ScannedAt);

/// <summary>A review of a shared draft, as the advocacy service holds it; the advocate's verdict is Approved or ChangesAsked.</summary>
public sealed record AdvocacyReview(
    long Id, Guid CaseId, int Version, string AdvocacyServiceCode, DateOnly SharedOn, DateOnly WindowEndsOn, string Status, DateOnly? ClosedOn,
    IReadOnlyList<ReviewComment>? Comments, string? Verdict = null);

/// <summary>A shared draft as a reviewer reads it.</summary>
public sealed record SharedDraft(Guid CaseId, string Reference, int Version, DateOnly WindowEndsOn, ResponseDraft Draft);

/// <summary>The filters and order of the work queue, as the case list's query parameters.</summary>
public sealed record CaseQuery(string? Stage, int? DueWithin, bool Breached, bool Paused, bool Mine, bool IncludeClosed, string? Sort, string? Reference)
{
    /// <summary>The query string: only what is set, since the list refuses parameters it does not read.</summary>
    public QueryString ToQueryString()
    {
        var query = QueryString.Empty;
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query = query.Add(name, value);
            }
        }
        Add("reference", Reference);
        Add("stage", Stage);
        Add("dueWithin", DueWithin?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("breached", Breached ? "true" : null);
        Add("paused", Paused ? "true" : null);
        Add("mine", Mine ? "true" : null);
        Add("includeClosed", IncludeClosed ? "true" : null);
        Add("sort", Sort);
        return query;
    }
}

/// <summary>The calls the handler's and the advocate's pages make, one method per call, as the signed-in user.</summary>
public sealed class CaseApis(PlatformApi api)
{
    private const string Cases = "/api/v1/cases";

    /// <summary>The organisation's cases, filtered and sorted.</summary>
    public Task<ApiResult<ItemList<CaseView>>> ListCasesAsync(CaseQuery query, CancellationToken ct) =>
        api.GetAsync<ItemList<CaseView>>(Cases + (query ?? throw new ArgumentNullException(nameof(query))).ToQueryString(), null, ct);

    /// <summary>The files on a case (an audited read).</summary>
    public Task<ApiResult<ItemList<CaseDocument>>> DocumentsAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<ItemList<CaseDocument>>($"{Cases}/{caseId}/documents", null, ct);

    /// <summary>Adds a file to a case; the case service decides what it is from its bytes and scans it.</summary>
    public Task<ApiResult<CaseDocument>> AddDocumentAsync(Guid caseId, Stream file, string fileName, CancellationToken ct) =>
        api.PostFileAsync<CaseDocument>($"{Cases}/{caseId}/documents", "file", file, fileName, "application/octet-stream", ct);

    /// <summary>A clean file's bytes (an audited read); refused while it is being scanned, and ever when quarantined.</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> DocumentContentAsync(Guid caseId, Guid documentId, CancellationToken ct) =>
        api.GetFileAsync($"{Cases}/{caseId}/documents/{documentId}/content", ct);

    /// <summary>The PDF of a letter as it was sent about the case (an audited read).</summary>
    public Task<ApiResult<(byte[] Content, string ContentType, string? FileName)>> LetterCopyAsync(Guid caseId, Guid messageId, CancellationToken ct) =>
        api.GetFileAsync($"/api/v1/correspondence/cases/{caseId}/messages/{messageId}/copy", ct);

    /// <summary>Everything about one case (an audited read).</summary>
    public Task<ApiResult<CaseDetail>> DetailAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<CaseDetail>($"{Cases}/{caseId}/detail", null, ct);

    /// <summary>Complaints found by reference, name, NHS number or date of birth (a POST: nothing of it in a URL).</summary>
    public Task<ApiResult<ItemList<ComplaintMatch>>> SearchComplaintsAsync(ComplaintSearch search, CancellationToken ct) =>
        api.PostAsync<ItemList<ComplaintMatch>>("/api/v1/complaints/search", search, null, ct);

    /// <summary>The organisation's staff who have a role (investigator, responsible-person).</summary>
    public Task<ApiResult<ItemList<StaffMember>>> StaffAsync(string role, CancellationToken ct) =>
        api.GetAsync<ItemList<StaffMember>>("/api/v1/identity/staff" + QueryString.Create("role", role), null, ct);

    /// <summary>The KO41 code lists, field by field.</summary>
    public Task<ApiResult<JsonElement>> Ko41SchemeAsync(CancellationToken ct) =>
        api.GetAsync<JsonElement>(Cases + "/coding-scheme", null, ct);

    /// <summary>The HCAT scheme.</summary>
    public Task<ApiResult<HcatScheme>> HcatSchemeAsync(CancellationToken ct) =>
        api.GetAsync<HcatScheme>("/api/v1/learning/hcat/scheme", null, ct);

    /// <summary>Takes a step of the procedure: its method, path and body come from the step's table.</summary>
    public Task<ApiResult<JsonElement>> StepAsync(HttpMethod method, string path, JsonObject body, CancellationToken ct) =>
        api.SendAsync<JsonElement>(method, path, body, ct);

    /// <summary>Saves the draft response privately.</summary>
    public Task<ApiResult<JsonElement>> SaveDraftAsync(Guid caseId, JsonObject draft, CancellationToken ct) =>
        api.SendAsync<JsonElement>(HttpMethod.Put, $"{Cases}/{caseId}/response-draft", draft, ct);

    /// <summary>Shares the saved draft with its reviewers (the advocate, contributing organisations).</summary>
    public Task<ApiResult<JsonElement>> ShareDraftAsync(Guid caseId, CancellationToken ct) =>
        api.SendAsync<JsonElement>(HttpMethod.Post, $"{Cases}/{caseId}/response-draft/sharing", new JsonObject(), ct);

    /// <summary>The final response letter as the case service renders it.</summary>
    public Task<RawDocument?> LetterAsync(Guid caseId, string? format, CancellationToken ct) =>
        api.GetDocumentAsync($"{Cases}/{caseId}/final-response/letter" + (string.IsNullOrEmpty(format) ? "" : QueryString.Create("format", format).ToString()), ct);

    /// <summary>What the platform sent, or decided not to send, about a case; its staff only.</summary>
    public Task<ApiResult<ItemList<SentMessage>>> MessagesAsync(Guid caseId, CancellationToken ct) =>
        api.GetAsync<ItemList<SentMessage>>($"/api/v1/correspondence/cases/{caseId}/messages", null, ct);

    /// <summary>Reviews of shared drafts the caller may see: an advocate's, or a case team's for one case.</summary>
    public Task<ApiResult<ItemList<AdvocacyReview>>> ReviewsAsync(Guid? caseId, CancellationToken ct) =>
        api.GetAsync<ItemList<AdvocacyReview>>("/api/v1/advocacy/reviews" + (caseId is { } id ? QueryString.Create("caseId", id.ToString()).ToString() : ""), null, ct);

    /// <summary>A shared draft version, as a reviewer reads it.</summary>
    public Task<ApiResult<SharedDraft>> SharedDraftAsync(Guid caseId, int version, CancellationToken ct) =>
        api.GetAsync<SharedDraft>($"{Cases}/{caseId}/drafts/{version}", null, ct);

    /// <summary>The advocate comments on a section of the shared draft.</summary>
    public Task<ApiResult<JsonElement>> CommentAsync(long reviewId, string section, string? text, string? authorName, CancellationToken ct) =>
        api.PostAsync<JsonElement>($"/api/v1/advocacy/reviews/{reviewId}/comments", new ReviewCommentRequest(section, text, authorName), null, ct);

    /// <summary>The advocate finishes the review with their verdict: Approved, or ChangesAsked (said in their comments).</summary>
    public Task<ApiResult<JsonElement>> CompleteReviewAsync(long reviewId, string verdict, CancellationToken ct) =>
        api.PostAsync<JsonElement>($"/api/v1/advocacy/reviews/{reviewId}/completion", new CompleteReviewRequest(verdict), null, ct);

    private sealed record ReviewCommentRequest(string Section, string? Text, string? AuthorName);

    private sealed record CompleteReviewRequest(string Verdict);
}
