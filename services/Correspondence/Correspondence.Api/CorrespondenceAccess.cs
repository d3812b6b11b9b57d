using IcsComplaints.Platform.Security;

namespace IcsComplaints.Correspondence.Api;

/// <summary>Who may read what the service sent.</summary>
public static class CorrespondenceAccess
{
    /// <summary>Read what was sent about a case: the staff of the organisation handling it, as for the case itself.</summary>
    public static readonly IReadOnlyList<string> CaseReaders = Roles.OrganisationStaff;
}
