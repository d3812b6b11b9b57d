namespace IcsComplaints.Intake.Domain.Directory;

/// <summary>An organisation in the directory, identified by its ODS code (opaque: no meaning is read from it).</summary>
public sealed class DirectoryOrganisation
{
    // For EF Core.
    private DirectoryOrganisation()
    {
        OdsCode = "";
        Name = "";
    }

    /// <summary>An organisation as the directory's sources describe it.</summary>
    public DirectoryOrganisation(
        string odsCode, string name, OrganisationKind kind, string? region = null, DateOnly? openedOn = null, DateOnly? closedOn = null,
        IReadOnlyList<string>? successors = null, string? parentOdsCode = null, string source = "", string? postcode = null)
    {
        OdsCode = odsCode;
        Name = name;
        Describe(name, kind, region, openedOn, closedOn, successors ?? [], parentOdsCode, source, postcode);
    }

    /// <summary>ODS code.</summary>
    public string OdsCode { get; private set; }

    /// <summary>Name.</summary>
    public string Name { get; private set; }

    /// <summary>What kind of organisation it is.</summary>
    public OrganisationKind Kind { get; private set; }

    /// <summary>NHS England region.</summary>
    public string? Region { get; private set; }

    /// <summary>First day it existed, when known.</summary>
    public DateOnly? OpenedOn { get; private set; }

    /// <summary>Last day it existed, if it has closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>ODS codes of the organisations that took over from it.</summary>
    public IReadOnlyList<string> Successors { get; private set; } = [];

    /// <summary>The trust a site belongs to.</summary>
    public string? ParentOdsCode { get; private set; }

    /// <summary>Where the record comes from.</summary>
    public string Source { get; private set; } = "";

    /// <summary>Postcode of its main site (a trust) or headquarters (an ICB, a council), when known (<c>SE1 7EH</c>).</summary>
    public string? Postcode { get; private set; }

    /// <summary>True when it existed on the day.</summary>
    public bool IsOpenOn(DateOnly day) => (OpenedOn is null || OpenedOn <= day) && (ClosedOn is null || day <= ClosedOn);

    /// <summary>True for the organisations that provide NHS services and handle complaints about them.</summary>
    public bool IsProvider => Kind is OrganisationKind.NhsTrust or OrganisationKind.TrustSite or OrganisationKind.GpPractice
        or OrganisationKind.DentalPractice or OrganisationKind.IndependentProvider;

    /// <summary>Takes the description the directory's sources now give, so a re-run of the seed updates edited rows.</summary>
    public void Describe(
        string name, OrganisationKind kind, string? region, DateOnly? openedOn, DateOnly? closedOn, IReadOnlyList<string> successors,
        string? parentOdsCode, string source, string? postcode = null)
    {
        Name = name;
        Kind = kind;
        Region = region;
        OpenedOn = openedOn;
        ClosedOn = closedOn;
        Successors = [.. successors];
        ParentOdsCode = parentOdsCode;
        Source = source;
        Postcode = postcode;
    }
}

/// <summary>Kinds of organisation.</summary>
public enum OrganisationKind
{
    /// <summary>Integrated care board.</summary>
    Icb = 1,

    /// <summary>NHS trust or foundation trust.</summary>
    NhsTrust = 2,

    /// <summary>A site of a trust (KO41a counts at site level).</summary>
    TrustSite = 3,

    /// <summary>GP practice.</summary>
    GpPractice = 4,

    /// <summary>Dental practice.</summary>
    DentalPractice = 5,

    /// <summary>Independent provider of NHS-funded care.</summary>
    IndependentProvider = 6,

    /// <summary>Local authority (advocacy is commissioned by local authorities).</summary>
    LocalAuthority = 7,

    /// <summary>Independent NHS complaints advocacy service.</summary>
    AdvocacyService = 8,
}

/// <summary>The type names of the directory's data files and API (<c>nhs-trust</c>), which are not the enumeration's names.</summary>
public static class OrganisationTypes
{
    private static readonly (OrganisationKind Kind, string Name)[] Names =
    [
        (OrganisationKind.Icb, "icb"),
        (OrganisationKind.NhsTrust, "nhs-trust"),
        (OrganisationKind.TrustSite, "trust-site"),
        (OrganisationKind.GpPractice, "gp-practice"),
        (OrganisationKind.DentalPractice, "dental-practice"),
        (OrganisationKind.IndependentProvider, "independent-provider"),
        (OrganisationKind.LocalAuthority, "local-authority"),
        (OrganisationKind.AdvocacyService, "advocacy-service"),
    ];

    /// <summary>Every type name, in the order of the kinds.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>The type name of a kind.</summary>
    public static string NameOf(OrganisationKind kind) => Names.FirstOrDefault(n => n.Kind == kind).Name ?? "unknown";

    /// <summary>The kind a type name stands for, exactly as written in the data files; <c>null</c> for an unknown name.</summary>
    public static OrganisationKind? KindOf(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type.Trim();
        return Names.Where(n => n.Name == name).Select(n => (OrganisationKind?)n.Kind).FirstOrDefault();
    }
}
