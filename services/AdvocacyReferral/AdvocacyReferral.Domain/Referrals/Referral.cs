using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Domain.Referrals;

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

/// <summary>Who asked for a referral.</summary>
public static class ReferralRequester
{
    /// <summary>The complaints team of the organisation handling the case.</summary>
    public const string Handler = "Handler";

    /// <summary>The signed-in complainant, for themselves.</summary>
    public const string Complainant = "Complainant";
}

/// <summary>
/// A complaint referred to the advocacy service of the complainant's area, always with the consent grant that lets
/// the service see it: requested, then accepted (with an advocate) or declined by the service, and ended with its
/// grant.
/// </summary>
public sealed class Referral
{
    private Referral()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The advocacy service.</summary>
    public string AdvocacyServiceCode { get; private set; } = "";

    /// <summary>Where it stands.</summary>
    public ReferralStatus Status { get; private set; } = ReferralStatus.Requested;

    /// <summary><see cref="ReferralRequester.Handler"/> or <see cref="ReferralRequester.Complainant"/>.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>The subject who asked.</summary>
    public string RequestedBySubject { get; private set; } = "";

    /// <summary>When.</summary>
    public DateOnly RequestedOn { get; private set; }

    /// <summary>When the service answered.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>Why it was declined.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>The advocate assigned.</summary>
    public string? AdvocateSubjectId { get; private set; }

    /// <summary>Their name.</summary>
    public string? AdvocateName { get; private set; }

    /// <summary>The consent grant that came with the referral.</summary>
    public Guid GrantId { get; private set; }

    /// <summary>Refers the case under the grant just given.</summary>
    public static Referral Request(Guid id, ConsentGrant grant, string requestedBy, string requestedBySubject, DateOnly requestedOn) => new()
    {
        Id = id, CaseId = grant.CaseId, AdvocacyServiceCode = grant.AdvocacyServiceCode, RequestedBy = requestedBy,
        RequestedBySubject = requestedBySubject, RequestedOn = requestedOn, GrantId = grant.Id,
    };

    /// <summary>The service accepts and assigns an advocate; only a referral still waiting, under consent still in force.</summary>
    public void Accept(ConsentGrant grant, string advocateName, string advocateSubjectId, DateOnly on)
    {
        if (Status != ReferralStatus.Requested || !grant.IsActive)
        {
            throw new RequestStateException($"The referral is {Status}{(grant.IsActive ? "" : ", and its consent has ended")}.");
        }
        Status = ReferralStatus.Accepted;
        AnsweredOn = on;
        AdvocateName = advocateName;
        AdvocateSubjectId = advocateSubjectId;
    }

    /// <summary>The service declines a referral still waiting; the caller ends its grant with <see cref="ConsentEndReason.ReferralDeclined"/>.</summary>
    public void Decline(string reason, DateOnly on)
    {
        if (Status != ReferralStatus.Requested)
        {
            throw new RequestStateException($"The referral is {Status}.");
        }
        AnsweredOn = on;
        DeclineReason = reason;
        Status = ReferralStatus.Declined;
    }

    /// <summary>Its grant ended: a referral still waiting or accepted ends with it (as declined, when that is why).</summary>
    internal void GrantEnded(string reason)
    {
        if (Status is ReferralStatus.Requested or ReferralStatus.Accepted)
        {
            Status = reason == ConsentEndReason.ReferralDeclined ? ReferralStatus.Declined : ReferralStatus.Ended;
        }
    }
}
