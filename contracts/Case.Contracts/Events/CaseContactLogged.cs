namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The complainant was contacted or made contact (no content: the channel, the day, whether it was an update).</summary>
public sealed record CaseContactLogged
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Phone, Email, Letter, Meeting or Text.</summary>
    public required string Channel { get; init; }

    /// <summary>An update given before the outcome.</summary>
    public required bool IsUpdate { get; init; }
}
