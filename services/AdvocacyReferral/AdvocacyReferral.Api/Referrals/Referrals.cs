using IcsComplaints.AdvocacyReferral.Api.Cases;
using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Directory;
using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Calendar;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Referrals;

/// <summary>Where a referral stands.</summary>
public enum ReferralStatus
{
    /// <summary>Sent to the advocacy service, not yet answered.</summary>
    Requested = 1,

    /// <summary>Accepted, with an advocate assigned.</summary>
    Accepted = 2,

    /// <summary>Declined by the advocacy service.</summary>
    Declined = 3,

    /// <summary>Ended: the case closed or consent was revoked.</summary>
    Ended = 4,
}

/// <summary>A complaint referred to the advocacy service of the complainant's area.</summary>
public sealed class Referral
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>Where it stands.</summary>
    public ReferralStatus Status { get; set; } = ReferralStatus.Requested;

    /// <summary>Handler or Complainant.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>The subject who asked.</summary>
    public required string RequestedBySubject { get; init; }

    /// <summary>When.</summary>
    public DateOnly RequestedOn { get; init; }

    /// <summary>When the service answered.</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>Why it was declined.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>The advocate assigned.</summary>
    public string? AdvocateSubjectId { get; set; }

    /// <summary>Their name.</summary>
    public string? AdvocateName { get; set; }

    /// <summary>The consent grant that came with the referral.</summary>
    public Guid GrantId { get; init; }
}

/// <summary>How the complainant's consent was evidenced.</summary>
public enum ConsentEvidence
{
    /// <summary>A signed form or letter.</summary>
    Written = 1,

    /// <summary>Given by telephone or in person and recorded by staff.</summary>
    Verbal = 2,

    /// <summary>By e-mail or online, including the complainant signed in here.</summary>
    Electronic = 3,
}

/// <summary>
/// The complainant's consent for one advocacy service to see their case and, if they agree, drafts of the final
/// response. An advocate has no legal right to either (domain.md §5): everything they see rests on an active grant,
/// checked at each view. It ends when revoked (by the complainant or a handler), when the case closes, or when the
/// referral is declined.
/// </summary>
public sealed class ConsentGrant
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The advocacy service it names.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>May see the case's progress.</summary>
    public bool ViewCase { get; init; }

    /// <summary>May see and comment on drafts of the final response.</summary>
    public bool ReviewDrafts { get; init; }

    /// <summary>How consent was evidenced.</summary>
    public ConsentEvidence Evidence { get; init; }

    /// <summary>When given.</summary>
    public DateOnly GrantedOn { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>When it ended.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>Revoked, CaseClosed or ReferralDeclined.</summary>
    public string? EndReason { get; set; }

    /// <summary>Who ended it.</summary>
    public string? EndedBy { get; set; }

    /// <summary>True until it ends.</summary>
    public bool IsActive => EndedOn is null;
}

/// <summary>Ends grants the same way whatever ends them.</summary>
public sealed class ConsentLifecycle
{
    /// <summary>Ends the grant, ends its referral, and publishes <see cref="ConsentRevoked"/>.</summary>
    public void End(AdvocacyDbContext db, IOutbox outbox, ConsentGrant grant, DateOnly on, string reason, string by)
    {
        if (!grant.IsActive)
        {
            return;
        }
        grant.EndedOn = on;
        grant.EndReason = reason;
        grant.EndedBy = by;
        outbox.Publish(new ConsentRevoked { GrantId = grant.Id, CaseId = grant.CaseId, AdvocacyServiceCode = grant.AdvocacyServiceCode, EndedOn = on, Reason = reason });
        foreach (var referral in db.Referrals.Local.Where(r => r.GrantId == grant.Id && r.Status is ReferralStatus.Requested or ReferralStatus.Accepted))
        {
            referral.Status = reason == "ReferralDeclined" ? ReferralStatus.Declined : ReferralStatus.Ended;
        }
    }
}

