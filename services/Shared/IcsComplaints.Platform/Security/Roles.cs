namespace IcsComplaints.Platform.Security;

/// <summary>
/// The roles a token can carry in its <c>role</c> claim. Organisation roles come from a membership of the
/// organisation named in the <c>org</c> claim; platform administrator and complainant belong to no organisation.
/// </summary>
public static class Roles
{
    /// <summary>
    /// Staff who read their own organisation's complaints, cases, learning and figures: the complaints team, the
    /// responsible person, the quality lead and (at an ICB) the commissioner. One list, so every service agrees.
    /// </summary>
    public static readonly IReadOnlyList<string> OrganisationStaff = [ComplaintsHandler, Investigator, ResponsiblePerson, QualityLead, IcbCommissioner];

    /// <summary>Handles complaints for an organisation (the statutory complaints manager's team, Reg 4).</summary>
    public const string ComplaintsHandler = "complaints-handler";

    /// <summary>Looks into complaints (the closer look).</summary>
    public const string Investigator = "investigator";

    /// <summary>Signs final responses: the chief executive or a delegate (Reg 4, Reg 14).</summary>
    public const string ResponsiblePerson = "responsible-person";

    /// <summary>Commissioner at an ICB: routes complaints about providers and oversees them.</summary>
    public const string IcbCommissioner = "icb-commissioner";

    /// <summary>Independent complaints advocate, working for an advocacy service.</summary>
    public const string Advocate = "advocate";

    /// <summary>Quality or governance lead: learning, audit, annual report.</summary>
    public const string QualityLead = "quality-lead";

    /// <summary>Runs the platform; belongs to no organisation.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>A person who complained; sees their own complaint only.</summary>
    public const string Complainant = "complainant";

    /// <summary>Another system of an organisation (a trust's PALS system), using client credentials.</summary>
    public const string IntegrationSystem = "integration-system";

    /// <summary>
    /// The correspondence service itself (its own client credentials, ADR 36): reads a complainant's contact details
    /// at the moment it sends them a letter, for any organisation, and may call nothing else
    /// (<see cref="ServiceIdentityBoundary"/>).
    /// </summary>
    public const string CorrespondenceService = "correspondence-service";

    /// <summary>
    /// The learning service itself (its own client credentials, ADR 44): reads the changes a sent final response
    /// committed to, to propose them as learning actions, for any organisation, and may call nothing else
    /// (<see cref="ServiceIdentityBoundary"/>).
    /// </summary>
    public const string LearningService = "learning-service";

    /// <summary>Roles of the platform's own services, each refused everywhere except where an endpoint admits it.</summary>
    public static readonly IReadOnlyList<string> Services = [CorrespondenceService, LearningService];

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ComplaintsHandler, Investigator, ResponsiblePerson, IcbCommissioner, Advocate, QualityLead, PlatformAdmin, Complainant, IntegrationSystem,
        CorrespondenceService, LearningService,
    ];

    /// <summary>Staff roles that work on an organisation's own complaints and cases.</summary>
    public static readonly IReadOnlyList<string> CaseWorkers = [ComplaintsHandler, Investigator, ResponsiblePerson, QualityLead];
}

/// <summary>Claim names in access tokens (an external identity provider's names are mapped to these).</summary>
public static class IcsClaims
{
    /// <summary>Subject: the user's or client's stable identifier.</summary>
    public const string Subject = "sub";

    /// <summary>Display name.</summary>
    public const string Name = "name";

    /// <summary>Role, one claim per role.</summary>
    public const string Role = "role";

    /// <summary>ODS code of the organisation the user acts for.</summary>
    public const string Organisation = "org";

    /// <summary>Type of that organisation: <see cref="OrganisationTypes"/>.</summary>
    public const string OrganisationType = "org_type";
}

/// <summary>Values of the <c>org_type</c> claim.</summary>
public static class OrganisationTypes
{
    /// <summary>An integrated care board.</summary>
    public const string Icb = "icb";

    /// <summary>A provider of NHS services: trust, GP or dental practice, independent provider.</summary>
    public const string Provider = "provider";

    /// <summary>An independent NHS complaints advocacy service.</summary>
    public const string AdvocacyService = "advocacy";
}
