namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>
/// A theme the learning service detected. A theme shared before its detection arrives waits without a month, so no
/// period counts it until then.
/// </summary>
/// <param name="themeId">The theme.</param>
/// <param name="icbCode">ICB.</param>
public sealed class ThemeFact(Guid themeId, string icbCode)
{
    /// <summary>The theme.</summary>
    public Guid ThemeId { get; private set; } = themeId;

    /// <summary>ICB.</summary>
    public string IcbCode { get; private set; } = icbCode;

    /// <summary>Provider, or empty for a system theme.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>HcatCategory or SubjectArea.</summary>
    public string Dimension { get; private set; } = "";

    /// <summary>Category or subject area.</summary>
    public string Code { get; private set; } = "";

    /// <summary>First day of the month examined; <c>null</c> until the detection arrives (a theme may be shared first).</summary>
    public DateOnly? Month { get; private set; }

    /// <summary>Shared with providers.</summary>
    public bool Shared { get; private set; }

    /// <summary>The detection: for a provider (or, without one, the ICB's whole system), on a dimension, in a month.</summary>
    public void Detect(string? organisationCode, string dimension, string code, DateOnly month)
    {
        OrganisationCode = organisationCode ?? "";
        Dimension = dimension;
        Code = code;
        Month = month;
    }

    /// <summary>The ICB shared the theme with its providers.</summary>
    public void Share() => Shared = true;
}