/// <summary>Inputs.</summary>
public static class ReferralRequests
{
    /// <summary>Consent to the referral.</summary>
    /// <param name="ViewCase">May see the case's progress (default true).</param>
    /// <param name="ReviewDrafts">May see and comment on drafts before they are final.</param>
    /// <param name="Evidence">Written, Verbal or Electronic (a signed-in complainant's own request is Electronic).</param>
    /// <param name="GrantedOn">When given; today by default.</param>
    public sealed record Consent(bool? ViewCase, bool? ReviewDrafts, string? Evidence, string? GrantedOn);

    /// <summary>Refer a case.</summary>
    /// <param name="CaseId">The case.</param>
    /// <param name="AdvocacyServiceCode">The service, or leave empty and give a postcode or local authority.</param>
    /// <param name="Postcode">The complainant's postcode, to find their area's service.</param>
    /// <param name="LocalAuthorityCode">Or their local authority.</param>
    /// <param name="Consent">The complainant's consent.</param>
    public sealed record Create(Guid? CaseId, string? AdvocacyServiceCode, string? Postcode, string? LocalAuthorityCode, Consent? Consent);

    /// <summary>Accept a referral.</summary>
    /// <param name="AdvocateName">The advocate assigned.</param>
    /// <param name="AdvocateSubjectId">Their sign-in subject, or "me" (default).</param>
    public sealed record Accept(string? AdvocateName, string? AdvocateSubjectId);

    /// <summary>Decline a referral.</summary>
    /// <param name="Reason">Why (kept here, not published).</param>
    public sealed record Decline(string? Reason);
}

/// <summary>A referral as shown to the handler, the complainant and the advocacy service.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="OrganisationCode">The organisation handling it.</param>
/// <param name="AdvocacyServiceCode">The service.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RequestedBy">Handler or Complainant.</param>
/// <param name="RequestedOn">When.</param>
/// <param name="AnsweredOn">When answered.</param>
/// <param name="DeclineReason">Why declined.</param>
/// <param name="AdvocateName">The advocate.</param>
/// <param name="Grant">The consent.</param>
public sealed record ReferralView(
    Guid Id, Guid CaseId, string Reference, string OrganisationCode, string AdvocacyServiceCode, ReferralStatus Status, string RequestedBy,
    DateOnly RequestedOn, DateOnly? AnsweredOn, string? DeclineReason, string? AdvocateName, GrantView Grant);

/// <summary>A consent grant as shown.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="ViewCase">May see the case.</param>
/// <param name="ReviewDrafts">May review drafts.</param>
/// <param name="Evidence">How evidenced.</param>
/// <param name="GrantedOn">When given.</param>
/// <param name="EndedOn">When ended.</param>
/// <param name="EndReason">Why.</param>
public sealed record GrantView(Guid Id, bool ViewCase, bool ReviewDrafts, ConsentEvidence Evidence, DateOnly GrantedOn, DateOnly? EndedOn, string? EndReason);

/// <summary>Who may do what on referrals and grants.</summary>
public static class AdvocacyAccess
{
    /// <summary>Roles that refer a case and revoke consent for the organisation handling it.</summary>
    public static readonly IReadOnlyList<string> Handlers = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>Roles that see their organisation's referrals and the advocates' comments.</summary>
    public static readonly IReadOnlyList<string> Readers = Roles.OrganisationStaff;

    /// <summary>The signed-in complainant of the case.</summary>
    public static bool IsComplainant(Caller caller, CaseReference c) =>
        caller.Has(Roles.Complainant) && c.ComplainantSubjectId is not null && c.ComplainantSubjectId == caller.SubjectId;

