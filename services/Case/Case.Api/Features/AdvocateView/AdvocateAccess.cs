using System.Globalization;
using Grpc.Core;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Calendar;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Case.Api.Features.AdvocateView;

/// <summary>
/// What an advocate sees of a case: how to reach their client, its progress, the reviews asked of their service and,
/// once sent, the final response the complainant received; no staff details.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="OrganisationCode">The organisation handling it.</param>
/// <param name="Stage">Where it is.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="AcknowledgedOn">Acknowledged.</param>
/// <param name="ResponseDueBy">The response date in force.</param>
/// <param name="Backstop">The Reg 14 backstop.</param>
/// <param name="Paused">The clock is paused.</param>
/// <param name="FinalResponseSentOn">When the final response went.</param>
/// <param name="Reviews">Reviews of drafts asked of the advocate's service.</param>
/// <param name="FinalResponse">The final response as sent, section by section; <c>null</c> until it is sent.</param>
/// <param name="AccessEndsOn">
/// The last day of the advocate's access, as the complainant's consent plans it (ADR 26); <c>null</c> when it ends
/// at the case's closure or on revocation.
/// </param>
/// <param name="Complainant">How to reach the client, as intake holds it; <c>null</c> when intake cannot be asked.</param>
public sealed record AdvocateCaseView(
    Guid CaseId, string Reference, string OrganisationCode, CaseStage Stage, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? ResponseDueBy,
    DateOnly Backstop, bool Paused, DateOnly? FinalResponseSentOn, IReadOnlyList<DraftReview> Reviews, ResponseDraft? FinalResponse, DateOnly? AccessEndsOn,
    AdvocateClient? Complainant);

/// <summary>How an advocate reaches their client. Personal data: intake audits its every read.</summary>
/// <param name="Name">Full name.</param>
/// <param name="AddressLines">Postal address, empty lines left out.</param>
/// <param name="Phone">Telephone number.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="PreferredContact">Email, Phone, Letter or Text, when said.</param>
/// <param name="Adjustments">Reasonable adjustments asked for (LargePrint, Interpreter, ...).</param>
/// <param name="InterpreterLanguage">The language, when an interpreter is needed.</param>
public sealed record AdvocateClient(
    string Name, IReadOnlyList<string> AddressLines, string? Phone, string? Email, string? PreferredContact, IReadOnlyList<string> Adjustments, string? InterpreterLanguage);

/// <summary>A shared draft as a reviewer reads it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="Version">The version.</param>
/// <param name="WindowEndsOn">The last day to comment.</param>
/// <param name="Draft">The draft as shared.</param>
public sealed record SharedDraft(Guid CaseId, string Reference, int Version, DateOnly WindowEndsOn, ResponseDraft Draft);

