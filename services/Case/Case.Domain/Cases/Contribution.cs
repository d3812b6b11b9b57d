namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Another organisation's part of a co-ordinated response (Reg 9), collected by the lead organisation's case.</summary>
public sealed class Contribution
{
    private Contribution()
    {
    }

    internal Contribution(Guid caseId, string organisationCode)
    {
        CaseId = caseId;
        OrganisationCode = organisationCode;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The lead organisation's case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>ODS code of the contributing organisation.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Its section of the response.</summary>
    public string? Text { get; private set; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Who signed it off (the contributor's responsible person or delegate).</summary>
    public string? SignedOffBy { get; private set; }

    /// <summary>When.</summary>
    public DateOnly? SignedOffOn { get; private set; }

    /// <summary>A changed section needs a new sign-off.</summary>
    internal void Write(string text, DateTimeOffset at)
    {
        Text = text;
        UpdatedAt = at;
        SignedOffBy = null;
        SignedOffOn = null;
    }

    internal void SignOff(string signedBy, DateOnly on)
    {
        SignedOffBy = signedBy;
        SignedOffOn = on;
    }
}
