namespace IcsComplaints.Case.Contracts.Events;

/// <summary>The letter explaining why no response had gone by the Reg 14 backstop was sent.</summary>
public sealed record DelayLetterSent
{
    /// <summary>Identifier of the case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly SentOn { get; init; }
}