/// <summary>
/// Case reads for advocates and contributing organisations. An advocate's right rests on the complainant's consent,
/// which the advocacy-referral service holds: it is asked at every view, with the advocate's own token, so access
/// ends the moment consent is revoked, or at the case's closure unless the consent plans a later end (ADR 26): until
/// then the advocate reads the closed case and its final response, not the draft reviews. Every view is audited.
/// The client's contact details come from intake, asked with the same token: intake checks the consent itself.
/// </summary>
public sealed class AdvocateAccess(
    CaseReads reads, IAuditTrail audit, ConsentService.ConsentServiceClient consents, ComplaintRecordsService.ComplaintRecordsServiceClient complaints,
    TimeProvider time, WorkingDayCalendar calendar)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>The case as the caller's advocacy service may see it, or <c>null</c>.</summary>
    public async Task<AdvocateCaseView?> GetAsync(Caller caller, Guid caseId, string authorization, CancellationToken ct)
    {
        var grant = await GrantAsync(caller, caseId, authorization, ct);
        if (grant is not { ViewCase: true })
        {
            return null;
        }
        var c = await reads.FindForAdvocateAsync(caseId, ct);
        if (c is null)
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Case, c.Id.ToString(), c.OrganisationCode, ct);
        var today = LondonTime.Today(time);
        // After closure the consent's planned end lets the advocate read the outcome; the drafts' reviews are over.
        IReadOnlyList<DraftReview> reviews = c.Stage == CaseStage.Closed
            ? []
            : [.. c.Reviews.Where(r => r.ReviewerCode == grant.AdvocacyServiceCode).OrderBy(r => r.Version)];
        return new AdvocateCaseView(
            c.Id, c.Reference, c.OrganisationCode, c.Stage, c.ReceivedOn, c.AcknowledgedOn, CaseClock.ResponseDueBy(c, today, calendar), SixMonthBackstop.For(c),
            c.IsPaused, c.FinalResponseSentOn, reviews, c.FinalResponseSentOn is null ? null : c.Draft, PlannedEnd(grant),
            await ClientAsync(c.ComplaintId, authorization, ct));
    }

    // The page still shows the case's progress when intake cannot be reached; it says the details are not available.
    private async Task<AdvocateClient?> ClientAsync(Guid complaintId, string authorization, CancellationToken ct)
    {
        try
        {
            var contact = await complaints.GetComplainantContactAsync(
                new GetComplainantContactRequest { ComplaintId = complaintId.ToString() }, new Metadata { { "authorization", authorization } },
                DateTime.UtcNow.Add(Deadline), ct);
            return new AdvocateClient(
                contact.Name, [.. contact.AddressLines], Given(contact.Phone), Given(contact.Email), Given(contact.ContactPreference),
                [.. contact.Adjustments], Given(contact.InterpreterLanguage));
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return null;
        }
    }

    private static string? Given(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// When the caller is an advocate whose service's consent on the case has ended (and none is in force): the day
    /// it ended. <c>null</c> for anyone else, including an advocate whose service never had the case.
    /// </summary>
    public async Task<DateOnly?> AccessEndedOnAsync(Caller caller, Guid caseId, string authorization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Roles.Advocate))
        {
            return null;
        }
        try
        {
            var ended = await consents.GetEndedGrantAsync(
                new GetActiveGrantRequest { CaseId = caseId.ToString() }, new Metadata { { "authorization", authorization } }, DateTime.UtcNow.Add(Deadline), ct);
            return DateOnly.TryParseExact(ended.EndedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return null;
        }
    }

    /// <summary>The plain-words reason an advocate's view of a case is refused once their consent has ended.</summary>
    public static string AccessEndedDetail(DateOnly endedOn) =>
        $"Your access to this case ended on {endedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, when the complainant's consent for your service ended.";

    /// <summary>
    /// A shared draft, for a reviewer it was shared with: an advocacy service with consent to review drafts, or a
    /// contributing organisation's staff. <c>null</c> for anyone else.
    /// </summary>
    public async Task<SharedDraft?> GetDraftAsync(Caller caller, Guid caseId, int version, string authorization, CancellationToken ct)
    {
        var c = await reads.FindWithReviewsAsync(caseId, ct);
        if (c is null)
        {
            return null;
        }
        string reviewer;
        if (caller.Has(Roles.Advocate))
        {
            if (await GrantAsync(caller, caseId, authorization, ct) is not { ReviewDrafts: true } grant)
            {
                return null;
            }
            reviewer = grant.AdvocacyServiceCode;
        }
        else if (caller.HasAny(CaseQueries.DetailRoles) && caller.OrganisationCode is { } organisation)
        {
            reviewer = organisation;
        }
        else
        {
            return null;
        }
        var review = c.Reviews.FirstOrDefault(r => r.Version == version && string.Equals(r.ReviewerCode, reviewer, StringComparison.OrdinalIgnoreCase));
        var snapshot = review is null ? null : await reads.SnapshotAsync(caseId, version, ct);
        if (snapshot is null)
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Case, $"{c.Id}:draft:{version}", c.OrganisationCode, ct);
        return new SharedDraft(c.Id, c.Reference, version, review!.WindowEndsOn, snapshot.Draft);
    }

    private static DateOnly? PlannedEnd(ActiveGrant grant) =>
        DateOnly.TryParseExact(grant.AccessEndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null;

    private async Task<ActiveGrant?> GrantAsync(Caller caller, Guid caseId, string authorization, CancellationToken ct)
    {
        if (!caller.Has(Roles.Advocate))
        {
            return null;
        }
        try
        {
            return await consents.GetActiveGrantAsync(
                new GetActiveGrantRequest { CaseId = caseId.ToString() }, new Metadata { { "authorization", authorization } }, DateTime.UtcNow.Add(Deadline), ct);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return null;
        }
    }
}
