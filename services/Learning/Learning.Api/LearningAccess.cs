using IcsComplaints.Directory;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api;

/// <summary>Who may do what with an organisation's learning.</summary>
public static class LearningAccess
{
    /// <summary>Code complaints: the complaints team and the quality lead.</summary>
    public static readonly string[] Coders = [Roles.ComplaintsHandler, Roles.Investigator, Roles.QualityLead];

    /// <summary>Read the organisation's codings, actions and themes.</summary>
    public static readonly IReadOnlyList<string> OrganisationReaders = Roles.OrganisationStaff;

    /// <summary>Raise, complete and cancel learning actions.</summary>
    public static readonly string[] ActionOwners = [Roles.ComplaintsHandler, Roles.QualityLead, Roles.ResponsiblePerson, Roles.IcbCommissioner];

    /// <summary>Draw calibration samples, read agreement and complete the self-assessment (governance).</summary>
    public static readonly string[] Governance = [Roles.QualityLead, Roles.ResponsiblePerson];

    /// <summary>
    /// The caller's own organisation, when the caller governs it (<see cref="Governance"/>); otherwise refused with
    /// <paramref name="refusal"/>, which says what governance the caller lacks.
    /// </summary>
    public static string GovernedOrganisation(Caller caller, string refusal)
    {
        if (caller.OrganisationCode is not { } organisation || !caller.ActsFor(organisation, Governance))
        {
            throw new RequestForbiddenException(refusal);
        }
        return organisation;
    }

    /// <summary>True when the caller oversees an ICB's providers: detects and shares themes, compares their self-assessments and agreement.</summary>
    public static bool IsIcbOverseer(Caller caller) => Commissioning.IsIcbOverseer(caller);
}

/// <summary>Audit resource names of this service.</summary>
public static class LearningResources
{
    /// <summary>A case's HCAT coding.</summary>
    public const string Coding = "hcat-coding";

    /// <summary>A learning action.</summary>
    public const string Action = "learning-action";

    /// <summary>A self-assessment.</summary>
    public const string SelfAssessment = "self-assessment";

    /// <summary>A member of staff on the training register, with their training.</summary>
    public const string StaffTraining = "staff-training";

    /// <summary>An organisation's training register: its staff by name.</summary>
    public const string TrainingRegister = "training-register";

    /// <summary>A final response drawn into a quality sample, with its rating.</summary>
    public const string ResponseReview = "response-review";

    /// <summary>An organisation's sampled final responses, with their ratings and comments.</summary>
    public const string ResponseReviews = "response-reviews";
}
