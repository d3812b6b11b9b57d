namespace IcsComplaints.Intake.Domain.Directory;

/// <summary>A commissioner (an ICB) commissioning a provider over a period.</summary>
public sealed class CommissioningRelationship
{
    // For EF Core.
    private CommissioningRelationship()
    {
        CommissionerOdsCode = "";
        ProviderOdsCode = "";
    }

    /// <summary>A relationship from its first day.</summary>
    public CommissioningRelationship(string commissionerOdsCode, string providerOdsCode, DateOnly from, DateOnly? to = null, string source = "")
    {
        CommissionerOdsCode = commissionerOdsCode;
        ProviderOdsCode = providerOdsCode;
        From = from;
        To = to;
        Source = source;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>ODS code of the ICB.</summary>
    public string CommissionerOdsCode { get; private set; }

    /// <summary>ODS code of the provider.</summary>
    public string ProviderOdsCode { get; private set; }

    /// <summary>First day.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day, if it has ended.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>Where the record comes from.</summary>
    public string Source { get; private set; } = "";

    /// <summary>True when it held on the day.</summary>
    public bool HoldsOn(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>Takes the end and source the directory's sources now give: a relationship ends, it is never rewritten.</summary>
    public void Describe(DateOnly? to, string source)
    {
        To = to;
        Source = source;
    }
}
