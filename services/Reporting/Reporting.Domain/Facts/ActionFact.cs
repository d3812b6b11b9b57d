namespace IcsComplaints.Reporting.Domain.Facts;

/// <summary>A learning action.</summary>
/// <param name="actionId">The action.</param>
/// <param name="organisationCode">ODS code.</param>
public sealed class ActionFact(Guid actionId, string organisationCode)
{
    /// <summary>The action.</summary>
    public Guid ActionId { get; private set; } = actionId;

    /// <summary>ODS code.</summary>
    public string OrganisationCode { get; private set; } = organisationCode;

    /// <summary>Raised.</summary>
    public DateOnly? RaisedOn { get; private set; }

    /// <summary>Completed.</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Published as "you said, we did".</summary>
    public bool Published { get; private set; }

    /// <summary>The action was raised.</summary>
    public void Raise(DateOnly raisedOn) => RaisedOn = raisedOn;

    /// <summary>The action was completed, and published as "you said, we did" or not.</summary>
    public void Complete(DateOnly completedOn, bool published)
    {
        CompletedOn = completedOn;
        Published = published;
    }
}