    /// <summary>An advocate of the named service.</summary>
    public static bool IsAdvocateOf(Caller caller, string serviceCode) =>
        caller.Has(Roles.Advocate) && string.Equals(caller.OrganisationCode, serviceCode, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Referrals and consent: created by a handler or the complainant, answered by the advocacy service, revoked at once.</summary>
public sealed class ReferralActions(AdvocacyDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, AdvocacyDirectory directory, ConsentLifecycle consents)
{
    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Refers a case to an advocacy service with the complainant's consent.</summary>
    public async Task<Guid> CreateAsync(Caller caller, ReferralRequests.Create input, CancellationToken ct)
    {
        if (input.CaseId is not { } caseId)
        {
            throw new RequestValidationException("caseId", "Give the case to refer.");
        }
        var c = await db.Cases.FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
        var asComplainant = c is not null && AdvocacyAccess.IsComplainant(caller, c);
        if (c is null || !(asComplainant || caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers)))
        {
            throw new RequestNotFoundException();
        }
        if (!asComplainant && !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Handlers))
        {
            throw new RequestForbiddenException("The complaints team or the complainant refers a complaint to advocacy.");
        }
        if (c.ClosedOn is not null)
        {
            throw new RequestStateException("The case is closed.");
        }
        var errors = new ValidationErrors();
        var consent = input.Consent;
        if (consent is null)
        {
            errors.Add("consent", "Record the complainant's consent: an advocacy service sees a case only with it.");
        }
        var evidence = ParseEvidence(consent?.Evidence, asComplainant, errors);
        var grantedOn = Date(consent?.GrantedOn, "consent.grantedOn", errors) ?? Today;
        string? serviceCode = null;
        if (!string.IsNullOrWhiteSpace(input.AdvocacyServiceCode))
        {
            serviceCode = (await directory.GetAsync(input.AdvocacyServiceCode.Trim(), ct))?.Code;
            if (serviceCode is null)
            {
                errors.Add("advocacyServiceCode", "No advocacy service has this code.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Postcode) || !string.IsNullOrWhiteSpace(input.LocalAuthorityCode))
        {
            try
            {
                serviceCode = (await directory.FindAsync(input.Postcode, input.LocalAuthorityCode, ct))?.Code;
                if (serviceCode is null)
                {
                    errors.Add("postcode", "No advocacy service is known for this area: give the service's code.");
                }
            }
            catch (RequestValidationException ex)
            {
                errors.Add("postcode", ex.Errors.Values.First()[0]);
            }
        }
        else
        {
            errors.Add("advocacyServiceCode", "Give the advocacy service's code, or the complainant's postcode or local authority to find it.");
        }
        errors.ThrowIfAny();
        if (await db.Grants.AnyAsync(g => g.CaseId == caseId && g.AdvocacyServiceCode == serviceCode && g.EndedOn == null, ct))
        {
            throw new RequestStateException("This case is already referred to that service with consent in force.");
        }
        var grant = new ConsentGrant
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CaseId = caseId, AdvocacyServiceCode = serviceCode!, ViewCase = consent!.ViewCase ?? true,
            ReviewDrafts = consent.ReviewDrafts ?? false, Evidence = evidence!.Value, GrantedOn = grantedOn, RecordedBy = caller.SubjectId,
        };
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CaseId = caseId, AdvocacyServiceCode = serviceCode!, RequestedBy = asComplainant ? "Complainant" : "Handler",
            RequestedBySubject = caller.SubjectId, RequestedOn = Today, GrantId = grant.Id,
        };
        db.Grants.Add(grant);
        db.Referrals.Add(referral);
        outbox.Publish(new ConsentGranted
        {
            GrantId = grant.Id, CaseId = caseId, AdvocacyServiceCode = grant.AdvocacyServiceCode, ViewCase = grant.ViewCase, ReviewDrafts = grant.ReviewDrafts, GrantedOn = grantedOn,
        });
        outbox.Publish(new ReferralRequested
        {
            ReferralId = referral.Id, CaseId = caseId, OrganisationCode = c.OrganisationCode, AdvocacyServiceCode = referral.AdvocacyServiceCode,
            RequestedOn = referral.RequestedOn, RequestedBy = referral.RequestedBy,
        });
        audit.Record(AuditAction.Create, AdvocacyResources.Referral, referral.Id.ToString(), c.OrganisationCode);
        await db.SaveChangesAsync(ct);
        return referral.Id;
    }

    /// <summary>The advocacy service accepts and assigns an advocate.</summary>
    public async Task AcceptAsync(Caller caller, Guid referralId, ReferralRequests.Accept input, CancellationToken ct)
    {
        var (referral, grant) = await LoadForServiceAsync(caller, referralId, ct);
        var errors = new ValidationErrors();
        var name = TextRules.Read(input.AdvocateName, "advocateName", errors, 200, "Name the advocate assigned.", singleLine: true);
        var subject = TextRules.Read(input.AdvocateSubjectId, "advocateSubjectId", errors, 200, singleLine: true);
        errors.ThrowIfAny();
        if (referral.Status != ReferralStatus.Requested || !grant.IsActive)
        {
            throw new RequestStateException($"The referral is {referral.Status}{(grant.IsActive ? "" : ", and its consent has ended")}.");
        }
        referral.Status = ReferralStatus.Accepted;
        referral.AnsweredOn = Today;
        referral.AdvocateName = name;
        referral.AdvocateSubjectId = subject is null or "me" ? caller.SubjectId : subject;
        outbox.Publish(new ReferralAccepted
        {
            ReferralId = referral.Id, CaseId = referral.CaseId, AdvocacyServiceCode = referral.AdvocacyServiceCode, AcceptedOn = Today, ReviewDrafts = grant.ReviewDrafts,
        });
        audit.Record(AuditAction.Update, AdvocacyResources.Referral, referral.Id.ToString(), referral.AdvocacyServiceCode);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The advocacy service declines; the consent that came with the referral ends.</summary>
    public async Task DeclineAsync(Caller caller, Guid referralId, ReferralRequests.Decline input, CancellationToken ct)
    {
        var (referral, grant) = await LoadForServiceAsync(caller, referralId, ct);
        var errors = new ValidationErrors();
        var reason = TextRules.Read(input.Reason, "reason", errors, 2_000, "Say why the referral is declined.");
        errors.ThrowIfAny();
        if (referral.Status != ReferralStatus.Requested)
        {
            throw new RequestStateException($"The referral is {referral.Status}.");
        }
        referral.AnsweredOn = Today;
        referral.DeclineReason = reason;
        referral.Status = ReferralStatus.Declined;
        consents.End(db, outbox, grant, Today, "ReferralDeclined", caller.SubjectId);
        outbox.Publish(new ReferralDeclined { ReferralId = referral.Id, CaseId = referral.CaseId, AdvocacyServiceCode = referral.AdvocacyServiceCode, DeclinedOn = Today });
        audit.Record(AuditAction.Update, AdvocacyResources.Referral, referral.Id.ToString(), referral.AdvocacyServiceCode);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Revokes consent at once: the complainant, or the complaints team recording the complainant's wish.</summary>
    public async Task RevokeAsync(Caller caller, Guid grantId, CancellationToken ct)
    {
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        var c = grant is null ? null : await db.Cases.FirstOrDefaultAsync(x => x.CaseId == grant.CaseId, ct);
        if (grant is null || c is null || !(AdvocacyAccess.IsComplainant(caller, c) || caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers)))
        {
            throw new RequestNotFoundException();
        }
        if (!AdvocacyAccess.IsComplainant(caller, c) && !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Handlers))
        {
            throw new RequestForbiddenException("The complainant or the complaints team revokes consent.");
        }
        if (!grant.IsActive)
        {
            throw new RequestStateException($"The consent ended on {grant.EndedOn:yyyy-MM-dd} ({grant.EndReason}).");
        }
        await db.Referrals.Where(r => r.GrantId == grant.Id).LoadAsync(ct);
        consents.End(db, outbox, grant, Today, "Revoked", caller.SubjectId);
        audit.Record(AuditAction.Update, AdvocacyResources.Grant, grant.Id.ToString(), c.OrganisationCode);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Referral Referral, ConsentGrant Grant)> LoadForServiceAsync(Caller caller, Guid referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null || !AdvocacyAccess.IsAdvocateOf(caller, referral.AdvocacyServiceCode))
        {
            throw new RequestNotFoundException();
        }
        var grant = await db.Grants.FirstAsync(g => g.Id == referral.GrantId, ct);
        return (referral, grant);
    }

