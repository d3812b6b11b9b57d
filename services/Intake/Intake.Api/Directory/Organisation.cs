namespace IcsComplaints.Intake.Api.Directory;

/// <summary>An organisation in the directory, identified by its ODS code (opaque: no meaning is read from it).</summary>
public sealed class DirectoryOrganisation
{
    /// <summary>ODS code.</summary>
    public required string OdsCode { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>What kind of organisation it is.</summary>
    public OrganisationKind Kind { get; set; }

    /// <summary>NHS England region.</summary>
    public string? Region { get; set; }

    /// <summary>First day it existed, when known.</summary>
    public DateOnly? OpenedOn { get; set; }

    /// <summary>Last day it existed, if it has closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>ODS codes of the organisations that took over from it.</summary>
    public List<string> Successors { get; set; } = [];

    /// <summary>The trust a site belongs to.</summary>
    public string? ParentOdsCode { get; set; }

    /// <summary>Where the record comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>True when it existed on the day.</summary>
    public bool IsOpenOn(DateOnly day) => (OpenedOn is null || OpenedOn <= day) && (ClosedOn is null || day <= ClosedOn);

    /// <summary>True for the organisations that provide NHS services and handle complaints about them.</summary>
    public bool IsProvider => Kind is OrganisationKind.NhsTrust or OrganisationKind.TrustSite or OrganisationKind.GpPractice
        or OrganisationKind.DentalPractice or OrganisationKind.IndependentProvider;
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

/// <summary>A commissioner (an ICB) commissioning a provider over a period.</summary>
public sealed class CommissioningRelationship
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>ODS code of the ICB.</summary>
    public required string CommissionerOdsCode { get; init; }

    /// <summary>ODS code of the provider.</summary>
    public required string ProviderOdsCode { get; init; }

    /// <summary>First day.</summary>
    public DateOnly From { get; init; }

    /// <summary>Last day, if it has ended.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Where the record comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>True when it held on the day.</summary>
    public bool HoldsOn(DateOnly day) => From <= day && (To is null || day <= To);
}
