using IcsComplaints.Case.Domain.Rules;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>How an organisation runs the procedure, where the Standards leave it to the organisation.</summary>
public sealed class OrganisationSettings
{
    private OrganisationSettings()
    {
    }

    /// <summary>The settings of an organisation that has changed none: the defaults of each rule.</summary>
    public OrganisationSettings(string organisationCode)
    {
        OrganisationCode = organisationCode;
    }

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>Early-resolution target, in working days from receipt (<see cref="EarlyResolutionTarget"/>).</summary>
    public int EarlyResolutionTargetWorkingDays { get; private set; } = EarlyResolutionTarget.DefaultWorkingDays;

    /// <summary>Working days an advocate or contributing organisation has to review a draft before it can be finalised without them (<see cref="AdvocateReviewWindow"/>).</summary>
    public int ReviewWindowWorkingDays { get; private set; } = AdvocateReviewWindow.DefaultWorkingDays;

    /// <summary>Who last changed them.</summary>
    public string? UpdatedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Changes the settings given (each checked by its rule); a setting not given keeps its value.</summary>
    public void Change(int? earlyResolutionTargetWorkingDays, int? reviewWindowWorkingDays, string by, DateTimeOffset at)
    {
        EarlyResolutionTargetWorkingDays = earlyResolutionTargetWorkingDays ?? EarlyResolutionTargetWorkingDays;
        ReviewWindowWorkingDays = reviewWindowWorkingDays ?? ReviewWindowWorkingDays;
        UpdatedBy = by;
        UpdatedAt = at;
    }
}
