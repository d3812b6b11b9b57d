namespace IcsComplaints.Correspondence.Domain.Cases;

/// <summary>
/// A member of staff complained about, as the case service announced them: only whether the case holds a work
/// address for them and whether they have been told. Their name and address stay in case and are read when a
/// message is sent (Complaint Standards: staff told early, offered support, shown the final response).
/// </summary>
public sealed class StaffToTell
{
    private StaffToTell()
    {
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Their record's id within the case.</summary>
    public long StaffId { get; private set; }

    /// <summary>Whether the case holds a work e-mail address for them.</summary>
    public bool HasWorkEmail { get; private set; }

    /// <summary>Whether the message telling them of the complaint has been queued: they are told once.</summary>
    public bool Told { get; private set; }

    /// <summary>A member of staff first announced.</summary>
    public static StaffToTell Announced(Guid caseId, long staffId) => new() { CaseId = caseId, StaffId = staffId };

    /// <summary>
    /// Records what an announcement says; true when they are now to be told of the complaint, which happens the first
    /// time a work address is held for them and never again, however often their record changes. Case keeps an
    /// address once given, so an announcement without one, arriving late, does not take it away.
    /// </summary>
    public bool Recorded(bool hasWorkEmail)
    {
        HasWorkEmail |= hasWorkEmail;
        if (!hasWorkEmail || Told)
        {
            return false;
        }
        Told = true;
        return true;
    }
}
