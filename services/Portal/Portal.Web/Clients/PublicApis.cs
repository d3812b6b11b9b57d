using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

// The shapes the portal reads from the APIs, by the APIs' JSON names. The portal keeps its own copies because services
// share only contracts/ (ADR 18), and the REST bodies are not contracts.

/// <summary>An organisation in the directory.</summary>
public sealed record Organisation(string OdsCode, string Name, string Type, string? Region, IReadOnlyList<string>? CommissionedBy, string? Postcode);

/// <summary>An independent advocacy service.</summary>
public sealed record AdvocacyService(string Code, string Name, string Phone, string Email, string Website, string Address);

/// <summary>A complaint's referral to advocacy, as the complainant sees it.</summary>
public sealed record SelfReferral(string Reference, string Status, DateOnly RequestedOn, bool ViewCase, bool ReviewDrafts, AdvocacyService AdvocacyService);

/// <summary>A complainant's own request for advocacy, by the complaint's reference (the progress code goes in a header), for the service of the postcode's area.</summary>
public sealed record SelfReferralRequest(string Reference, string? Postcode, bool ViewCase, bool ReviewDrafts);

/// <summary>A recorded complaint: its reference and, for online submissions, the secret that shows its progress.</summary>
public sealed record SubmittedComplaint(Guid Id, string Reference, string? StatusSecret);

/// <summary>How to go to the Ombudsman once the complaint is closed.</summary>
public sealed record OmbudsmanSignpost(string Name, string Phone, string Website, string Explanation);

/// <summary>A complaint's progress, without personal data.</summary>
public sealed record ComplaintProgress(
    string Reference, string OrganisationCode, DateOnly ReceivedOn, string Status, string Progress, DateOnly? AcknowledgedOn,
    DateOnly? ResponseDueBy, DateOnly? ResponseSentOn, DateOnly? ClosedOn, OmbudsmanSignpost? Ombudsman);

/// <summary>A letter or e-mail sent to the complainant about their complaint.</summary>
public sealed record SentLetter(string Template, string Title, string Channel, bool LargePrint, DateTimeOffset SentAt);

/// <summary>One of a signed-in complainant's own complaints.</summary>
public sealed record OwnComplaint(string Reference, string? OrganisationName, DateOnly ReceivedOn, string Progress);

/// <summary>An organisation's complaint as its staff see it in a list.</summary>
public sealed record ComplaintSummary(Guid Id, string Reference, string OrganisationCode, string HandlingOrganisationCode, DateOnly ReceivedOn, string Channel, string State, string Route);

/// <summary>A statement of the complainant's survey.</summary>
public sealed record SurveyQuestion(string Key, string Text);

/// <summary>What a survey link opens: the organisation, the statements in order, and the answers each takes.</summary>
public sealed record SurveyByLink(string OrganisationCode, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<string> Answers, DateOnly OpenUntil);

/// <summary>The answers given through a survey link.</summary>
public sealed record SurveyLinkAnswers(IReadOnlyDictionary<string, string> Answers, string? Comment);

/// <summary>The APIs the portal uses, one method per call.</summary>
public sealed class PublicApis(PlatformApi api)
{
    private const string SecretHeader = "X-Complaint-Secret";
    private const string SurveyCodeHeader = "X-Survey-Code";

