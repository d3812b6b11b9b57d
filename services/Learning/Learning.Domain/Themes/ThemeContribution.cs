namespace IcsComplaints.Learning.Domain.Themes;

/// <summary>One provider's part of a system theme.</summary>
public sealed class ThemeContribution
{
    /// <summary>Row identifier.</summary>
    public long Id { get; init; }

    /// <summary>The theme.</summary>
    public Guid ThemeId { get; init; }

    /// <summary>The provider.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Its complaints with the problem that month.</summary>
    public int Observed { get; init; }

    /// <summary>Its complaints coded that month.</summary>
    public int Total { get; init; }
}
