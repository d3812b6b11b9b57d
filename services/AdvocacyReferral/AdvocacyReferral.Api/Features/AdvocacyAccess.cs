using IcsComplaints.AdvocacyReferral.Domain.Cases;
using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.AdvocacyReferral.Api.Features;

/// <summary>Who may do what on referrals, grants and reviews.</summary>
public static class AdvocacyAccess
{
    /// <summary>Roles that refer a case and revoke consent for the organisation handling it.</summary>
    public static readonly IReadOnlyList<string> Handlers = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>Roles that see their organisation's referrals and the advocates' comments.</summary>
    public static readonly IReadOnlyList<string> Readers = Roles.OrganisationStaff;

    /// <summary>The signed-in complainant of the case.</summary>
    public static bool IsComplainant(Caller caller, CaseReference c) => caller.Has(Roles.Complainant) && c.IsComplainant(caller.SubjectId);

    /// <summary>An advocate of the named service.</summary>
    public static bool IsAdvocateOf(Caller caller, string serviceCode) =>
        caller.Has(Roles.Advocate) && string.Equals(caller.OrganisationCode, serviceCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whose referrals and reviews the caller reads: an advocacy service its own, staff their organisation's, a
    /// complainant theirs; anyone else is refused with <paramref name="refusal"/>.
    /// </summary>
    public static Readership ReadershipOf(Caller caller, string refusal)
    {
        if (caller.Has(Roles.Advocate))
        {
            return new Readership.AdvocacyService(caller.OrganisationCode);
        }
        if (caller.HasAny(Readers) && caller.OrganisationCode is { } organisation)
        {
            return new Readership.Organisation(organisation);
        }
        return caller.Has(Roles.Complainant) ? new Readership.Complainant(caller.SubjectId) : throw new RequestForbiddenException(refusal);
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