    private static ConsentEvidence? ParseEvidence(string? value, bool complainant, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (complainant)
            {
                return ConsentEvidence.Electronic;
            }
            errors.Add("consent.evidence", "Record how the complainant consented: Written, Verbal or Electronic.");
            return null;
        }
        if (Enum.TryParse<ConsentEvidence>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        errors.Add("consent.evidence", "Written, Verbal or Electronic.");
        return null;
    }

    private DateOnly? Date(string? value, string field, ValidationErrors errors) =>
        DateRules.ReadInCalendar(value, field, errors, Today);
}

/// <summary>Reads referrals and grants for those entitled: the handling organisation's staff, the complainant, the advocacy service named.</summary>
public sealed class ReferralQueries(AdvocacyDbContext db, IAuditTrail audit)
{
    /// <summary>Referrals the caller may see, optionally of one case.</summary>
    public async Task<IReadOnlyList<ReferralView>> ListAsync(Caller caller, Guid? caseId, CancellationToken ct)
    {
        var query = from r in db.Referrals.AsNoTracking()
                    join c in db.Cases.AsNoTracking() on r.CaseId equals c.CaseId
                    join g in db.Grants.AsNoTracking() on r.GrantId equals g.Id
                    select new { r, c, g };
        if (caseId is { } id)
        {
            query = query.Where(x => x.r.CaseId == id);
        }
        if (caller.Has(Roles.Advocate))
        {
            // An advocacy service sees its referrals while the complainant's consent is in force.
            var service = caller.OrganisationCode;
            query = query.Where(x => x.r.AdvocacyServiceCode == service && x.g.EndedOn == null);
        }
        else if (caller.HasAny(AdvocacyAccess.Readers) && caller.OrganisationCode is { } organisation)
        {
            query = query.Where(x => x.c.OrganisationCode == organisation);
        }
        else if (caller.Has(Roles.Complainant))
        {
            var subject = caller.SubjectId;
            query = query.Where(x => x.c.ComplainantSubjectId == subject);
        }
        else
        {
            throw new RequestForbiddenException("Referrals are seen by the complaints team, the complainant and the advocacy service.");
        }
        var rows = await query.OrderByDescending(x => x.r.RequestedOn).Take(200).ToListAsync(ct);
        if (rows.Count > 0)
        {
            await audit.RecordReadAsync(AdvocacyResources.Referral, caseId?.ToString() ?? $"list:{rows.Count}", caller.OrganisationCode, ct);
        }
        return [.. rows.Select(x => new ReferralView(
            x.r.Id, x.r.CaseId, x.c.Reference, x.c.OrganisationCode, x.r.AdvocacyServiceCode, x.r.Status, x.r.RequestedBy, x.r.RequestedOn, x.r.AnsweredOn,
            x.r.DeclineReason, x.r.AdvocateName,
            new GrantView(x.g.Id, x.g.ViewCase, x.g.ReviewDrafts, x.g.Evidence, x.g.GrantedOn, x.g.EndedOn, x.g.EndReason)))];
    }

