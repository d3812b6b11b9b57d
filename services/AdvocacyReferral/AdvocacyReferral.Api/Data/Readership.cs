namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Whose referrals and reviews a list shows: the features decide it from the caller, the queries filter by it.</summary>
public abstract record Readership
{
    private Readership()
    {
    }

    /// <summary>An advocacy service: its own, and only while the consent they rest on is in force.</summary>
    /// <param name="Code">The service's code; none matches nothing.</param>
    public sealed record AdvocacyService(string? Code) : Readership;

    /// <summary>The organisation handling the cases.</summary>
    /// <param name="Code">Its ODS code.</param>
    public sealed record Organisation(string Code) : Readership;

    /// <summary>The signed-in complainant of the cases.</summary>
    /// <param name="SubjectId">Their subject.</param>
    public sealed record Complainant(string SubjectId) : Readership;
}
