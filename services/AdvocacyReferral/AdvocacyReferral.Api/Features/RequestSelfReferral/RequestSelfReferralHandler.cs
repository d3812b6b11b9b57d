using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.AdvocacyReferral.Api.Features.FindAdvocacyService;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.AdvocacyReferral.Domain.Referrals;
using IcsComplaints.AdvocacyReferral.Domain.Rules;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features.RequestSelfReferral;

/// <summary>A complainant's own request for advocacy, without an account; the status secret travels in a header.</summary>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="AdvocacyServiceCode">The service they chose; or leave it out for the one of their area.</param>
/// <param name="Postcode">Their postcode, to find their area's service; by default the one they gave when they complained.</param>
/// <param name="LocalAuthorityCode">Or their local authority.</param>
/// <param name="ViewCase">The service may follow the complaint's progress (default true).</param>
/// <param name="ReviewDrafts">The service may read and comment on drafts of the response before it is final (default false).</param>
public sealed record SelfReferralRequest(
    string? Reference, string? AdvocacyServiceCode, string? Postcode, string? LocalAuthorityCode, bool? ViewCase, bool? ReviewDrafts);

/// <summary>The complaint's referral as the complainant sees it.</summary>
/// <param name="Reference">The complaint's reference.</param>
/// <param name="Status">Requested until the service answers; then Accepted or Declined.</param>
/// <param name="RequestedOn">When it was asked for.</param>
/// <param name="ViewCase">The service may follow the complaint's progress.</param>
/// <param name="ReviewDrafts">The service may read and comment on drafts of the response.</param>
/// <param name="AdvocacyService">The service, and how to contact it.</param>
public sealed record SelfReferralView(
    string Reference, ReferralStatus Status, DateOnly RequestedOn, bool ViewCase, bool ReviewDrafts, AdvocacyServiceView AdvocacyService);

/// <summary>The referral, and whether this request made it (a repeat gets the one already made).</summary>
/// <param name="Referral">The referral.</param>
/// <param name="Created">True when this request made it.</param>
public sealed record SelfReferralOutcome(SelfReferralView Referral, bool Created);

/// <summary>
/// Refers a complaint to advocacy at the complainant's own request, proven by the reference and status secret they
/// were given when they complained online (<see cref="SelfReferralConsent"/>): the consent is theirs, the service
/// the one they chose or the one for their area. A wrong pair learns nothing; a repeat makes no second referral.
/// </summary>
public sealed class RequestSelfReferralHandler(
    StatusSecretCheck secrets, CaseStore cases, ReferralStore referrals, ReferralQueries queries, Referring referring,
    FindAdvocacyServiceHandler directory, TimeProvider time)
{
    /// <summary>The referral made, or the one already in force.</summary>
    public async Task<SelfReferralOutcome> HandleAsync(string? secret, SelfReferralRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reference = ReadWellFormed(secret, input);
        var proven = await secrets.ProveAsync(reference, secret!, ct) ?? throw new RequestNotFoundException();
        var c = proven.CaseId is { } caseId ? await cases.ReadAsync(caseId, ct) : null;
        if (c is null)
        {
            throw new RequestStateException("The organisation that will handle your complaint has not opened it yet. Try again in a few minutes.");
        }
        if (await StandingAsync(c.CaseId, c.Reference, ct) is { } standing)
        {
            return new SelfReferralOutcome(standing, Created: false);
        }
        if (!c.IsOpen)
        {
            throw new RequestStateException("Your complaint is closed, so it can no longer be referred to advocacy.");
        }
        var reader = new FieldReader();
        var serviceCode = await referring.ServiceCodeAsync(input.AdvocacyServiceCode, input.Postcode, input.LocalAuthorityCode, proven.PostcodeDistrict, reader, ct);
        reader.ThrowIfAny();
        var today = LondonTime.Today(time);
        var (viewCase, reviewDrafts) = ConsentScope.Agreed(input.ViewCase, input.ReviewDrafts);
        referring.Refer(
            c, serviceCode!,
            new ReferralConsent(ReferralRequester.Complainant, SelfReferralConsent.ProvenBy, SelfReferralConsent.Evidence, today, viewCase, reviewDrafts), today);
        var created = await referrals.SaveUnlessGrantedMeanwhileAsync(ct);
        // A request that lost the race to an identical one gets that one's referral, like any repeat.
        var referral = await StandingAsync(c.CaseId, c.Reference, ct) ?? throw new RequestStateException("The referral could not be recorded. Try again.");
        return new SelfReferralOutcome(referral, created);
    }

    // What can be checked without the complaint, so that bad input is told apart from a wrong secret without
    // revealing anything about the reference; returns the reference, canonical.
    private static string ReadWellFormed(string? secret, SelfReferralRequest input)
    {
        var reader = new FieldReader();
        var reference = ComplaintReference.Normalise(input.Reference);
        if (reference is null)
        {
            reader.Add("reference", string.IsNullOrWhiteSpace(input.Reference)
                ? "Give the reference of your complaint, such as K3QX-9HF7."
                : "A reference is eight letters and digits, such as K3QX-9HF7.");
        }
        if (string.IsNullOrEmpty(secret))
        {
            reader.Add("X-Complaint-Secret", "Send the status secret you were given when you complained, in the X-Complaint-Secret header.");
        }
        if (!string.IsNullOrWhiteSpace(input.AdvocacyServiceCode) && DirectoryCode.Canonical(input.AdvocacyServiceCode) is null)
        {
            reader.Add("advocacyServiceCode", "No advocacy service has this code.");
        }
        if (!string.IsNullOrWhiteSpace(input.Postcode) && Postcodes.Normalise(input.Postcode) is null)
        {
            reader.Add("postcode", AdvocacyAreaLookup.NoArea);
        }
        if (!string.IsNullOrWhiteSpace(input.LocalAuthorityCode) && DirectoryCode.Canonical(input.LocalAuthorityCode) is null)
        {
            reader.Add("localAuthorityCode", AdvocacyAreaLookup.NoArea);
        }
        reader.ThrowIfAny();
        return reference!;
    }

    private async Task<SelfReferralView?> StandingAsync(Guid caseId, string reference, CancellationToken ct)
    {
        var all = await queries.WithGrantsOfCaseAsync(caseId, ct);
        if (SelfReferralConsent.Standing(all) is not { } referral)
        {
            return null;
        }
        var grant = all.First(x => x.Referral.Id == referral.Id).Grant;
        var service = await directory.GetAsync(referral.AdvocacyServiceCode, ct)
            ?? throw new InvalidOperationException("A referral names a service the directory does not hold.");
        return new SelfReferralView(reference, referral.Status, referral.RequestedOn, grant.ViewCase, grant.ReviewDrafts, service);
    }
}
