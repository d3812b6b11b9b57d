namespace IcsComplaints.Case.Domain.Cases;

/// <summary>
/// A member of staff complained about: told early, offered support, able to comment and to see how the comments
/// were used (NHS Complaint Standards). Kept in this service only, never in events; separate from HR processes.
/// </summary>
public sealed class StaffInvolved
{
    private StaffInvolved()
    {
    }

    internal StaffInvolved(Guid caseId, string name, string role)
    {
        CaseId = caseId;
        Name = name;
        Role = role;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Job role.</summary>
    public string Role { get; private set; } = "";

    /// <summary>
    /// Their work e-mail address, when given: the platform then tells them of the complaint and the support offered,
    /// and sends them the final response (ADR 41).
    /// </summary>
    public string? WorkEmail { get; private set; }

    /// <summary>When they were told of the complaint.</summary>
    public DateOnly? ToldOn { get; private set; }

    /// <summary>The support offered (occupational health, union, a named colleague, …).</summary>
    public string? SupportOffered { get; private set; }

    /// <summary>Their comments.</summary>
    public string? Comments { get; private set; }

    /// <summary>How their comments were used in the response.</summary>
    public string? CommentsUse { get; private set; }

    /// <summary>When they saw the final response.</summary>
    public DateOnly? SawFinalResponseOn { get; private set; }

    /// <summary>Records what is given; what is not given keeps its value.</summary>
    internal void Record(string? name, string? role, StaffDetails details)
    {
        Name = name ?? Name;
        Role = role ?? Role;
        WorkEmail = details.WorkEmail ?? WorkEmail;
        ToldOn = details.ToldOn ?? ToldOn;
        SupportOffered = details.SupportOffered ?? SupportOffered;
        Comments = details.Comments ?? Comments;
        CommentsUse = details.CommentsUse ?? CommentsUse;
        SawFinalResponseOn = details.SawFinalResponseOn ?? SawFinalResponseOn;
    }
}

/// <summary>What is recorded about a member of staff complained about; <c>null</c> keeps what was recorded before.</summary>
/// <param name="ToldOn">When they were told of the complaint.</param>
/// <param name="SupportOffered">The support offered.</param>
/// <param name="Comments">Their comments.</param>
/// <param name="CommentsUse">How their comments were used in the response.</param>
/// <param name="SawFinalResponseOn">When they saw the final response.</param>
/// <param name="WorkEmail">Their work e-mail address.</param>
public sealed record StaffDetails(DateOnly? ToldOn, string? SupportOffered, string? Comments, string? CommentsUse, DateOnly? SawFinalResponseOn, string? WorkEmail = null);
