namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>An organisation users and systems act for, identified by its ODS code.</summary>
/// <param name="odsCode">ODS code (an opaque string).</param>
/// <param name="name">Name.</param>
/// <param name="type">icb, provider or advocacy (see <c>OrganisationTypes</c>).</param>
public sealed class Organisation(string odsCode, string name, string type)
{
    /// <summary>ODS code (an opaque string).</summary>
    public string OdsCode { get; private set; } = odsCode;

    /// <summary>Name.</summary>
    public string Name { get; private set; } = name;

    /// <summary>icb, provider or advocacy (see <c>OrganisationTypes</c>).</summary>
    public string Type { get; private set; } = type;
}