    /// <summary>
    /// The advocacy services that must review the case's drafts (an accepted referral and consent in force to review
    /// drafts), for staff of the organisation handling the case; <c>null</c> for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<string>?> DraftReviewersAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (c is null || !caller.ActsFor(c.OrganisationCode, AdvocacyAccess.Readers))
        {
            return null;
        }
        return await (from r in db.Referrals.AsNoTracking()
                      join g in db.Grants.AsNoTracking() on r.GrantId equals g.Id
                      where r.CaseId == caseId && r.Status == ReferralStatus.Accepted && g.EndedOn == null && g.ReviewDrafts
                      select r.AdvocacyServiceCode).Distinct().ToListAsync(ct);
    }

    /// <summary>The caller's active grant on a case, when the caller is an advocate of the service it names.</summary>
    public async Task<ConsentGrant?> ActiveGrantAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        if (!caller.Has(Roles.Advocate) || caller.OrganisationCode is not { } service)
        {
            return null;
        }
        return await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.CaseId == caseId && g.AdvocacyServiceCode == service && g.EndedOn == null, ct);
    }
}

/// <summary>Audit resource names of this service.</summary>
public static class AdvocacyResources
{
    /// <summary>A referral.</summary>
    public const string Referral = "advocacy-referral";

    /// <summary>A consent grant.</summary>
    public const string Grant = "consent-grant";

    /// <summary>A draft review with its comments.</summary>
    public const string Review = "draft-review";
}
