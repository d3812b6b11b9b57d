namespace IcsComplaints.Learning.Domain.Themes;

/// <summary>One provider's part of a system theme, added only through its <see cref="Theme"/>.</summary>
public sealed class ThemeContribution
{
    private ThemeContribution()
    {
    }

    internal ThemeContribution(Guid themeId, string organisationCode, int observed, int total) =>
        (ThemeId, OrganisationCode, Observed, Total) = (themeId, organisationCode, observed, total);

    /// <summary>Row identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The theme.</summary>
    public Guid ThemeId { get; private set; }

    /// <summary>The provider.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Its complaints with the problem that month.</summary>
    public int Observed { get; private set; }

    /// <summary>Its complaints coded that month.</summary>
    public int Total { get; private set; }
}
