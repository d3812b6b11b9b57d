namespace IcsComplaints.Case.Domain.Cases;

/// <summary>
/// A response date agreed with the complainant (or set when they declined to discuss it), Reg 13; a change is a
/// new agreement with its reason (<see cref="Rules.ResponseDateRenegotiation"/>).
/// </summary>
public sealed class ResponseDateAgreement
{
    private ResponseDateAgreement()
    {
    }

    internal ResponseDateAgreement(Guid caseId, DateOnly agreedOn, DateOnly dueBy, bool withComplainant, string reason, string recordedBy)
    {
        CaseId = caseId;
        AgreedOn = agreedOn;
        DueBy = dueBy;
        WithComplainant = withComplainant;
        Reason = reason;
        RecordedBy = recordedBy;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>When it was agreed.</summary>
    public DateOnly AgreedOn { get; private set; }

    /// <summary>The date the response is due by.</summary>
    public DateOnly DueBy { get; private set; }

    /// <summary>True when agreed with the complainant; false when set by the organisation because they declined to discuss it.</summary>
    public bool WithComplainant { get; private set; }

    /// <summary>Why this date (and, for a renegotiation, why it changed).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; private set; } = "";
}
