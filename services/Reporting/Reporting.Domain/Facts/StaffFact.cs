namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>What is recorded about a member of staff complained about: once told, offered support or shown the response, always so.</summary>
/// <param name="caseId">The case.</param>
/// <param name="staffId">The staff record in the case.</param>
/// <param name="organisationCode">ODS code.</param>
public sealed class StaffFact(Guid caseId, long staffId, string organisationCode)
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; } = caseId;

    /// <summary>The staff record in the case.</summary>
    public long StaffId { get; private set; } = staffId;

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>Told.</summary>
    public bool Told { get; private set; }

    /// <summary>Support offered.</summary>
    public bool SupportOffered { get; private set; }

    /// <summary>Shown the final response.</summary>
    public bool SawFinalResponse { get; private set; }

    /// <summary>A record of the staff member: records only gain facts, so an older one arriving late takes none away.</summary>
    public void Record(bool told, bool supportOffered, bool sawFinalResponse)
    {
        Told |= told;
        SupportOffered |= supportOffered;
        SawFinalResponse |= sawFinalResponse;
    }
}
