namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Why the clock stopped.</summary>
public enum PauseReason
{
    /// <summary>Waiting for the patient's consent (for example to share records).</summary>
    AwaitingConsent = 1,

    /// <summary>Waiting for the complainant (information, a meeting they asked to postpone).</summary>
    AwaitingComplainant = 2,

    /// <summary>A parallel process: inquest, legal claim, regulator, police, patient-safety investigation.</summary>
    ParallelProcess = 3,
}

/// <summary>A period when the response clock stood still; what a pause moves is <see cref="Rules.ClockPausing"/>.</summary>
public sealed class ClockPause
{
    private ClockPause()
    {
    }

    internal ClockPause(Guid caseId, PauseReason reason, string detail, DateOnly from)
    {
        CaseId = caseId;
        Reason = reason;
        Detail = detail;
        From = from;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Why.</summary>
    public PauseReason Reason { get; private set; }

    /// <summary>Which process or what is awaited, in a few words (no personal data).</summary>
    public string Detail { get; private set; } = "";

    /// <summary>First day paused.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The day the clock restarted; <c>null</c> while paused.</summary>
    public DateOnly? Until { get; private set; }

    /// <summary>Restarts the clock on <paramref name="on"/>, never before the pause began.</summary>
    internal void End(DateOnly on) => Until = on < From ? From : on;
}