    /// <summary>Organisations whose name matches, or near a postcode (directory search).</summary>
    public async Task<ApiResult<ItemList<Organisation>>> FindOrganisationsAsync(string? name, string? postcode, CancellationToken ct)
    {
        var query = QueryString.Empty;
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Add("q", name.Trim());
        }
        if (!string.IsNullOrWhiteSpace(postcode))
        {
            query = query.Add("postcode", postcode.Trim());
        }
        return await api.GetAsync<ItemList<Organisation>>("/api/v1/organisations" + query, null, ct);
    }

    /// <summary>The providers an ICB commissions today.</summary>
    public Task<ApiResult<ItemList<Organisation>>> ProvidersCommissionedByAsync(string icbCode, CancellationToken ct) =>
        api.GetAsync<ItemList<Organisation>>("/api/v1/organisations" + QueryString.Create("commissionedBy", icbCode), null, ct);

    /// <summary>One organisation.</summary>
    public Task<ApiResult<Organisation>> OrganisationAsync(string odsCode, CancellationToken ct) =>
        api.GetAsync<Organisation>("/api/v1/organisations/" + Uri.EscapeDataString(odsCode), null, ct);

    /// <summary>The advocacy service for a postcode.</summary>
    public Task<ApiResult<AdvocacyService>> AdvocacyServiceForAsync(string postcode, CancellationToken ct) =>
        api.GetAsync<AdvocacyService>("/api/v1/advocacy-services" + QueryString.Create("postcode", postcode.Trim()), null, ct);

    /// <summary>Checks a complaint as it stands without recording it: the API's own field errors, or none.</summary>
    public Task<ApiResult<object>> CheckComplaintAsync(ComplaintRequest complaint, CancellationToken ct) =>
        api.PostAsync<object>("/api/v1/complaints/validation", complaint, null, ct);

    /// <summary>Records the complaint; the key makes a repeated submission record it once.</summary>
    public Task<ApiResult<SubmittedComplaint>> SubmitComplaintAsync(ComplaintRequest complaint, string idempotencyKey, CancellationToken ct) =>
        api.PostAsync<SubmittedComplaint>("/api/v1/complaints", complaint, new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey }, ct);

    /// <summary>Progress by reference and secret; 404 when either is wrong.</summary>
    public Task<ApiResult<ComplaintProgress>> ProgressAsync(string reference, string secret, CancellationToken ct) =>
        api.GetAsync<ComplaintProgress>(
            "/api/v1/complaints/status" + QueryString.Create("reference", reference.Trim()), new Dictionary<string, string> { [SecretHeader] = secret.Trim() }, ct);

    /// <summary>What was sent to the complainant, by the same reference and progress code (the code in a header).</summary>
    public Task<ApiResult<ItemList<SentLetter>>> SentToComplainantAsync(string reference, string secret, CancellationToken ct) =>
        api.GetAsync<ItemList<SentLetter>>(
            "/api/v1/correspondence/sent-to-me" + QueryString.Create("reference", reference.Trim()), new Dictionary<string, string> { [SecretHeader] = secret.Trim() }, ct);

    /// <summary>
    /// Asks the advocacy service of the complainant's area to help with their complaint, on their own consent proven by
    /// the reference and progress code; asking again gives the referral already made.
    /// </summary>
    public Task<ApiResult<SelfReferral>> RequestAdvocacyAsync(SelfReferralRequest request, string secret, CancellationToken ct) =>
        api.PostAsync<SelfReferral>("/api/v1/advocacy/self-referrals", request, new Dictionary<string, string> { [SecretHeader] = secret.Trim() }, ct);

    /// <summary>The survey a link's code opens; 404 for a code unknown, used or expired. The code goes in a header, never an address.</summary>
    public Task<ApiResult<SurveyByLink>> SurveyByLinkAsync(string code, CancellationToken ct) =>
        api.GetAsync<SurveyByLink>("/api/v1/surveys/link", new Dictionary<string, string> { [SurveyCodeHeader] = code }, ct);

    /// <summary>Answers the survey a link's code opens, once.</summary>
    public Task<ApiResult<object>> AnswerSurveyAsync(string code, SurveyLinkAnswers answers, CancellationToken ct) =>
        api.PostAsync<object>("/api/v1/surveys/link/answers", answers, new Dictionary<string, string> { [SurveyCodeHeader] = code }, ct);

    /// <summary>Sends a file to the complaint the reference and progress code prove (the code in a header).</summary>
    public Task<ApiResult<CaseDocument>> SendDocumentAsync(string reference, string secret, Stream file, string fileName, CancellationToken ct) =>
        api.PostFileAsync<CaseDocument>(
            "/api/v1/complaint-documents" + QueryString.Create("reference", reference.Trim()), "file", file, fileName, "application/octet-stream", ct,
            new Dictionary<string, string> { [SecretHeader] = secret.Trim() });

    /// <summary>The files the complainant has sent, with what became of each.</summary>
    public Task<ApiResult<ItemList<CaseDocument>>> SentDocumentsAsync(string reference, string secret, CancellationToken ct) =>
        api.GetAsync<ItemList<CaseDocument>>(
            "/api/v1/complaint-documents" + QueryString.Create("reference", reference.Trim()), new Dictionary<string, string> { [SecretHeader] = secret.Trim() }, ct);

    /// <summary>A signed-in complainant's own complaints.</summary>
    public Task<ApiResult<ItemList<OwnComplaint>>> OwnComplaintsAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<OwnComplaint>>("/api/v1/complaints/mine", null, ct);

    /// <summary>The complaints of the signed-in member of staff's organisation.</summary>
    public Task<ApiResult<ItemList<ComplaintSummary>>> OrganisationComplaintsAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<ComplaintSummary>>("/api/v1/complaints", null, ct);
}
